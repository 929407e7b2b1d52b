import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Hourly mention counts per workspace, query, platform and sentiment, with reach and engagement sums,
 * maintained as mentions arrive so that charts never scan raw mentions (DESIGN §2, §6).
 */
@Entity('mention_rollup_hourly')
export class MentionRollupHourlyEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @PrimaryColumn('timestamptz') bucket!: Date;
  @PrimaryColumn('uuid', { name: 'query_id' }) queryId!: string;
  @PrimaryColumn('text') platform!: string;
  @PrimaryColumn('text', { name: 'sentiment_label' }) sentimentLabel!: string;
  @Column('integer', { default: 0 }) mentions!: number;
  @Column('bigint', { default: 0 }) reach!: string;
  @Column('bigint', { default: 0 }) engagement!: string;
}

export const ANALYTICS_ENTITIES = [MentionRollupHourlyEntity];
