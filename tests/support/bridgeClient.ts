/** Test support: calling the loopback bridge the way the renderer's HTTP transport does. */
import type { ApiResult } from '../../src/shared/api';

/** POSTs one contract call to a bridge; returns the HTTP status and the parsed body. */
export async function callBridge(
  origin: string,
  method: string,
  input: unknown,
  token: string | null,
): Promise<{ status: number; body: ApiResult<unknown> }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${origin}/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(input ?? {}),
  });
  return { status: response.status, body: (await response.json()) as ApiResult<unknown> };
}
