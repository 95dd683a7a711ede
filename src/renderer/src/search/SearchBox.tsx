/** The search box with results while typing. Built by the search issue; until then it draws nothing. */
export function SearchBox(_props: { onOpen?: (id: string) => void; autoFocus?: boolean }) {
  return null;
}
