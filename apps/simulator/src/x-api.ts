/**
 * The X API v2 routes: GET /2/tweets/search/recent and POST /2/tweets, behind the fault mix, bearer auth and
 * rate limits, answering in X's payload and error shapes.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { SimulatorContext } from './context';
import { faultLocals, faultMiddleware, xFaultStyle } from './fault-middleware';
import { isNumericId } from './ids';
import { sendPage } from './page-responder';
import { rateLimitHeaders, X_POLICIES, type Endpoint } from './rate-limit';
import { sendJson } from './respond';
import { runSearch } from './search';
import { SimulationError } from './simulation';
import { MAX_TEXT_LENGTH, textLength } from './text';
import { invalidRequest, parameterError, problem, TOO_MANY_REQUESTS, UNAUTHORIZED } from './x-errors';
import { parseSearchParams } from './x-params';

interface AuthLocals {
  token?: string;
}

/** the caller's token: `Bearer <token>` (app or OAuth 2 user) or OAuth 1.0a user context */
export function tokenOf(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S.*)$/i.exec(header);
  if (bearer) return bearer[1].trim();
  if (/^OAuth\s/i.test(header)) {
    const token = /oauth_token="([^"]+)"/.exec(header) ?? /oauth_consumer_key="([^"]+)"/.exec(header);
    return token ? token[1] : null;
  }
  return null;
}

function auth(req: Request, res: Response, next: NextFunction): void {
  const token = tokenOf(req.get('authorization'));
  if (!token) {
    sendJson(res, 401, UNAUTHORIZED);
    return;
  }
  (res.locals as AuthLocals).token = token;
  next();
}

function rateLimit(ctx: SimulatorContext, endpoint: Endpoint) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const token = (res.locals as AuthLocals).token ?? '';
    const state = ctx.limiter.take(X_POLICIES[endpoint], token, ctx.now());
    for (const [name, value] of Object.entries(rateLimitHeaders(state))) res.setHeader(name, value);
    if (state.exceeded) {
      sendJson(res, 429, TOO_MANY_REQUESTS);
      return;
    }
    next();
  };
}

const POST_FIELDS = [
  'text',
  'reply',
  'quote_tweet_id',
  'media',
  'poll',
  'reply_settings',
  'for_super_followers_only',
  'geo',
  'direct_message_deep_link',
  'nullcast',
  'card_uri',
  'community_id',
  'share_with_followers',
  'made_with_ai',
  'paid_partnership',
];

function searchHandler(ctx: SimulatorContext) {
  return (req: Request, res: Response): void => {
    const nowMs = ctx.now();
    const parsed = parseSearchParams(req.query as Record<string, unknown>, nowMs);
    if (!parsed.ok) {
      sendJson(res, 400, invalidRequest(parsed.errors));
      return;
    }
    const { params } = parsed;
    sendPage(ctx, res, `x\u0000${params.query}`, () => runSearch(ctx.sim.store, params, nowMs), ['data']);
  };
}

function invalidBody(res: Response, name: string, value: string, message: string): void {
  sendJson(res, 400, invalidRequest([parameterError(name, [value], message)]));
}

function postHandler(ctx: SimulatorContext) {
  return (req: Request, res: Response): void => {
    const raw: unknown = req.body;
    let body: unknown;
    try {
      body = typeof raw === 'string' && raw.trim() !== '' ? JSON.parse(raw) : undefined;
    } catch (e) {
      invalidBody(
        res,
        'body',
        String(raw).slice(0, 100),
        `Invalid JSON body: ${e instanceof Error ? e.message : String(e)}`,
      );
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      invalidBody(res, 'body', '', 'The request body must be a JSON object');
      return;
    }
    const fields = body as Record<string, unknown>;
    for (const name of Object.keys(fields)) {
      if (!POST_FIELDS.includes(name)) {
        invalidBody(
          res,
          name,
          '',
          `$.${name}: is not defined in the schema and the schema does not allow additional properties`,
        );
        return;
      }
    }
    const text = fields['text'];
    if (typeof text !== 'string') {
      invalidBody(res, 'text', '', '$.text: a string is required');
      return;
    }
    const length = textLength(text);
    if (text.trim() === '' || length > MAX_TEXT_LENGTH) {
      invalidBody(
        res,
        'text',
        text.slice(0, 100),
        `$.text: the text must be between 1 and ${MAX_TEXT_LENGTH} characters (it is ${length})`,
      );
      return;
    }
    let inReplyTo: string | null = null;
    const reply = fields['reply'];
    if (reply !== undefined) {
      const target =
        typeof reply === 'object' && reply !== null
          ? (reply as Record<string, unknown>)['in_reply_to_tweet_id']
          : undefined;
      if (typeof target !== 'string' || !isNumericId(target)) {
        invalidBody(
          res,
          'reply.in_reply_to_tweet_id',
          String(target ?? ''),
          '$.reply.in_reply_to_tweet_id: must match ^[0-9]{1,19}$',
        );
        return;
      }
      inReplyTo = target;
    }
    try {
      const post = ctx.sim.postAsBrand(text, inReplyTo, ctx.now());
      ctx.log(`reply ${post.id}${inReplyTo ? ` to ${inReplyTo}` : ''}: ${text}`);
      // the platform posted it; the client may still never hear so (fault lost_answer, or dying during answerDelayMs)
      if (faultLocals(res).loseAnswer) {
        req.socket.destroy();
        return;
      }
      const answer = () => sendJson(res, 201, { data: { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] } });
      const wait = ctx.faults.answerDelayMs('post');
      if (wait > 0) ctx.timers.after(wait, answer);
      else answer();
    } catch (e) {
      if (e instanceof SimulationError) {
        sendJson(
          res,
          e.status,
          problem(e.status, e.status === 403 ? 'Forbidden' : 'Invalid Request', e.message),
        );
        return;
      }
      throw e;
    }
  };
}

export function xApiRouter(ctx: SimulatorContext): Router {
  const router = express.Router();
  const fault = (endpoint: Endpoint) =>
    faultMiddleware(ctx.faults, endpoint, xFaultStyle(endpoint), ctx.timers, ctx.log);
  router.get('/2/tweets/search/recent', fault('search'), auth, rateLimit(ctx, 'search'), searchHandler(ctx));
  router.post(
    '/2/tweets',
    fault('post'),
    auth,
    rateLimit(ctx, 'post'),
    express.text({ type: () => true, limit: '1mb' }),
    postHandler(ctx),
  );
  router.all('/2/{*rest}', (_req, res) => {
    sendJson(res, 404, {
      errors: [{ message: 'The requested resource could not be found.' }],
      title: 'Not Found Error',
      detail: 'The requested resource could not be found.',
      type: 'https://api.twitter.com/2/problems/resource-not-found',
    });
  });
  return router;
}
