/**
 * The admin routes, mounted under /__sim (no auth): health, the ground truth of what was published, publishing on
 * demand, the replies received, the fault mix, and reset.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { resetContext, type SimulatorContext } from './context';
import { externalId, postUrl } from './external';
import { FaultConfigInput } from './faults';
import { POST_INTENTS, type SimPost } from './model';
import { isPlatform, PLATFORMS, type Platform } from './platform';
import { parseQuery, QuerySyntaxError } from './query-parser';
import { sendJson } from './respond';
import { SimulationError, type Simulation } from './simulation';
import { MAX_TEXT_LENGTH, textLength } from './text';

const MAX_PUBLISH = 10_000;

const CustomPost = z.strictObject({
  text: z
    .string()
    .refine(
      (t) => t.trim() !== '' && textLength(t) <= MAX_TEXT_LENGTH,
      `must be 1 to ${MAX_TEXT_LENGTH} characters`,
    ),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'a language code such as en or fr')
    .optional(),
  username: z
    .string()
    .regex(/^@?[A-Za-z0-9_]{1,15}$/, 'an X username: 1 to 15 letters, digits or _')
    .transform((u) => u.replace(/^@/, ''))
    .optional(),
  created_at: z.iso.datetime({ offset: true }).optional(),
  in_reply_to_tweet_id: z
    .string()
    .regex(/^[0-9]{1,19}$/, 'a numeric id')
    .optional(),
  intent: z.enum(POST_INTENTS).optional(),
  /** default X (or, for a reply, its parent's platform) */
  platform: z.enum(PLATFORMS).optional(),
});

const PublishBody = z
  .strictObject({
    count: z.number().int().min(0).max(MAX_PUBLISH).optional(),
    posts: z.array(CustomPost).max(MAX_PUBLISH).optional(),
    /** every generated post on this platform (default: spread over the enabled platforms) */
    platform: z.enum(PLATFORMS).optional(),
  })
  .refine((b) => b.count !== undefined || b.posts !== undefined, 'give "count" and/or "posts"');

export interface PublishedItem {
  id: string;
  text: string;
  author_id: string;
  username: string;
  created_at: string;
  lang: string;
  intent: string;
  served_count: number;
  topic: string;
  conversation_id: string;
  in_reply_to_tweet_id: string | null;
  is_retweet: boolean;
  incident_id: string | null;
  platform: Platform;
  /** what the product stores: X id, Mastodon status id, Reddit t3_ fullname, HN objectID, Bluesky at:// URI */
  external_id: string;
  url: string;
}

export function publishedItem(sim: Simulation, post: SimPost): PublishedItem {
  return {
    id: post.id,
    text: post.text,
    author_id: post.authorId,
    username: sim.store.user(post.authorId)?.username ?? '',
    created_at: post.createdAt,
    lang: post.lang,
    intent: post.intent,
    served_count: post.servedCount,
    topic: post.topic,
    conversation_id: post.conversationId,
    in_reply_to_tweet_id: post.inReplyTo?.tweetId ?? null,
    is_retweet: post.retweetOf !== undefined,
    incident_id: post.incidentId ?? null,
    platform: post.platform,
    external_id: externalId(post, sim.store),
    url: postUrl(post, sim.store),
  };
}

function badRequest(res: Response, message: string): void {
  sendJson(res, 400, { error: 'bad_request', message });
}

function zodMessage(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** the body as JSON (an empty body is `{}`), or a 400 already sent */
function jsonBody(req: Request, res: Response): unknown {
  const raw: unknown = req.body;
  if (typeof raw !== 'string' || raw.trim() === '') return {};
  try {
    return JSON.parse(raw);
  } catch (e) {
    badRequest(res, `malformed JSON body: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

export function adminRouter(ctx: SimulatorContext): Router {
  const router = express.Router();
  const { sim } = ctx;
  router.use(express.text({ type: () => true, limit: '5mb' }));

  router.get('/health', (_req, res) => sendJson(res, 200, { status: 'ok' }));

  router.get('/published', (req, res) => {
    const { query, platform, since } = req.query;
    if (query !== undefined && typeof query !== 'string') return badRequest(res, 'query: give it once');
    if (platform !== undefined && !isPlatform(platform))
      return badRequest(res, `platform: one of ${PLATFORMS.join(', ')}`);
    if (since !== undefined && (typeof since !== 'string' || Number.isNaN(Date.parse(since))))
      return badRequest(res, 'since: an ISO 8601 date-time');
    let posts: SimPost[];
    try {
      posts = sim.store.all(query === undefined || query.trim() === '' ? undefined : parseQuery(query));
    } catch (e) {
      if (e instanceof QuerySyntaxError) return badRequest(res, `query: ${e.message}`);
      throw e;
    }
    if (platform !== undefined) posts = posts.filter((p) => p.platform === platform);
    if (typeof since === 'string') {
      const sinceMs = Date.parse(since);
      posts = posts.filter((p) => Date.parse(p.createdAt) >= sinceMs);
    }
    const items = posts.map((p) => publishedItem(sim, p));
    sendJson(res, 200, { items, count: items.length });
  });

  router.post('/publish', (req, res) => {
    const body = jsonBody(req, res);
    if (body === undefined) return;
    const parsed = PublishBody.safeParse(body);
    if (!parsed.success) return badRequest(res, zodMessage(parsed.error));
    const nowMs = ctx.now();
    const created: SimPost[] = [];
    try {
      for (const input of parsed.data.posts ?? []) created.push(sim.publishCustom(input, nowMs));
    } catch (e) {
      if (e instanceof SimulationError) return badRequest(res, e.message);
      throw e;
    }
    const { platform } = parsed.data;
    for (let i = 0; i < (parsed.data.count ?? 0); i++) created.push(sim.generate(nowMs, platform));
    ctx.log(`published ${created.length} post(s) on demand`);
    const items = created.map((p) => publishedItem(sim, p));
    sendJson(res, 201, { items, count: items.length });
  });

  router.get('/replies', (_req, res) => {
    const items = sim.store.allReplies().map((r) => ({ ...r }));
    sendJson(res, 200, { items, count: items.length });
  });

  router.get('/faults', (_req, res) => sendJson(res, 200, ctx.faults.view()));
  router.post('/faults', (req, res) => {
    const body = jsonBody(req, res);
    if (body === undefined) return;
    const parsed = FaultConfigInput.safeParse(body);
    if (!parsed.success) return badRequest(res, zodMessage(parsed.error));
    const config = ctx.faults.set(parsed.data);
    ctx.log(`faults set: ${JSON.stringify(config)}`);
    sendJson(res, 200, config);
  });
  router.delete('/faults', (_req, res) => {
    ctx.faults.clear();
    sendJson(res, 200, ctx.faults.view());
  });

  router.post('/reset', (_req, res) => {
    resetContext(ctx);
    ctx.log('reset');
    sendJson(res, 200, { status: 'ok' });
  });

  router.all('/{*rest}', (req, res) =>
    sendJson(res, 404, { error: 'not_found', message: `no admin route ${req.method} /__sim${req.path}` }),
  );

  // a body over the size limit, or any other parser failure
  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (
      typeof err === 'object' &&
      err !== null &&
      'status' in err &&
      typeof err.status === 'number' &&
      err.status < 500
    ) {
      sendJson(res, err.status, {
        error: 'bad_request',
        message: err instanceof Error ? err.message : 'bad request',
      });
      return;
    }
    next(err);
  });
  return router;
}
