import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ListeningQuerySpec, type Platform, type QueryKind } from '@ecoute/contracts';
import type { ConnectorError, SourceCursor } from '@ecoute/api-connectors';
import { BackfillJobEntity } from './entities';

/** A backfill job with what running it needs: its source's platform and query. */
export interface BackfillWork {
  id: string;
  workspaceId: string;
  sourceId: string;
  queryId: string;
  platform: Platform;
  spec: ListeningQuerySpec;
  queryKind: QueryKind;
  since: Date;
  cursor: SourceCursor | null;
  failures: number;
}

interface WorkRow {
  id: string;
  workspace_id: string;
  source_id: string;
  query_id: string;
  platform: Platform;
  spec: unknown;
  kind: QueryKind;
  since: Date;
  cursor: SourceCursor | null;
  failures: number;
}

const WORK = `SELECT j.id, j.workspace_id, j.source_id, s.query_id, s.platform, q.spec, q.kind, j.since, j.cursor, j.failures
  FROM backfill_job j JOIN source s ON s.id = j.source_id JOIN listening_query q ON q.id = s.query_id`;

const toWork = (r: WorkRow): BackfillWork => ({
  id: r.id,
  workspaceId: r.workspace_id,
  sourceId: r.source_id,
  queryId: r.query_id,
  platform: r.platform,
  spec: ListeningQuerySpec.parse(r.spec),
  queryKind: r.kind,
  since: r.since,
  cursor: r.cursor,
  failures: r.failures,
});

/**
 * Backfill runs, one per (source, since). The job's cursor moves in the transaction that stores the page it
 * covers, so an interrupted backfill resumes where it stopped and never stores a post twice. "Initial" jobs
 * (the look-back of a new source) are run by the scheduler under a lease, like sources.
 */
@Injectable()
export class BackfillJobs {
  constructor(private readonly dataSource: DataSource) {}

  /** The unfinished manual job for this source and date, or a new one; a finished one is started over. */
  async open(workspaceId: string, sourceId: string, since: Date): Promise<BackfillWork> {
    await this.dataSource.query(
      `INSERT INTO backfill_job (workspace_id, source_id, since, kind) VALUES ($1, $2, $3, 'manual')
       ON CONFLICT (source_id, since) DO UPDATE SET
         state = 'running', last_error = NULL, failures = 0,
         cursor = CASE WHEN backfill_job.state = 'done' THEN NULL ELSE backfill_job.cursor END,
         pages = CASE WHEN backfill_job.state = 'done' THEN 0 ELSE backfill_job.pages END,
         fetched = CASE WHEN backfill_job.state = 'done' THEN 0 ELSE backfill_job.fetched END,
         inserted = CASE WHEN backfill_job.state = 'done' THEN 0 ELSE backfill_job.inserted END,
         updated_at = now()`,
      [workspaceId, sourceId, since],
    );
    const rows: WorkRow[] = await this.dataSource.query(`${WORK} WHERE j.source_id = $1 AND j.since = $2`, [sourceId, since]);
    return toWork(rows[0]);
  }

  /** Schedules the look-back of newly created sources, inside their transaction. */
  async scheduleInitial(m: EntityManager, sourceIds: readonly string[], lookbackHours: number): Promise<void> {
    if (sourceIds.length === 0 || lookbackHours <= 0) return;
    await m.query(
      `INSERT INTO backfill_job (workspace_id, source_id, since, kind)
       SELECT s.workspace_id, s.id, date_trunc('second', now()) - make_interval(hours => $2), 'initial'
       FROM source s WHERE s.id = ANY($1::uuid[])
       ON CONFLICT (source_id, since) DO NOTHING`,
      [[...sourceIds], lookbackHours],
    );
  }

  /** Claims one due initial job of an active source, with a lease; null when there is none. */
  async claimInitial(owner: string, leaseSeconds: number): Promise<BackfillWork | null> {
    const [rows]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `WITH due AS (
         SELECT j.id FROM backfill_job j JOIN source s ON s.id = j.source_id JOIN listening_query q ON q.id = s.query_id
         WHERE j.state = 'running' AND j.kind = 'initial' AND j.next_attempt_at <= now()
           AND (j.lease_expires_at IS NULL OR j.lease_expires_at < now())
           AND s.state IN ('active', 'backing_off') AND q.active
         ORDER BY j.next_attempt_at LIMIT 1 FOR UPDATE OF j SKIP LOCKED)
       UPDATE backfill_job j SET lease_owner = $1, lease_expires_at = now() + make_interval(secs => $2)
       FROM due WHERE j.id = due.id RETURNING j.id`,
      [owner, leaseSeconds],
    );
    if (rows.length === 0) return null;
    const work: WorkRow[] = await this.dataSource.query(`${WORK} WHERE j.id = $1`, [rows[0].id]);
    return work[0] ? toWork(work[0]) : null;
  }

  /**
   * Records a committed page, inside its transaction (a null cursor ends the walk). With an owner, checks and
   * renews the lease, and throws if another process took the job over, which rolls the page back.
   */
  async advance(
    m: EntityManager,
    jobId: string,
    cursor: SourceCursor | null,
    fetched: number,
    inserted: number,
    lease: { owner: string; seconds: number } | null,
  ): Promise<void> {
    const [, affected]: [unknown, number] = await m.query(
      `UPDATE backfill_job SET cursor = $2::jsonb, pages = pages + 1, fetched = fetched + $3, inserted = inserted + $4,
         state = CASE WHEN $2::jsonb IS NULL THEN 'done' ELSE state END, failures = 0, updated_at = now(),
         lease_expires_at = CASE WHEN $5::text IS NULL THEN lease_expires_at ELSE now() + make_interval(secs => $6) END
       WHERE id = $1 AND ($5::text IS NULL OR lease_owner = $5)`,
      [jobId, cursor === null ? null : JSON.stringify(cursor), fetched, inserted, lease?.owner ?? null, lease?.seconds ?? 0],
    );
    if (affected !== 1) throw new Error(`lost the lease on backfill job ${jobId}`);
  }

  async release(jobId: string, owner: string): Promise<void> {
    await this.dataSource.query(`UPDATE backfill_job SET lease_owner = NULL, lease_expires_at = NULL WHERE id = $1 AND lease_owner = $2`, [jobId, owner]);
  }

  /** A page could not be fetched: try again at `retryAt`, or give up for errors retrying cannot fix. */
  async attemptFailed(jobId: string, owner: string | null, error: ConnectorError, retryAt: Date): Promise<void> {
    const final = !error.retryable;
    await this.dataSource.query(
      `UPDATE backfill_job SET lease_owner = NULL, lease_expires_at = NULL, failures = failures + 1, next_attempt_at = $3,
         last_error = $4, state = CASE WHEN $5 THEN 'failed' ELSE state END, updated_at = now()
       WHERE id = $1 AND ($2::text IS NULL OR lease_owner = $2)`,
      [jobId, owner, retryAt, `${error.code}: ${error.message}`.slice(0, 1000), final],
    );
  }

  async fail(jobId: string, message: string): Promise<void> {
    await this.dataSource.query(`UPDATE backfill_job SET state = 'failed', last_error = $2, updated_at = now() WHERE id = $1`, [jobId, message.slice(0, 1000)]);
  }

  get(jobId: string): Promise<BackfillJobEntity> {
    return this.dataSource.getRepository(BackfillJobEntity).findOneByOrFail({ id: jobId });
  }
}
