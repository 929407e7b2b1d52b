/**
 * Sends a page of search results the same way on every platform, honouring the page faults: "duplicate_page"
 * replays the previous page of the same search, "out_of_order" shuffles the items of a normal page (its cursors
 * stay those of the real order). Posts are counted as served unless the body is damaged on the way.
 */
import type { Response } from 'express';
import type { SimulatorContext } from './context';
import { faultLocals } from './fault-middleware';
import type { SimPost } from './model';
import { bodyIntact, sendJson } from './respond';

/** a rendered page, kept per search for the duplicate_page fault */
export interface CachedPage {
  body: unknown;
  /** the posts in the page, to count as served */
  posts: readonly SimPost[];
  /** headers that belong to the page (e.g. Mastodon's Link) */
  headers?: Record<string, string>;
}

/** where the items are in a body: a path of keys, [] for a body that is the array itself */
export type ItemsPath = readonly string[];

function withItems(
  body: unknown,
  path: ItemsPath,
  reorder: (items: readonly unknown[]) => unknown[],
): unknown {
  if (path.length === 0) return Array.isArray(body) ? reorder(body) : body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const obj = body as Record<string, unknown>;
  const [head, ...rest] = path;
  if (!(head in obj)) return body;
  return { ...obj, [head]: withItems(obj[head], rest, reorder) };
}

export function sendPage(
  ctx: SimulatorContext,
  res: Response,
  key: string,
  compute: () => CachedPage,
  itemsPath: ItemsPath,
  contentType?: string,
): void {
  const previous = ctx.lastPages.get(key);
  const page = faultLocals(res).duplicatePage && previous ? previous : compute();
  ctx.lastPages.set(key, page);
  const shuffle = faultLocals(res).shuffle;
  const body = shuffle ? withItems(page.body, itemsPath, (items) => shuffle(items)) : page.body;
  for (const [name, value] of Object.entries(page.headers ?? {})) res.setHeader(name, value);
  if (bodyIntact(res)) ctx.sim.store.markServed(page.posts);
  sendJson(res, 200, body, contentType);
}
