import { ConnectorError } from '../connector-error';
import { parseRetryAfter, retryAtAfter429, type HeaderSource } from './rate-limit';

const MAX_DETAIL = 200;

function clip(text: string): string | null {
  const flat = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!flat) return null;
  return flat.length > MAX_DETAIL ? `${flat.slice(0, MAX_DETAIL)}…` : flat;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The platform's own explanation in an error body, parsed or not: Bluesky `{error, message}`, Mastodon
 * `{error}`, Reddit and Algolia `{message}`, X `{detail}`, `{title}` or `{errors: [{message}]}`, OAuth
 * `{error_description}`, or a plain-text body (X's 2020-era `Rate limit exceeded`).
 */
export function describeErrorBody(body: unknown): string | null {
  if (typeof body === 'string') {
    try {
      return describeErrorBody(JSON.parse(body));
    } catch {
      return clip(body);
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  const message = str(b['message']) ?? str(b['error_description']) ?? str(b['detail']);
  const error = str(b['error']);
  if (error && message && error !== message) return clip(`${error}: ${message}`);
  const errors = Array.isArray(b['errors']) ? (b['errors'] as unknown[]) : [];
  const first = errors[0];
  const nested =
    typeof first === 'object' && first !== null ? str((first as Record<string, unknown>)['message']) : null;
  const found = message ?? error ?? nested ?? str(b['title']);
  return found === null ? null : clip(found);
}

/**
 * Maps an HTTP error status to the shared codes: 429 → rate_limited (with retryAt), 401/403 → auth_invalid,
 * 404 → not_found, 408 and 5xx → temporary, other 4xx → bad_query. Messages name the platform and carry its
 * own explanation.
 */
export function errorForStatus(
  platform: string,
  status: number,
  headers: HeaderSource,
  detail: string | null,
  nowMs: number,
): ConnectorError {
  const why = detail ?? `HTTP ${status}`;
  if (status === 429) {
    const retryAt = retryAtAfter429(headers, nowMs);
    return new ConnectorError('rate_limited', `${platform} rate limit reached: ${why}`, retryAt, status);
  }
  if (status === 401 || status === 403) {
    return new ConnectorError(
      'auth_invalid',
      `${platform} refused the credentials (${status}): ${why}`,
      null,
      status,
    );
  }
  if (status === 404) return new ConnectorError('not_found', `${platform}: not found: ${why}`, null, status);
  if (status === 408)
    return new ConnectorError('temporary', `${platform} timed out (408): ${why}`, null, status);
  if (status >= 400 && status < 500) {
    return new ConnectorError(
      'bad_query',
      `${platform} rejected the request (${status}): ${why}`,
      null,
      status,
    );
  }
  const retryAt = parseRetryAfter(headers, nowMs);
  return new ConnectorError('temporary', `${platform} server error ${status}: ${why}`, retryAt, status);
}
