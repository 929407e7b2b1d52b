import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { netSentiment, type OverviewBucket, type OverviewQuery, type OverviewResponse, type SentimentCounts } from '@ecoute/contracts';
import { ALL_QUERIES } from './rollup-writer';

const STEP_MS = { hour: 3600_000, day: 86400_000 } as const;
const MAX_BUCKETS = 24 * 93;
/** without `from`: the last 24 hours by hour, the last 30 days by day */
const DEFAULT_SPAN_MS = { hour: STEP_MS.day, day: 30 * STEP_MS.day } as const;

/** Mention volume and sentiment over time, read from the hourly rollups (never from raw mentions). */
@Injectable()
export class OverviewService {
  constructor(private readonly dataSource: DataSource) {}

  async overview(workspaceId: string, q: OverviewQuery): Promise<OverviewResponse> {
    const step = STEP_MS[q.bucket];
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_SPAN_MS[q.bucket]);
    const start = new Date(Math.floor(from.getTime() / step) * step);
    const count = Math.min(MAX_BUCKETS, Math.ceil((to.getTime() - start.getTime()) / step));
    const rows: Array<{ t: Date; label: string; n: string }> = await this.dataSource.query(
      `SELECT date_trunc($4, bucket) AS t, sentiment_label AS label, sum(mentions) AS n
       FROM mention_rollup_hourly
       WHERE workspace_id = $1 AND query_id = '${ALL_QUERIES}' AND bucket >= $2 AND bucket < $3
       GROUP BY 1, 2`,
      [workspaceId, start, to, q.bucket],
    );
    const series: OverviewBucket[] = Array.from({ length: count }, (_, i) => ({
      t: new Date(start.getTime() + i * step).toISOString(),
      total: 0,
      positive: 0,
      neutral: 0,
      negative: 0,
    }));
    const totals: SentimentCounts = { total: 0, positive: 0, neutral: 0, negative: 0 };
    for (const r of rows) {
      const i = Math.floor((new Date(r.t).getTime() - start.getTime()) / step);
      const bucket = series[i];
      const n = Number(r.n);
      if (!bucket || (r.label !== 'positive' && r.label !== 'neutral' && r.label !== 'negative')) continue;
      bucket[r.label] += n;
      bucket.total += n;
      totals[r.label] += n;
      totals.total += n;
    }
    const open: Array<{ n: string }> = await this.dataSource.query(
      `SELECT count(*) AS n FROM conversation WHERE workspace_id = $1 AND status IN ('new', 'open', 'pending')`,
      [workspaceId],
    );
    return {
      from: start.toISOString(),
      to: to.toISOString(),
      bucket: q.bucket,
      series,
      totals,
      netSentiment: netSentiment(totals),
      openConversations: Number(open[0]?.n ?? 0),
    };
  }
}
