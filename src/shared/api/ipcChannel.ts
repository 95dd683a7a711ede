/** The IPC channel of a contract method: the preload invokes it and the main process handles it. */
export function ipcChannel(method: string): string {
  return `atlas:${method}`;
}
