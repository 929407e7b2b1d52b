/**
 * The Algolia Hacker News API, mounted under /hackernews: GET /api/v1/search (by relevance: points, then date)
 * and GET /api/v1/search_by_date (newest first), with query, tags, numericFilters, hitsPerPage and page. No auth;
 * like Algolia, at most 1,000 hits can be reached by paging (narrow with numericFilters=created_at_i<… for more).
 */
import express, { type Request, type Response, type Router } from 'express';
import type { SimulatorContext } from './context';
import { faultMiddleware } from './fault-middleware';
import {
  ALGOLIA_JSON_TYPE,
  algoliaError,
  HACKERNEWS_FAULT_STYLE,
  HACKERNEWS_RATE_STYLE,
} from './hackernews-errors';
import {
  FilterError,
  numericMatch,
  parseNumericFilters,
  parseTags,
  tagsMatch,
  type NumericCondition,
  type TagFilter,
} from './hackernews-params';
import { hnTags, renderHit } from './hackernews-render';
import type { SimPost } from './model';
import { sendPage, type CachedPage } from './page-responder';
import { param, rateLimited, setCaller } from './platform-http';
import { HACKERNEWS_DIALECT, parseDialectQuery } from './platform-query';
import type { QueryNode } from './query-parser';
import { sendJson } from './respond';
import type { Store } from './store';

const DEFAULT_HITS_PER_PAGE = 20;
const MAX_HITS_PER_PAGE = 1000;
export const PAGINATION_LIMIT = 1000;

export interface HnSearch {
  query: string;
  node: QueryNode;
  tags: TagFilter;
  numeric: NumericCondition[];
  hitsPerPage: number;
  page: number;
  byDate: boolean;
}

function intOr(raw: string | undefined, fallback: number): number {
  return raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : fallback;
}

export function parseHnSearch(req: Request, byDate: boolean): HnSearch {
  const query = param(req, 'query') ?? '';
  return {
    query,
    node: parseDialectQuery(query, HACKERNEWS_DIALECT),
    tags: parseTags(param(req, 'tags') ?? ''),
    numeric: parseNumericFilters(param(req, 'numericFilters') ?? ''),
    hitsPerPage: Math.min(MAX_HITS_PER_PAGE, intOr(param(req, 'hitsPerPage'), DEFAULT_HITS_PER_PAGE)),
    page: intOr(param(req, 'page'), 0),
    byDate,
  };
}

/** the numbers numericFilters can look at */
function numbersOf(post: SimPost, store: Store): Record<string, number | null> {
  const comment = hnTags(post, store)[0] === 'comment';
  const parent = post.inReplyTo ? store.post(post.inReplyTo.tweetId) : undefined;
  const story = comment ? store.post(post.conversationId) : post;
  return {
    created_at_i: Math.floor(Date.parse(post.createdAt) / 1000),
    points: comment ? null : post.metrics.like_count + 1,
    num_comments: comment ? null : post.metrics.reply_count,
    story_id: story ? Number(story.nativeId) : null,
    parent_id: comment && parent ? Number(parent.nativeId) : null,
  };
}

/** every match, in the endpoint's order */
export function hnMatches(store: Store, s: HnSearch): SimPost[] {
  const posts = store
    .matching({ node: s.node, platform: 'hackernews' })
    .filter((p) => tagsMatch(s.tags, hnTags(p, store)) && numericMatch(s.numeric, numbersOf(p, store)));
  if (s.byDate) return posts;
  return [...posts].sort(
    (a, b) => b.metrics.like_count - a.metrics.like_count || (BigInt(b.id) > BigInt(a.id) ? 1 : -1),
  );
}

/** the words to highlight: the query's terms that are not excluded */
function wordsOf(node: QueryNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...new Set(node.children.flatMap(wordsOf))];
    case 'keyword':
    case 'phrase':
      return node.tokens;
    default:
      return [];
  }
}

/** the request's parameters as Algolia echoes them */
function echoParams(req: Request): string {
  const qs = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
  return [qs, 'advancedSyntax=true', 'analyticsTags=backend'].filter((p) => p !== '').join('&');
}

function searchHandler(ctx: SimulatorContext, byDate: boolean) {
  return (req: Request, res: Response): void => {
    let s: HnSearch;
    try {
      s = parseHnSearch(req, byDate);
    } catch (e) {
      if (e instanceof FilterError) {
        sendJson(res, 400, algoliaError(400, e.message), ALGOLIA_JSON_TYPE);
        return;
      }
      throw e;
    }
    const compute = (): CachedPage => {
      const all = hnMatches(ctx.sim.store, s);
      const reachable = Math.min(all.length, PAGINATION_LIMIT);
      const nbPages = s.hitsPerPage === 0 ? 0 : Math.ceil(reachable / s.hitsPerPage);
      const start = s.page * s.hitsPerPage;
      const posts = all.slice(start, Math.max(start, Math.min(reachable, start + s.hitsPerPage)));
      const words = wordsOf(s.node);
      // deterministic, so that the same search gives the same bytes
      const elapsed = 1 + Math.floor(all.length / 500);
      return {
        body: {
          exhaustive: { nbHits: true, typo: true },
          exhaustiveNbHits: true,
          exhaustiveTypo: true,
          hits: posts.map((p) => renderHit(p, ctx.sim.store, words)),
          hitsPerPage: s.hitsPerPage,
          nbHits: all.length,
          nbPages,
          page: s.page,
          params: echoParams(req),
          processingTimeMS: elapsed,
          processingTimingsMS: {
            _request: { roundTrip: elapsed + 1 },
            afterFetch: { merge: { total: 0 }, total: 0 },
            fetch: { scanning: elapsed },
            total: elapsed,
          },
          query: s.query,
          serverTimeMS: elapsed + 1,
        },
        posts,
      };
    };
    const key = ['hackernews', byDate ? 'date' : 'relevance', s.query, param(req, 'tags') ?? ''].join(
      '\u0000',
    );
    sendPage(ctx, res, key, compute, ['hits'], ALGOLIA_JSON_TYPE);
  };
}

export function hackernewsRouter(ctx: SimulatorContext): Router {
  const router = express.Router();
  router.use(faultMiddleware(ctx.faults, 'hackernews', HACKERNEWS_FAULT_STYLE, ctx.timers, ctx.log));
  router.use((req, res, next) => {
    setCaller(res, req.ip ?? 'unknown');
    next();
  });
  router.use(rateLimited(ctx, HACKERNEWS_RATE_STYLE));
  router.get('/api/v1/search', searchHandler(ctx, false));
  router.get('/api/v1/search_by_date', searchHandler(ctx, true));
  router.all('/{*rest}', (_req, res) =>
    sendJson(res, 404, algoliaError(404, 'Not Found'), ALGOLIA_JSON_TYPE),
  );
  return router;
}
