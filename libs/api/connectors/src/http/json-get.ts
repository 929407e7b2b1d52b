import { ConnectorError } from '../connector-error';
import type { RateLimitInfo } from '../types';
import { describeErrorBody, errorForStatus } from './http-errors';
import { parseRateLimit } from './rate-limit';

/** Where a platform's HTTP API is, and how to call it. */
export interface HttpEndpoint {
  /** the platform's name, for messages ("Mastodon") */
  readonly label: string;
  /** may carry a path prefix (the simulator serves each platform under its own prefix) */
  readonly baseUrl: string;
  readonly timeoutMs: number;
  /** sent with every request (Authorization, User-Agent) */
  readonly headers: Readonly<Record<string, string>>;
  /** the clock, for rate-limit deltas (tests) */
  readonly now?: () => number;
}

export type QueryParams = Readonly<Record<string, string | number | null | undefined>>;

export interface JsonResponse {
  status: number;
  body: unknown;
  rateLimit: RateLimitInfo | null;
}

/** `baseUrl` + `path` (keeping the base's own path prefix) + the non-empty query parameters. */
export function buildUrl(baseUrl: string, path: string, query: QueryParams): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url;
}

// checked by shape: an abort is a DOMException, from another realm under some test runners
const errorField = (error: unknown, field: 'name' | 'message' | 'cause'): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[field] : undefined;

function isTimeout(error: unknown): boolean {
  const name = errorField(error, 'name');
  return name === 'TimeoutError' || name === 'AbortError';
}

function reason(error: unknown): string {
  const message = errorField(error, 'message');
  if (typeof message !== 'string') return String(error);
  const inner = errorField(errorField(error, 'cause'), 'message');
  return typeof inner === 'string' && inner !== message ? `${message} (${inner})` : message;
}

/**
 * GET a JSON document. Every failure becomes a ConnectorError with a shared code: timeouts, network errors,
 * truncated or non-JSON bodies are 'temporary'; HTTP errors are mapped by `errorForStatus`.
 */
export async function getJson(
  endpoint: HttpEndpoint,
  path: string,
  query: QueryParams,
): Promise<JsonResponse> {
  const { label, timeoutMs } = endpoint;
  const now = endpoint.now ?? Date.now;
  const url = buildUrl(endpoint.baseUrl, path, query);
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...endpoint.headers }, signal });
  } catch (e) {
    const why = isTimeout(e) ? `no answer within ${timeoutMs} ms` : reason(e);
    throw new ConnectorError('temporary', `${label} could not be reached: ${why}`);
  }
  const status = response.status;
  let text: string;
  try {
    text = await response.text();
  } catch (e) {
    const why = isTimeout(e) ? `the body did not arrive within ${timeoutMs} ms` : reason(e);
    throw new ConnectorError('temporary', `${label} sent a truncated body: ${why}`, null, status);
  }
  if (status >= 200 && status < 300) {
    try {
      return {
        status,
        body: JSON.parse(text) as unknown,
        rateLimit: parseRateLimit(response.headers, now()),
      };
    } catch {
      throw new ConnectorError(
        'temporary',
        `${label} sent a malformed body (not JSON, ${text.length} characters)`,
        null,
        status,
      );
    }
  }
  if (status < 400)
    throw new ConnectorError(
      'temporary',
      `${label} answered with an unexpected status ${status}`,
      null,
      status,
    );
  throw errorForStatus(label, status, response.headers, describeErrorBody(text), now());
}
