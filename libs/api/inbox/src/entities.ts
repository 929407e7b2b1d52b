import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignStrategy, ConversationEventKind, ConversationStatus, MessageKind, Platform, Priority, ReplyState } from '@ecoute/contracts';

/** An inbox item: one thread on one platform (X: conversation_id) while it is active. */
@Entity('conversation')
@Index(['workspaceId', 'lastMessageAt'])
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text') platform!: Platform;
  @Column('text', { name: 'thread_key' }) threadKey!: string;
  @Column('text', { default: 'new' }) status!: ConversationStatus;
  @Column('text', { default: 'normal' }) priority!: Priority;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('uuid', { name: 'subject_mention_id' }) subjectMentionId!: string;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId!: string | null;
  @Column('uuid', { name: 'routing_rule_id', nullable: true }) routingRuleId!: string | null;
  @Column('text', { array: true, default: '{}' }) tags!: string[];
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @Column('timestamptz', { name: 'last_message_at' }) lastMessageAt!: Date;
  @Column('timestamptz', { name: 'waiting_since', nullable: true }) waitingSince!: Date | null;
  @Column('timestamptz', { name: 'first_response_at', nullable: true }) firstResponseAt!: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('integer', { name: 'message_count', default: 0 }) messageCount!: number;
  @Column('uuid', { name: 'team_id', nullable: true }) teamId!: string | null;
  /** bumped by every change an agent makes; a change naming an older version is refused (409) */
  @Column('integer', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'snoozed_until', nullable: true }) snoozedUntil!: Date | null;
  /** the auto-assignment waiting for an agent of the team to have room */
  @Column('text', { name: 'queued_strategy', nullable: true }) queuedStrategy!: AssignStrategy | null;
  @Column('timestamptz', { name: 'first_response_due_at', nullable: true }) firstResponseDueAt!: Date | null;
  @Column('timestamptz', { name: 'resolution_due_at', nullable: true }) resolutionDueAt!: Date | null;
  @Column('timestamptz', { name: 'escalated_at', nullable: true }) escalatedAt!: Date | null;
  @Column('uuid', { name: 'escalated_to_user_id', nullable: true }) escalatedToUserId!: string | null;
  @Column('uuid', { name: 'escalated_to_team_id', nullable: true }) escalatedToTeamId!: string | null;
  @Column('text', { name: 'escalation_reason', nullable: true }) escalationReason!: string | null;
}

/** A team of agents: a routing rule hands conversations to it, round-robin or to the least loaded. */
@Entity('team')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text') name!: string;
  @Column('uuid', { name: 'round_robin_last_user_id', nullable: true }) roundRobinLastUserId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('team_member')
export class TeamMemberEntity {
  @PrimaryColumn('uuid', { name: 'team_id' }) teamId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
}

/** What happened to a conversation, by whom (null: routing or the system): the trail shown beside it. */
@Entity('conversation_event')
@Index(['conversationId', 'createdAt'])
export class ConversationEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('uuid', { name: 'conversation_id' }) conversationId!: string;
  @Column('uuid', { name: 'actor_user_id', nullable: true }) actorUserId!: string | null;
  @Column('text') kind!: ConversationEventKind;
  @Column('jsonb', { default: {} }) data!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('message')
@Index(['conversationId', 'createdAt'])
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('uuid', { name: 'conversation_id' }) conversationId!: string;
  @Column('text') kind!: MessageKind;
  @Column('text') body!: string;
  @Column('uuid', { name: 'mention_id', nullable: true }) mentionId!: string | null;
  @Column('uuid', { name: 'sent_by_user_id', nullable: true }) sentByUserId!: string | null;
  @Column('uuid', { name: 'outbox_id', nullable: true }) outboxId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** Replies waiting to be posted, posted exactly once (DESIGN §2). */
@Entity('reply_outbox')
@Index(['workspaceId', 'idempotencyKey'], { unique: true })
@Index(['state', 'nextAttemptAt'])
export class ReplyOutboxEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('uuid', { name: 'conversation_id' }) conversationId!: string;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
  @Column('text') platform!: Platform;
  @Column('text') body!: string;
  @Column('text', { name: 'in_reply_to_external_id' }) inReplyToExternalId!: string;
  @Column('text', { name: 'thread_key' }) threadKey!: string;
  @Column('text', { default: 'queued' }) state!: ReplyState;
  @Column('integer', { default: 0 }) attempts!: number;
  /** the last attempt may have reached the platform: look for the post before sending again */
  @Column('boolean', { name: 'needs_check', default: false }) needsCheck!: boolean;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('text', { name: 'platform_post_id', nullable: true }) platformPostId!: string | null;
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' }) nextAttemptAt!: Date;
  @Column('timestamptz', { name: 'sending_since', nullable: true }) sendingSince!: Date | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const INBOX_ENTITIES = [ConversationEntity, MessageEntity, ReplyOutboxEntity, TeamEntity, TeamMemberEntity, ConversationEventEntity];
