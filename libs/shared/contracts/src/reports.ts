import { z } from 'zod';

export const OverviewQuery = z
  .object({
    from: z.iso.datetime({ message: 'from must be an ISO 8601 date-time' }).optional(),
    to: z.iso.datetime({ message: 'to must be an ISO 8601 date-time' }).optional(),
    bucket: z.enum(['hour', 'day'], { message: 'bucket must be hour or day' }).default('hour'),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['from'] });
export type OverviewQuery = z.infer<typeof OverviewQuery>;

export interface SentimentCounts {
  total: number;
  positive: number;
  neutral: number;
  negative: number;
}

export interface OverviewBucket extends SentimentCounts {
  /** start of the bucket, ISO 8601 */
  t: string;
}

export interface OverviewResponse {
  from: string;
  to: string;
  bucket: 'hour' | 'day';
  series: OverviewBucket[];
  totals: SentimentCounts;
  /** (positive − negative) ÷ (positive + negative) × 100, or null without any opinion (DESIGN §4) */
  netSentiment: number | null;
  openConversations: number;
}

/** (positive − negative) ÷ (positive + negative), in −100..100 (DESIGN §4). */
export function netSentiment(c: Pick<SentimentCounts, 'positive' | 'negative'>): number | null {
  const opinions = c.positive + c.negative;
  return opinions === 0 ? null : Math.round(((c.positive - c.negative) / opinions) * 1000) / 10;
}
