/** The command palette (Ctrl/Cmd+K). Built by the search issue; until then it draws nothing. */
export function CommandPalette() {
  return null;
}
