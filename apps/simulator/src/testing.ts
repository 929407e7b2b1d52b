/** Helpers for the simulator's own specs: start one on a free port, call it over HTTP. */
import { startSimulator, type RunningSimulator, type SimulatorOptions } from './index';
import type { Platform } from './platform';
import type { PublishedItem } from './admin';

export const AUTH = { authorization: 'Bearer test-token' } as const;

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, seed: 7, ...options });
}

function parse(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function call<T = unknown>(
  sim: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...headers };
  }
  const res = await fetch(`${sim.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: parse(text) as T };
}

/** GET a path (with the test token unless other headers are given) */
export function get<T = unknown>(
  sim: RunningSimulator,
  path: string,
  headers: Record<string, string> = AUTH,
): Promise<HttpResult<T>> {
  return call<T>(sim, 'GET', path, undefined, headers);
}

export function search<T = unknown>(
  sim: RunningSimulator,
  params: Record<string, string>,
  headers: Record<string, string> = AUTH,
) {
  return call<T>(
    sim,
    'GET',
    `/2/tweets/search/recent?${new URLSearchParams(params).toString()}`,
    undefined,
    headers,
  );
}

export type { PublishedItem };

export interface ItemList<T> {
  items: T[];
  count: number;
}

export async function publish(sim: RunningSimulator, body: unknown): Promise<PublishedItem[]> {
  const r = await call<ItemList<PublishedItem>>(sim, 'POST', '/__sim/publish', body);
  if (r.status !== 201) throw new Error(`publish failed: ${r.status} ${r.text}`);
  return r.json.items;
}

/** the ground truth: every post published (matching `query`, in X syntax; on `platform`), oldest first */
export async function published(
  sim: RunningSimulator,
  query?: string,
  platform?: Platform,
): Promise<ItemList<PublishedItem>> {
  const params = new URLSearchParams();
  if (query !== undefined) params.set('query', query);
  if (platform !== undefined) params.set('platform', platform);
  const qs = params.size > 0 ? `?${params.toString()}` : '';
  return (await call<ItemList<PublishedItem>>(sim, 'GET', `/__sim/published${qs}`)).json;
}

export async function setFaults(sim: RunningSimulator, body: unknown): Promise<void> {
  const r = await call(sim, 'POST', '/__sim/faults', body);
  if (r.status !== 200) throw new Error(`faults failed: ${r.status} ${r.text}`);
}

/** the data[] of an X search body */
export interface XTweet {
  id: string;
  text: string;
  [key: string]: unknown;
}
export interface XSearchBody {
  data?: XTweet[];
  includes?: { users?: Array<Record<string, unknown>>; tweets?: XTweet[] };
  meta: { newest_id?: string; oldest_id?: string; result_count: number; next_token?: string };
}
