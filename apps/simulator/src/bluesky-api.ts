/**
 * Bluesky's post search, mounted under /bluesky: GET /xrpc/app.bsky.feed.searchPosts, behind the fault mix,
 * bearer auth and rate limits. sort=latest is newest first and its cursor pages to older posts (new posts never
 * shift the pages); sort=top orders by likes and reposts. since (inclusive) and until (exclusive) bound createdAt.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import {
  BLUESKY_AUTH_MISSING,
  BLUESKY_FAULT_STYLE,
  BLUESKY_RATE_STYLE,
  BLUESKY_UNAUTHORIZED,
  xrpcError,
} from './bluesky-errors';
import { encodeCursor, parseBlueskySearch, type BlueskySearch } from './bluesky-params';
import { renderPostView } from './bluesky-render';
import type { SimulatorContext } from './context';
import { faultMiddleware } from './fault-middleware';
import type { SimPost } from './model';
import { sendPage, type CachedPage } from './page-responder';
import { bearerToken, param, rateLimited, setCaller } from './platform-http';
import { sendJson } from './respond';
import type { Store } from './store';

function auth(req: Request, res: Response, next: NextFunction): void {
  const token = bearerToken(req);
  if (token === null || token === 'invalid') {
    sendJson(res, 401, token === null ? BLUESKY_AUTH_MISSING : BLUESKY_UNAUTHORIZED);
    return;
  }
  setCaller(res, token);
  next();
}

function tagsOf(req: Request): string[] {
  const v: unknown = req.query['tag'];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
}

function engagement(p: SimPost): number {
  return p.metrics.like_count + p.metrics.retweet_count;
}

/** one page of results, the total, and where the next page starts */
export function blueskyPage(
  store: Store,
  s: BlueskySearch,
): { posts: SimPost[]; hitsTotal: number; next?: { key: bigint } | { offset: number } } {
  const all = store.matching({ node: s.node, platform: 'bluesky', startMs: s.sinceMs, endMs: s.untilMs });
  if (s.sort === 'latest') {
    const below = s.cursor && 'key' in s.cursor ? s.cursor.key : undefined;
    const rest = below === undefined ? all : all.filter((p) => BigInt(p.id) < below);
    const posts = rest.slice(0, s.limit);
    const last = posts[posts.length - 1];
    return {
      posts,
      hitsTotal: all.length,
      next: rest.length > s.limit && last ? { key: BigInt(last.id) } : undefined,
    };
  }
  const ranked = [...all].sort(
    (a, b) => engagement(b) - engagement(a) || (BigInt(b.id) > BigInt(a.id) ? 1 : -1),
  );
  const offset = s.cursor && 'offset' in s.cursor ? s.cursor.offset : 0;
  const posts = ranked.slice(offset, offset + s.limit);
  return {
    posts,
    hitsTotal: all.length,
    next: offset + s.limit < ranked.length ? { offset: offset + s.limit } : undefined,
  };
}

function searchHandler(ctx: SimulatorContext) {
  return (req: Request, res: Response): void => {
    const parsed = parseBlueskySearch((name) => param(req, name), tagsOf(req), ctx.sim.store);
    if (!parsed.ok) {
      sendJson(res, 400, xrpcError('InvalidRequest', parsed.message));
      return;
    }
    const s = parsed.search;
    const compute = (): CachedPage => {
      const page = blueskyPage(ctx.sim.store, s);
      const body: Record<string, unknown> = {};
      if (page.next) body['cursor'] = encodeCursor(s, page.next);
      body['hitsTotal'] = page.hitsTotal;
      body['posts'] = page.posts.map((p) => renderPostView(p, ctx.sim.store));
      return { body, posts: page.posts };
    };
    sendPage(ctx, res, `bluesky\u0000${s.identity}`, compute, ['posts']);
  };
}

export function blueskyRouter(ctx: SimulatorContext): Router {
  const router = express.Router();
  router.use(faultMiddleware(ctx.faults, 'bluesky', BLUESKY_FAULT_STYLE, ctx.timers, ctx.log));
  router.use(auth);
  router.use(rateLimited(ctx, BLUESKY_RATE_STYLE));
  router.get('/xrpc/app.bsky.feed.searchPosts', searchHandler(ctx));
  router.all('/{*rest}', (_req, res) =>
    sendJson(res, 501, xrpcError('MethodNotImplemented', 'Method Not Implemented')),
  );
  return router;
}
