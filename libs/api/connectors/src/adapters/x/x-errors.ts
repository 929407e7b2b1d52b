import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { ConnectorError } from '../../connector-error';
import { describeErrorBody, errorForStatus } from '../../http/http-errors';

/**
 * Maps whatever twitter-api-v2 throws to a shared connector error code. A 429 waits for the budget's reset
 * (`x-rate-limit-reset`) or `Retry-After`, whether its body is the 2020-era text/plain `Rate limit exceeded`
 * or the later JSON problem.
 */
export function toConnectorError(error: unknown, nowMs: number = Date.now()): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (error instanceof ApiResponseError) {
    const detail = describeErrorBody(error.data) ?? error.message;
    return errorForStatus('X', error.code, error.headers ?? {}, detail, nowMs);
  }
  if (error instanceof ApiPartialResponseError) {
    // a body that could not be parsed; an error status still decides the code (a 429 with a broken body)
    const response = error.response as ApiPartialResponseError['response'] | undefined;
    const status = response?.statusCode ?? null;
    if (status !== null && status >= 400) {
      return errorForStatus('X', status, response?.headers ?? {}, describeErrorBody(error.rawContent), nowMs);
    }
    return new ConnectorError(
      'temporary',
      `X sent a truncated or malformed body: ${error.message}`,
      null,
      status,
    );
  }
  if (error instanceof ApiRequestError) {
    return new ConnectorError(
      'temporary',
      `X could not be reached: ${error.requestError?.message ?? error.message}`,
    );
  }
  if (error instanceof SyntaxError)
    return new ConnectorError('temporary', `X sent a malformed body: ${error.message}`);
  return new ConnectorError('temporary', `X: ${error instanceof Error ? error.message : String(error)}`);
}
