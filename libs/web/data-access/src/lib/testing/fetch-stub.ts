import type { FetchLike } from '../api-client';

/** For the specs: a fetch that answers `status` with `body` (nothing for a 204) and records each call. */
export function stubFetch(status = 200, body: unknown = []) {
  const calls: Array<{ url: string; method: string; body: unknown }> = [];
  const fetch: FetchLike = async (url, init = {}) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    const text = status === 204 ? '' : JSON.stringify(body);
    return { ok: status < 300, status, statusText: '', headers: new Headers(), text: async () => text };
  };
  return { fetch, calls };
}
