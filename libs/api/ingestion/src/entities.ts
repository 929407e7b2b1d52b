import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ListeningQuerySpec, Platform, QueryKind, SourceState } from '@ecoute/contracts';
import type { SourceCursor } from '@ecoute/api-connectors';

@Entity('listening_query')
export class ListeningQueryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column('uuid', { name: 'workspace_id' })
  workspaceId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: QueryKind;
  @Column('jsonb') spec!: ListeningQuerySpec;
  @Column('boolean', { default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One query on one platform: its cursor, schedule, lease and health. */
@Entity('source')
@Index(['workspaceId', 'queryId', 'platform'], { unique: true })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('uuid', { name: 'query_id' }) queryId!: string;
  @Column('text') platform!: Platform;
  @Column('text', { default: 'active' }) state!: SourceState;
  @Column('jsonb', { default: {} }) cursor!: SourceCursor;
  @Column('integer', { name: 'poll_interval_seconds', default: 60 }) pollIntervalSeconds!: number;
  @Column('timestamptz', { name: 'next_poll_at', default: () => 'now()' }) nextPollAt!: Date;
  @Column('text', { name: 'lease_owner', nullable: true }) leaseOwner!: string | null;
  @Column('timestamptz', { name: 'lease_expires_at', nullable: true }) leaseExpiresAt!: Date | null;
  @Column('integer', { name: 'consecutive_failures', default: 0 }) consecutiveFailures!: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('timestamptz', { name: 'last_polled_at', nullable: true }) lastPolledAt!: Date | null;
  @Column('timestamptz', { name: 'last_success_at', nullable: true }) lastSuccessAt!: Date | null;
  @Column('integer', { name: 'rate_limit_remaining', nullable: true }) rateLimitRemaining!: number | null;
  @Column('timestamptz', { name: 'rate_limit_reset_at', nullable: true }) rateLimitResetAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('author')
@Index(['workspaceId', 'platform', 'externalId'], { unique: true })
export class AuthorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text') platform!: Platform;
  @Column('text', { name: 'external_id' }) externalId!: string;
  @Column('text') handle!: string;
  @Column('text') name!: string;
  @Column('integer', { default: 0 }) followers!: number;
  @Column('boolean', { default: false }) verified!: boolean;
  @Column('text', { name: 'avatar_url', nullable: true }) avatarUrl!: string | null;
}

@Entity('mention')
@Index(['workspaceId', 'platform', 'externalId'], { unique: true })
@Index(['workspaceId', 'createdAt', 'id'])
export class MentionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text') platform!: Platform;
  @Column('text', { name: 'external_id' }) externalId!: string;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('text') text!: string;
  @Column('text') url!: string;
  @Column('text', { nullable: true }) language!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'fetched_at', default: () => 'now()' }) fetchedAt!: Date;
  @Column('integer', { default: 0 }) likes!: number;
  @Column('integer', { default: 0 }) reposts!: number;
  @Column('integer', { default: 0 }) replies!: number;
  @Column('integer', { default: 0 }) quotes!: number;
  @Column('integer', { default: 0 }) bookmarks!: number;
  @Column('bigint', { default: 0 }) views!: string;
  @Column('text', { name: 'thread_id', nullable: true }) threadId!: string | null;
  @Column('text', { name: 'parent_external_id', nullable: true }) parentExternalId!: string | null;
  @Column('real', { name: 'sentiment_score', default: 0 }) sentimentScore!: number;
  @Column('text', { name: 'sentiment_label', default: 'neutral' }) sentimentLabel!: string;
  @Column('jsonb', { name: 'sentiment_explanation', default: [] }) sentimentExplanation!: unknown;
  @Column('real', { name: 'sentiment_confidence', default: 0 }) sentimentConfidence!: number;
  @Column('boolean', { name: 'sentiment_corrected', default: false }) sentimentCorrected!: boolean;
  @Column('real', { name: 'language_confidence', default: 0 }) languageConfidence!: number;
  @Column('text', { array: true, default: '{}' }) intents!: string[];
  @Column('jsonb', { name: 'intent_evidence', default: {} }) intentEvidence!: unknown;
  @Column('boolean', { name: 'intents_corrected', default: false }) intentsCorrected!: boolean;
  @Column('boolean', { name: 'is_abuse', default: false }) isAbuse!: boolean;
  @Column('real', { name: 'abuse_score', default: 0 }) abuseScore!: number;
  /** a repost kept as its own mention (only when the query includes reposts; otherwise reposts fold into the original) */
  @Column('boolean', { name: 'is_repost', default: false }) isRepost!: boolean;
  @Column('jsonb', { nullable: true }) raw!: unknown;
}

@Entity('mention_match')
export class MentionMatchEntity {
  @PrimaryColumn('uuid', { name: 'mention_id' }) mentionId!: string;
  @PrimaryColumn('uuid', { name: 'query_id' }) queryId!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text', { name: 'matched_terms', array: true, default: '{}' }) matchedTerms!: string[];
}

/** A backfill of one source's history back to `since`; its cursor lets an interrupted run resume. */
@Entity('backfill_job')
@Index(['sourceId', 'since'], { unique: true })
export class BackfillJobEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('uuid', { name: 'source_id' }) sourceId!: string;
  @Column('timestamptz') since!: Date;
  @Column('jsonb', { nullable: true }) cursor!: SourceCursor | null;
  @Column('text', { default: 'running' }) state!: 'running' | 'done' | 'failed';
  @Column('integer', { default: 0 }) pages!: number;
  @Column('integer', { default: 0 }) fetched!: number;
  @Column('integer', { default: 0 }) inserted!: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  /** initial: the look-back a new source fetches by itself, run by the scheduler; manual: `npm run backfill` */
  @Column('text', { default: 'manual' }) kind!: 'initial' | 'manual';
  @Column('text', { name: 'lease_owner', nullable: true }) leaseOwner!: string | null;
  @Column('timestamptz', { name: 'lease_expires_at', nullable: true }) leaseExpiresAt!: Date | null;
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' }) nextAttemptAt!: Date;
  @Column('integer', { default: 0 }) failures!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A workspace's sentiment tuning: a word with its weight (AFINN scale), or a term that never carries sentiment. */
@Entity('sentiment_term')
export class SentimentTermEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text') term!: string;
  @Column('text') kind!: 'lexicon' | 'ignored';
  @Column('smallint', { nullable: true }) weight!: number | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** An agent's correction of a mention's sentiment or intents, waiting for an admin's review. */
@Entity('mention_correction')
export class MentionCorrectionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('uuid', { name: 'mention_id' }) mentionId!: string;
  @Column('text') kind!: 'sentiment' | 'intents';
  @Column('jsonb') before!: unknown;
  @Column('jsonb') after!: unknown;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('text', { default: 'pending' }) status!: 'pending' | 'accepted' | 'rejected';
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('uuid', { name: 'reviewed_by', nullable: true }) reviewedBy!: string | null;
  @Column('timestamptz', { name: 'reviewed_at', nullable: true }) reviewedAt!: Date | null;
  /** the lexicon entry an accepted correction fed */
  @Column('uuid', { name: 'term_id', nullable: true }) termId!: string | null;
}

export const INGESTION_ENTITIES = [
  ListeningQueryEntity,
  SourceEntity,
  AuthorEntity,
  MentionEntity,
  MentionMatchEntity,
  BackfillJobEntity,
  SentimentTermEntity,
  MentionCorrectionEntity,
];
