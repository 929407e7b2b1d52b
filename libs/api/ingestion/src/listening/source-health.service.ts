import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Platform, QueryKind, SourceDto, SourceState, UpdateSourceRequest } from '@ecoute/contracts';

interface SourceRow {
  id: string;
  query_id: string;
  query_name: string;
  query_kind: QueryKind;
  platform: Platform;
  state: SourceState;
  poll_interval_seconds: number;
  last_polled_at: Date | null;
  last_success_at: Date | null;
  next_poll_at: Date;
  last_error: string | null;
  consecutive_failures: number;
  rate_limit_remaining: number | null;
  rate_limit_reset_at: Date | null;
  last_hour: string;
  last_day: string;
}

// one pass over the workspace's last 24 hours of mentions (the (workspace, created_at) index), for every source
const SELECT = `
  WITH volume AS (
    SELECT mm.query_id, m.platform,
           count(*) FILTER (WHERE m.created_at > now() - interval '1 hour') AS last_hour, count(*) AS last_day
    FROM mention m JOIN mention_match mm ON mm.mention_id = m.id
    WHERE m.workspace_id = $1 AND m.created_at > now() - interval '24 hours'
    GROUP BY mm.query_id, m.platform)
  SELECT s.id, s.query_id, q.name AS query_name, q.kind AS query_kind, s.platform, s.state, s.poll_interval_seconds,
         s.last_polled_at, s.last_success_at, s.next_poll_at, s.last_error, s.consecutive_failures,
         s.rate_limit_remaining, s.rate_limit_reset_at,
         COALESCE(v.last_hour, 0) AS last_hour, COALESCE(v.last_day, 0) AS last_day
  FROM source s
  JOIN listening_query q ON q.id = s.query_id
  LEFT JOIN volume v ON v.query_id = s.query_id AND v.platform = s.platform`;

/** The Sources health view: per source, its state, last and next poll, last error, volume and rate limit. */
@Injectable()
export class SourceHealthService {
  constructor(private readonly dataSource: DataSource) {}

  async list(workspaceId: string): Promise<SourceDto[]> {
    const rows: SourceRow[] = await this.dataSource.query(`${SELECT} WHERE s.workspace_id = $1 ORDER BY q.name, s.platform`, [workspaceId]);
    return rows.map(toDto);
  }

  async get(workspaceId: string, id: string): Promise<SourceDto> {
    const rows: SourceRow[] = await this.dataSource.query(`${SELECT} WHERE s.workspace_id = $1 AND s.id = $2`, [workspaceId, id]);
    if (!rows[0]) throw new NotFoundException(`source ${id} not found`);
    return toDto(rows[0]);
  }

  /** Pause, or resume (which also clears "needs re-auth" and the failure count, and polls at once). */
  async update(workspaceId: string, id: string, input: UpdateSourceRequest): Promise<SourceDto> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE source SET
         state = COALESCE($3, state),
         poll_interval_seconds = COALESCE($4, poll_interval_seconds),
         consecutive_failures = CASE WHEN $3 = 'active' THEN 0 ELSE consecutive_failures END,
         last_error = CASE WHEN $3 = 'active' THEN NULL ELSE last_error END,
         next_poll_at = CASE WHEN $3 = 'active' THEN now() ELSE next_poll_at END
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, input.state ?? null, input.pollIntervalSeconds ?? null],
    );
    if (!affected) throw new NotFoundException(`source ${id} not found`);
    return this.get(workspaceId, id);
  }
}

function toDto(r: SourceRow): SourceDto {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    queryId: r.query_id,
    queryName: r.query_name,
    queryKind: r.query_kind,
    platform: r.platform,
    state: r.state,
    pollIntervalSeconds: r.poll_interval_seconds,
    lastPolledAt: iso(r.last_polled_at),
    lastSuccessAt: iso(r.last_success_at),
    nextPollAt: r.next_poll_at.toISOString(),
    lastError: r.last_error,
    consecutiveFailures: r.consecutive_failures,
    mentionsLastHour: Number(r.last_hour),
    mentionsPerHour24h: Math.round((Number(r.last_day) / 24) * 10) / 10,
    rateLimit:
      r.rate_limit_remaining === null && r.rate_limit_reset_at === null
        ? null
        : { remaining: r.rate_limit_remaining, resetAt: iso(r.rate_limit_reset_at) },
  };
}
