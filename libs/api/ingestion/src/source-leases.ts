import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ListeningQuerySpec, Platform } from '@ecoute/contracts';
import type { ConnectorError, SourceCursor } from '@ecoute/api-connectors';

export interface ClaimedSource {
  id: string;
  workspaceId: string;
  queryId: string;
  platform: Platform;
  cursor: SourceCursor;
  pollIntervalSeconds: number;
  consecutiveFailures: number;
  spec: ListeningQuerySpec;
}

const MAX_BACKOFF_SECONDS = 15 * 60;

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
                 s.consecutive_failures, q.spec`,
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
      spec: r.spec,
    }));
  }

  /** Moves the cursor, inside the transaction that stores the page it covers. */
  async advanceCursor(m: EntityManager, sourceId: string, owner: string, cursor: SourceCursor): Promise<void> {
    const result: [unknown[], number] = await m.query(
      `UPDATE source SET cursor = $3::jsonb WHERE id = $1 AND lease_owner = $2`,
      [sourceId, owner, JSON.stringify(cursor)],
    );
    if (result[1] !== 1) throw new Error(`lost the lease on source ${sourceId}`);
  }

  /** A poll ended well: schedule the next one and let go of the lease. */
  async completed(sourceId: string, owner: string, pollAgainInSeconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE source SET lease_owner = NULL, lease_expires_at = NULL, state = 'active', consecutive_failures = 0,
         last_error = NULL, last_success_at = now(), next_poll_at = now() + make_interval(secs => $3)
       WHERE id = $1 AND lease_owner = $2`,
      [sourceId, owner, pollAgainInSeconds],
    );
  }

  /** A poll failed: back off (rate limits until their reset), or park the source when its credentials fail. */
  async failed(source: ClaimedSource, owner: string, error: ConnectorError): Promise<Date> {
    const failures = source.consecutiveFailures + 1;
    let nextPollAt: Date;
    let state = 'backing_off';
    if (error.code === 'rate_limited' && error.retryAt) {
      nextPollAt = new Date(Math.max(error.retryAt.getTime(), Date.now() + 1000));
    } else if (error.code === 'auth_invalid') {
      state = 'needs_reauth';
      nextPollAt = new Date(Date.now() + MAX_BACKOFF_SECONDS * 1000);
    } else {
      const base = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(failures, 10));
      const jitter = base * 0.2 * Math.random();
      nextPollAt = new Date(Date.now() + (base + jitter) * 1000);
    }
    await this.dataSource.query(
      `UPDATE source SET lease_owner = NULL, lease_expires_at = NULL, state = $3, consecutive_failures = $4,
         last_error = $5, next_poll_at = $6
       WHERE id = $1 AND lease_owner = $2`,
      [source.id, owner, state, failures, `${error.code}: ${error.message}`.slice(0, 1000), nextPollAt],
    );
    return nextPollAt;
  }

  async stateCounts(): Promise<Record<string, number>> {
    const rows: Array<{ state: string; n: string }> = await this.dataSource.query(
      `SELECT state, count(*) AS n FROM source GROUP BY state`,
    );
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }
}
