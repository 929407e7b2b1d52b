import { Injectable } from '@nestjs/common';
import { createTimeout } from 'retry';
import { DataSource, type EntityManager } from 'typeorm';
import { ListeningQuerySpec, type Platform, type QueryKind } from '@ecoute/contracts';
import type { ConnectorError, RateLimitInfo, SourceCursor } from '@ecoute/api-connectors';

export interface ClaimedSource {
  id: string;
  workspaceId: string;
  queryId: string;
  platform: Platform;
  cursor: SourceCursor;
  pollIntervalSeconds: number;
  consecutiveFailures: number;
  spec: ListeningQuerySpec;
  queryKind: QueryKind;
}

const MAX_BACKOFF_MS = 15 * 60_000;

/** Exponential backoff with jitter (node-retry): about 2 s, 4 s, 8 s… up to 15 minutes, each times a random 1–2. */
export function backoffMs(failures: number): number {
  return createTimeout(Math.max(0, failures - 1), { factor: 2, minTimeout: 1000, maxTimeout: MAX_BACKOFF_MS, randomize: true });
}

/**
 * Hands out due sources with `FOR UPDATE SKIP LOCKED` leases, so that several API processes share the
 * polling with no double work (DESIGN §3), and records each poll's outcome.
 */
@Injectable()
export class SourceLeases {
  constructor(private readonly dataSource: DataSource) {}

  async claimDue(owner: string, limit: number, leaseSeconds: number): Promise<ClaimedSource[]> {
    // an UPDATE through TypeORM's query() answers [rows, affected]
    const [rows]: [
      Array<{
      id: string;
      workspace_id: string;
      query_id: string;
      platform: Platform;
      cursor: SourceCursor;
      poll_interval_seconds: number;
      consecutive_failures: number;
      spec: ListeningQuerySpec;
      kind: QueryKind;
      }>,
      number,
    ] = await this.dataSource.query(
      `WITH due AS (
         SELECT s.id FROM source s JOIN listening_query q ON q.id = s.query_id
         WHERE s.state IN ('active', 'backing_off') AND q.active
           AND s.next_poll_at <= now() AND (s.lease_expires_at IS NULL OR s.lease_expires_at < now())
         ORDER BY s.next_poll_at LIMIT $2 FOR UPDATE OF s SKIP LOCKED)
       UPDATE source s SET lease_owner = $1, lease_expires_at = now() + make_interval(secs => $3), last_polled_at = now()
       FROM due, listening_query q WHERE s.id = due.id AND q.id = s.query_id
       RETURNING s.id, s.workspace_id, s.query_id, s.platform, s.cursor, s.poll_interval_seconds,
                 s.consecutive_failures, q.spec, q.kind`,
      [owner, limit, leaseSeconds],
    );
    return rows.map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      queryId: r.query_id,
      platform: r.platform,
      cursor: r.cursor ?? {},
      pollIntervalSeconds: r.poll_interval_seconds,
      consecutiveFailures: r.consecutive_failures,
      // specs saved before a field existed get its default
      spec: ListeningQuerySpec.parse(r.spec),
      queryKind: r.kind,
    }));
  }

  /**
   * Moves the cursor, inside the transaction that stores the page it covers, and renews the lease. Throws if
   * another process took the source over (the lease expired), which rolls the page back.
   */
  async advanceCursor(m: EntityManager, sourceId: string, owner: string, cursor: SourceCursor, leaseSeconds: number): Promise<void> {
    const result: [unknown[], number] = await m.query(
      `UPDATE source SET cursor = $3::jsonb, lease_expires_at = now() + make_interval(secs => $4)
       WHERE id = $1 AND lease_owner = $2`,
      [sourceId, owner, JSON.stringify(cursor), leaseSeconds],
    );
    if (result[1] !== 1) throw new Error(`lost the lease on source ${sourceId}`);
  }

  /**
   * A poll ended well: schedule the next one and let go of the lease. When the platform says the budget is
   * spent, the next poll waits for its reset, and so do the workspace's other sources on that platform
   * (they share the token).
   */
  async completed(source: ClaimedSource, owner: string, pollAgainInSeconds: number, rateLimit: RateLimitInfo | null): Promise<Date> {
    // nextPollAt is what this poll asks for; a sibling's rate limit may push it later (see the UPDATE)
    let nextPollAt = new Date(Date.now() + pollAgainInSeconds * 1000);
    const resetAt = rateLimit?.resetAt ?? null;
    const spent = rateLimit?.remaining === 0 && resetAt !== null && resetAt.getTime() > nextPollAt.getTime();
    if (spent && resetAt) nextPollAt = resetAt;
    await this.dataSource.query(
      `UPDATE source SET lease_owner = NULL, lease_expires_at = NULL, state = 'active', consecutive_failures = 0,
         last_error = NULL, last_success_at = now(),
         -- a due source's next_poll_at is in the past: a future one was set while it polled (a sibling's rate limit)
         next_poll_at = GREATEST($3, next_poll_at),
         rate_limit_remaining = $4, rate_limit_reset_at = $5
       WHERE id = $1 AND lease_owner = $2`,
      [source.id, owner, nextPollAt, rateLimit?.remaining ?? null, resetAt],
    );
    if (spent && resetAt) await this.deferPlatform(source, resetAt);
    return nextPollAt;
  }

  /**
   * A poll failed. Rate limits wait for their reset (the platform's sources in the workspace with it); 5xx,
   * timeouts and malformed bodies back off exponentially with jitter; rejected credentials park the source in
   * "needs re-auth" until someone resumes it; a query the platform refuses waits the longest backoff.
   */
  async failed(source: ClaimedSource, owner: string, error: ConnectorError, rateLimit: RateLimitInfo | null = null): Promise<Date> {
    const failures = source.consecutiveFailures + 1;
    let nextPollAt: Date;
    let state = 'backing_off';
    if (error.code === 'rate_limited') {
      nextPollAt = new Date(Math.max(error.retryAt?.getTime() ?? Date.now() + 60_000, Date.now() + 1000));
    } else if (error.code === 'auth_invalid') {
      state = 'needs_reauth';
      nextPollAt = new Date(Date.now() + MAX_BACKOFF_MS);
    } else if (error.code === 'bad_query') {
      nextPollAt = new Date(Date.now() + MAX_BACKOFF_MS);
    } else {
      nextPollAt = new Date(Date.now() + backoffMs(failures));
    }
    await this.dataSource.query(
      `UPDATE source SET lease_owner = NULL, lease_expires_at = NULL, state = $3, consecutive_failures = $4,
         last_error = $5, next_poll_at = GREATEST($6, next_poll_at),
         rate_limit_remaining = COALESCE($7, rate_limit_remaining), rate_limit_reset_at = COALESCE($8, rate_limit_reset_at)
       WHERE id = $1 AND lease_owner = $2`,
      [
        source.id,
        owner,
        state,
        failures,
        `${error.code}: ${error.message}`.slice(0, 1000),
        nextPollAt,
        error.code === 'rate_limited' ? 0 : (rateLimit?.remaining ?? null),
        error.code === 'rate_limited' ? nextPollAt : (rateLimit?.resetAt ?? null),
      ],
    );
    if (error.code === 'rate_limited') await this.deferPlatform(source, nextPollAt);
    return nextPollAt;
  }

  /** No source of this workspace polls the platform before `until`. */
  private async deferPlatform(source: ClaimedSource, until: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE source SET next_poll_at = greatest(next_poll_at, $3)
       WHERE workspace_id = $1 AND platform = $2 AND state IN ('active', 'backing_off')`,
      [source.workspaceId, source.platform, until],
    );
  }

  async stateCounts(): Promise<Record<string, number>> {
    const rows: Array<{ state: string; n: string }> = await this.dataSource.query(
      `SELECT state, count(*) AS n FROM source GROUP BY state`,
    );
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }
}
