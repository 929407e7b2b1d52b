/**
 * Reddit's search, mounted under /reddit: GET /search (the oauth.reddit.com style: a bearer token is required)
 * and GET /search.json (www.reddit.com style: a token is optional), and the same under /r/:subreddit/ (with
 * restrict_sr). Answers a Listing of t3 links; `after=t3_x` pages to what comes after x in the listing's order,
 * `before=t3_x` to what comes just before it.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { SimulatorContext } from './context';
import { faultMiddleware } from './fault-middleware';
import type { SimPost } from './model';
import { sendPage, type CachedPage } from './page-responder';
import { bearerToken, param, rateLimited, setCaller } from './platform-http';
import { parseDialectQuery, REDDIT_DIALECT } from './platform-query';
import {
  REDDIT_FAULT_STYLE,
  REDDIT_JSON_TYPE,
  REDDIT_RATE_STYLE,
  REDDIT_UNAUTHORIZED,
  redditError,
} from './reddit-errors';
import { listing, renderLink, subredditOf } from './reddit-render';
import { sendJson } from './respond';
import type { Store } from './store';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
export const SORTS = ['relevance', 'hot', 'top', 'new', 'comments'] as const;
type Sort = (typeof SORTS)[number];
const PERIODS: Readonly<Record<string, number>> = {
  hour: 3600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

/** a token is required (oauth host) or optional (www host, .json) */
function auth(required: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = bearerToken(req);
    if (token === 'invalid' || (required && token === null)) {
      sendJson(res, 401, REDDIT_UNAUTHORIZED, REDDIT_JSON_TYPE);
      return;
    }
    setCaller(res, token ?? `anonymous:${req.ip ?? ''}`);
    next();
  };
}

export interface RedditSearch {
  q: string;
  sort: Sort;
  limit: number;
  after?: string;
  before?: string;
  /** only posts in this subreddit (a /r/:subreddit/search with restrict_sr) */
  subreddit?: string;
  /** created at or after */
  sinceMs?: number;
  /** only t3 links are searched: another type finds nothing */
  links: boolean;
}

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'on', 'yes'].includes(value.toLowerCase());
}

export function parseRedditSearch(req: Request, nowMs: number): RedditSearch {
  const rawLimit = param(req, 'limit');
  const limit =
    rawLimit !== undefined && /^\d+$/.test(rawLimit)
      ? Math.max(1, Math.min(MAX_LIMIT, Number(rawLimit)))
      : DEFAULT_LIMIT;
  const sortParam = param(req, 'sort');
  const sort: Sort = SORTS.find((s) => s === sortParam) ?? 'relevance';
  const period = PERIODS[param(req, 't') ?? 'all'];
  const sub = req.params['subreddit'];
  const types = (param(req, 'type') ?? 'link').split(',');
  const fullname = (name: string) => {
    const v = param(req, name);
    return v !== undefined && v !== '' ? v : undefined;
  };
  return {
    q: param(req, 'q') ?? '',
    sort,
    limit,
    after: fullname('after'),
    before: fullname('before'),
    subreddit: typeof sub === 'string' && flag(param(req, 'restrict_sr')) ? sub : undefined,
    sinceMs: period === undefined ? undefined : nowMs - period,
    links: types.includes('link'),
  };
}

function compareFor(sort: Sort): (a: SimPost, b: SimPost) => number {
  const newest = (a: SimPost, b: SimPost) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1);
  switch (sort) {
    case 'new':
      return newest;
    case 'comments':
      return (a, b) => b.metrics.reply_count - a.metrics.reply_count || newest(a, b);
    default:
      return (a, b) => b.metrics.like_count - a.metrics.like_count || newest(a, b);
  }
}

/** every match in the listing's order */
export function redditMatches(store: Store, s: RedditSearch): SimPost[] {
  if (!s.links || s.q.trim() === '') return [];
  const node = parseDialectQuery(s.q, REDDIT_DIALECT);
  let posts = store.matching({ node, platform: 'reddit', startMs: s.sinceMs });
  if (s.subreddit !== undefined) {
    const sub = s.subreddit.toLowerCase();
    posts = posts.filter((p) => subredditOf(p, store).toLowerCase() === sub);
  }
  return s.sort === 'new' ? posts : [...posts].sort(compareFor(s.sort));
}

/** the page of `all` for after/before, and the fullnames to continue from */
export function redditPage(
  all: readonly SimPost[],
  s: RedditSearch,
): { posts: SimPost[]; after: string | null; before: string | null } {
  const indexOf = (fullname: string) => all.findIndex((p) => `t3_${p.nativeId}` === fullname);
  let start = 0;
  let end = Math.min(all.length, s.limit);
  if (s.after !== undefined) {
    const i = indexOf(s.after);
    start = i < 0 ? all.length : i + 1;
    end = Math.min(all.length, start + s.limit);
  } else if (s.before !== undefined) {
    const i = indexOf(s.before);
    end = i < 0 ? 0 : i;
    start = Math.max(0, end - s.limit);
  }
  const posts = all.slice(start, end);
  return {
    posts,
    after: posts.length > 0 && end < all.length ? `t3_${posts[posts.length - 1].nativeId}` : null,
    before: posts.length > 0 && start > 0 ? `t3_${posts[0].nativeId}` : null,
  };
}

function searchHandler(ctx: SimulatorContext) {
  return (req: Request, res: Response): void => {
    const s = parseRedditSearch(req, ctx.now());
    const rawJson = param(req, 'raw_json') === '1';
    const compute = (): CachedPage => {
      const page = redditPage(redditMatches(ctx.sim.store, s), s);
      const children = page.posts.map((p) => ({ kind: 't3', data: renderLink(p, ctx.sim.store, rawJson) }));
      return { body: listing(children, page.after, page.before), posts: page.posts };
    };
    const key = ['reddit', s.subreddit ?? '', s.q, s.sort, param(req, 't') ?? '', s.links].join('\u0000');
    sendPage(ctx, res, key, compute, ['data', 'children'], REDDIT_JSON_TYPE);
  };
}

export function redditRouter(ctx: SimulatorContext): Router {
  const router = express.Router();
  router.use(faultMiddleware(ctx.faults, 'reddit', REDDIT_FAULT_STYLE, ctx.timers, ctx.log));
  const rate = rateLimited(ctx, REDDIT_RATE_STYLE);
  for (const prefix of ['', '/r/:subreddit']) {
    router.get(`${prefix}/search`, auth(true), rate, searchHandler(ctx));
    router.get(`${prefix}/search.json`, auth(false), rate, searchHandler(ctx));
  }
  router.all('/{*rest}', (_req, res) => sendJson(res, 404, redditError(404, 'Not Found'), REDDIT_JSON_TYPE));
  return router;
}
