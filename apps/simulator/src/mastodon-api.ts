/**
 * Mastodon's routes, mounted under /mastodon: GET /api/v2/search (statuses) and GET /api/v1/timelines/tag/:hashtag,
 * behind the fault mix, bearer auth and rate limits, with Mastodon's pagination: max_id (older than), since_id
 * (the newest `limit` newer than), min_id (the `limit` immediately newer than), always newest first; the tag
 * timeline answers with a Link header (rel="next" with max_id, rel="prev" with min_id) as Mastodon 4 does: on
 * every page that is not empty.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { SimulatorContext } from './context';
import { faultMiddleware } from './fault-middleware';
import { isNumericId } from './ids';
import { MASTODON_FAULT_STYLE, MASTODON_RATE_STYLE, MASTODON_UNAUTHORIZED } from './mastodon-errors';
import { renderStatus } from './mastodon-render';
import type { SimPost } from './model';
import { sendPage, type CachedPage } from './page-responder';
import { baseUrl, bearerToken, param, rateLimited, setCaller } from './platform-http';
import { MASTODON_DIALECT, parseDialectQuery } from './platform-query';
import type { QueryNode } from './query-parser';
import { sendJson } from './respond';
import type { Store } from './store';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 40;

function auth(req: Request, res: Response, next: NextFunction): void {
  const token = bearerToken(req);
  if (token === null || token === 'invalid') {
    sendJson(res, 401, MASTODON_UNAUTHORIZED);
    return;
  }
  setCaller(res, token);
  next();
}

/** Mastodon's limit_param: the absolute value, at most twice the default; garbage gives the default */
function limitOf(req: Request): number {
  const raw = param(req, 'limit');
  if (raw === undefined || !/^-?\d+$/.test(raw.trim())) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(MAX_LIMIT, Math.abs(Number(raw.trim()))));
}

function idParam(req: Request, name: string): bigint | undefined {
  const v = param(req, name);
  return v !== undefined && isNumericId(v) ? BigInt(v) : undefined;
}

export interface MastodonPaging {
  limit: number;
  maxId?: bigint;
  sinceId?: bigint;
  minId?: bigint;
  /** v2/search only: skip this many */
  offset?: number;
}

export function pagingOf(req: Request): MastodonPaging {
  const offset = param(req, 'offset');
  return {
    limit: limitOf(req),
    maxId: idParam(req, 'max_id'),
    sinceId: idParam(req, 'since_id'),
    minId: idParam(req, 'min_id'),
    offset: offset !== undefined && /^\d{1,6}$/.test(offset) ? Number(offset) : undefined,
  };
}

/** the page of Mastodon posts matching `node`, newest first */
export function mastodonPage(store: Store, node: QueryNode, p: MastodonPaging): SimPost[] {
  // as Mastodon's to_a_paginated_by_id: with min_id, since_id is not looked at
  if (p.minId !== undefined) {
    const { posts } = store.find(
      { node, platform: 'mastodon', sinceId: p.minId, untilId: p.maxId },
      p.limit,
      'oldest',
    );
    return posts.reverse();
  }
  const skip = p.offset ?? 0;
  const { posts } = store.find(
    { node, platform: 'mastodon', sinceId: p.sinceId, untilId: p.maxId },
    p.limit + skip,
  );
  return posts.slice(skip);
}

function searchHandler(ctx: SimulatorContext) {
  return (req: Request, res: Response): void => {
    const q = param(req, 'q');
    if (q === undefined || q.trim() === '') {
      sendJson(res, 400, { error: 'param is missing or the value is empty: q' });
      return;
    }
    const type = param(req, 'type');
    const paging = pagingOf(req);
    const compute = (): CachedPage => {
      const posts =
        type === undefined || type === 'statuses'
          ? mastodonPage(ctx.sim.store, parseDialectQuery(q, MASTODON_DIALECT), paging)
          : [];
      return {
        body: {
          accounts: [],
          statuses: posts.map((p) => renderStatus(p, ctx.sim.store)),
          hashtags: [],
          collections: [],
        },
        posts,
      };
    };
    sendPage(ctx, res, `mastodon\u0000search\u0000${type ?? ''}\u0000${q}`, compute, ['statuses']);
  };
}

/** as Mastodon 4's timelines: none for an empty page, else "next" (older) and "prev" (newer) */
function linkHeader(req: Request, posts: readonly SimPost[]): string | null {
  if (posts.length === 0) return null;
  const url = `${baseUrl(req)}${req.path}`;
  const given = param(req, 'limit');
  const link = (name: string, id: string) => {
    const qs = new URLSearchParams();
    if (given !== undefined) qs.set('limit', given);
    qs.set(name, id);
    return `<${url}?${qs.toString()}>`;
  };
  return [
    `${link('max_id', posts[posts.length - 1].nativeId)}; rel="next"`,
    `${link('min_id', posts[0].nativeId)}; rel="prev"`,
  ].join(', ');
}

function tagTimelineHandler(ctx: SimulatorContext) {
  return (req: Request, res: Response): void => {
    const tag = String(req.params['hashtag'] ?? '')
      .replace(/^#/, '')
      .toLowerCase();
    const paging = pagingOf(req);
    const compute = (): CachedPage => {
      const posts = mastodonPage(ctx.sim.store, { kind: 'hashtag', tag }, { ...paging, offset: undefined });
      const link = linkHeader(req, posts);
      return {
        body: posts.map((p) => renderStatus(p, ctx.sim.store)),
        posts,
        headers: link === null ? {} : { Link: link },
      };
    };
    sendPage(ctx, res, `mastodon\u0000tag\u0000${tag}`, compute, []);
  };
}

export function mastodonRouter(ctx: SimulatorContext): Router {
  const router = express.Router();
  router.use(faultMiddleware(ctx.faults, 'mastodon', MASTODON_FAULT_STYLE, ctx.timers, ctx.log));
  router.use(auth);
  router.use(rateLimited(ctx, MASTODON_RATE_STYLE));
  router.get('/api/v2/search', searchHandler(ctx));
  router.get('/api/v1/timelines/tag/:hashtag', tagTimelineHandler(ctx));
  router.all('/{*rest}', (_req, res) => sendJson(res, 404, { error: 'Record not found' }));
  return router;
}
