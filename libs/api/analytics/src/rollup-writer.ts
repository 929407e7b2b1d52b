import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Platform, SentimentLabel } from '@ecoute/contracts';
import { engagementX, type EngagementCounts } from './engagement';

export interface RollupInput {
  createdAt: Date;
  sentiment: SentimentLabel;
  /** the author's followers: the mention's potential reach */
  reach: number;
  metrics: EngagementCounts;
}

/**
 * The rollups' "all queries" rows: each mention counted once, however many queries matched it (volume,
 * sentiment over time). The rows of a query count the mentions matched to that query (share of voice).
 */
export const ALL_QUERIES = '00000000-0000-0000-0000-000000000000';

/**
 * Analytics' part of the pipeline transaction: bumps the hourly rollups of a query for its newly matched
 * mentions, and those of ALL_QUERIES for newly stored ones.
 */
@Injectable()
export class RollupWriter {
  async bump(m: EntityManager, workspaceId: string, queryId: string, platform: Platform, mentions: readonly RollupInput[]): Promise<void> {
    if (mentions.length === 0) return;
    await m.query(
      `INSERT INTO mention_rollup_hourly AS r (workspace_id, bucket, query_id, platform, sentiment_label, mentions, reach, engagement)
       SELECT $1, date_trunc('hour', u.created_at), $2, $3, u.label, count(*), sum(u.reach), sum(u.engagement)
       FROM unnest($4::timestamptz[], $5::text[], $6::bigint[], $7::bigint[]) AS u(created_at, label, reach, engagement)
       GROUP BY date_trunc('hour', u.created_at), u.label
       ORDER BY 2, 5
       ON CONFLICT (workspace_id, bucket, query_id, platform, sentiment_label) DO UPDATE SET
         mentions = r.mentions + EXCLUDED.mentions, reach = r.reach + EXCLUDED.reach, engagement = r.engagement + EXCLUDED.engagement`,
      [
        workspaceId,
        queryId,
        platform,
        mentions.map((x) => x.createdAt.toISOString()),
        mentions.map((x) => x.sentiment),
        mentions.map((x) => x.reach),
        mentions.map((x) => engagementX(x.metrics)),
      ],
    );
  }

  /**
   * Moves one mention from one sentiment label to another in the hourly rollups of the given queries (an agent
   * corrected it, or an admin rejected the correction). Reach and engagement move with it, at their current values.
   */
  async moveLabel(
    m: EntityManager,
    workspaceId: string,
    queryIds: readonly string[],
    platform: Platform,
    mention: RollupInput,
    to: SentimentLabel,
  ): Promise<void> {
    if (mention.sentiment === to || queryIds.length === 0) return;
    const engagement = engagementX(mention.metrics);
    const queries = [...queryIds].sort();
    await m.query(
      `UPDATE mention_rollup_hourly SET mentions = GREATEST(mentions - 1, 0), reach = GREATEST(reach - $5, 0), engagement = GREATEST(engagement - $6, 0)
       WHERE workspace_id = $1 AND bucket = date_trunc('hour', $2::timestamptz) AND query_id = ANY($3::uuid[]) AND platform = $4 AND sentiment_label = $7`,
      [workspaceId, mention.createdAt.toISOString(), queries, platform, mention.reach, engagement, mention.sentiment],
    );
    await m.query(
      `INSERT INTO mention_rollup_hourly AS r (workspace_id, bucket, query_id, platform, sentiment_label, mentions, reach, engagement)
       SELECT $1, date_trunc('hour', $2::timestamptz), q, $4, $7, 1, $5, $6 FROM unnest($3::uuid[]) AS q ORDER BY q
       ON CONFLICT (workspace_id, bucket, query_id, platform, sentiment_label) DO UPDATE SET
         mentions = r.mentions + 1, reach = r.reach + EXCLUDED.reach, engagement = r.engagement + EXCLUDED.engagement`,
      [workspaceId, mention.createdAt.toISOString(), queries, platform, mention.reach, engagement, to],
    );
  }
}
