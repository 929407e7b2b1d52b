import type { OverviewBucket, OverviewResponse } from '@ecoute/contracts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_BUCKETS = 2_000;

/**
 * The series with every bucket of [from, to) present, empty buckets at zero, oldest first, so that a quiet hour
 * shows as a gap in the chart instead of disappearing. The grid is anchored on the server's own buckets.
 */
export function fillSeries(
  res: Pick<OverviewResponse, 'from' | 'to' | 'bucket' | 'series'>,
): OverviewBucket[] {
  const step = res.bucket === 'hour' ? HOUR : DAY;
  const from = Date.parse(res.from);
  const to = Date.parse(res.to);
  const byTime = new Map<number, OverviewBucket>();
  for (const b of res.series) byTime.set(Date.parse(b.t), b);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from)
    return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b);

  const anchor = res.series.length > 0 ? Date.parse(res.series[0].t) : Math.floor(from / step) * step;
  const first = anchor + Math.floor((from - anchor) / step) * step;
  const out = new Map(byTime);
  for (let t = first, n = 0; t < to && n < MAX_BUCKETS; t += step, n++) {
    if (!out.has(t))
      out.set(t, { t: new Date(t).toISOString(), total: 0, positive: 0, neutral: 0, negative: 0 });
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b);
}

/** "14:00" for an hour bucket (local time), "Mon 3 Nov" for a day bucket (its UTC calendar day). */
export function bucketLabel(t: string, bucket: 'hour' | 'day', locale: string): string {
  const d = new Date(t);
  if (bucket === 'hour')
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(d);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(d);
}
