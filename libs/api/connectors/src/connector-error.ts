/**
 * Shared error codes (DESIGN §7: drivers map their errors to shared codes), so that generic code decides
 * to retry, back off or ask for re-authorisation with no platform-specific branches.
 */
export type ConnectorErrorCode =
  | 'temporary' // 5xx, timeouts, network errors, malformed bodies: retry with backoff
  | 'rate_limited' // 429: wait until retryAt
  | 'auth_invalid' // 401/403: needs re-authorisation
  | 'bad_query' // 400: the query or request is wrong; retrying will not help
  | 'not_found'; // the post or resource is gone

export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    /** when to try again (rate limits) */
    readonly retryAt: Date | null = null,
    /** the platform's HTTP status, when there was one */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }

  get retryable(): boolean {
    return this.code === 'temporary' || this.code === 'rate_limited';
  }
}
