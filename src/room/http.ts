// How a browser in the room asks the session service: JSON both ways, the token as a bearer
// header, and an answer that is either the value or the server's own sentence saying why not.
export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

/** status 0: no answer at all (the network, or the server, is down). */
export async function callService<T>(
  fetcher: typeof fetch,
  path: string,
  init: RequestInit,
  token: string | undefined,
  unreachable: string,
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const res = await fetcher(path, { ...init, headers });
    const body = (await res.json().catch(() => ({}))) as T & { error?: string };
    return res.ok ? { ok: true, value: body } : { ok: false, status: res.status, error: body.error ?? res.statusText };
  } catch {
    return { ok: false, status: 0, error: unreachable };
  }
}
