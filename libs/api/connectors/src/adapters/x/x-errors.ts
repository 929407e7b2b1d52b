import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { ConnectorError } from '../../connector-error';

/** Maps whatever twitter-api-v2 throws to a shared connector error code. */
export function toConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (error instanceof ApiResponseError) {
    const status = error.code;
    const detail = describe(error.data) ?? error.message;
    if (status === 429) {
      const reset = error.rateLimit?.reset;
      const retryAt = reset ? new Date(reset * 1000) : new Date(Date.now() + 60_000);
      return new ConnectorError('rate_limited', `X rate limit reached: ${detail}`, retryAt, status);
    }
    if (status === 401 || status === 403) return new ConnectorError('auth_invalid', `X refused the credentials: ${detail}`, null, status);
    if (status === 404) return new ConnectorError('not_found', `X: not found: ${detail}`, null, status);
    if (status >= 400 && status < 500) return new ConnectorError('bad_query', `X rejected the request: ${detail}`, null, status);
    return new ConnectorError('temporary', `X server error ${status}: ${detail}`, null, status);
  }
  if (error instanceof ApiPartialResponseError) {
    return new ConnectorError('temporary', `X sent an incomplete or malformed response: ${error.message}`);
  }
  if (error instanceof ApiRequestError) {
    return new ConnectorError('temporary', `X could not be reached: ${error.requestError?.message ?? error.message}`);
  }
  if (error instanceof SyntaxError) return new ConnectorError('temporary', `X sent a malformed body: ${error.message}`);
  return new ConnectorError('temporary', error instanceof Error ? error.message : String(error));
}

function describe(data: unknown): string | null {
  if (typeof data === 'string') return data.slice(0, 200);
  if (typeof data !== 'object' || data === null) return null;
  const d = data as { detail?: unknown; title?: unknown; errors?: Array<{ message?: unknown }> };
  if (typeof d.detail === 'string') return d.detail;
  if (Array.isArray(d.errors) && typeof d.errors[0]?.message === 'string') return d.errors[0].message;
  if (typeof d.title === 'string') return d.title;
  return null;
}
