import { z } from 'zod';
import { ConversationStatus, PLATFORMS, PRIORITIES } from './enums';
import type { Platform, Priority } from './enums';
import type { MessageKind, ReplyState, Role } from './enums';
import type { AuthorDto, MentionDto } from './mentions';
import type { SlaClockDto } from './sla';

/** X counts at most 280 characters per post; a reply is posted to the platform as it is. */
export const REPLY_MAX_LENGTH = 280;

export const CreateReplyRequest = z.object({
  text: z
    .string({ message: 'text is required' })
    .trim()
    .min(1, 'text must not be empty')
    .max(REPLY_MAX_LENGTH, `text must be at most ${REPLY_MAX_LENGTH} characters`),
  /**
   * the newest message the agent saw: if a teammate replied after it, the answer is 409 naming them, so that the
   * customer does not get two answers; send again with `confirm: true` to post anyway
   */
  lastSeenMessageId: z.string().uuid('lastSeenMessageId is a message id').optional(),
  confirm: z.boolean().optional(),
});
export type CreateReplyRequest = z.infer<typeof CreateReplyRequest>;

/** "x,reddit" in a query string → ['x', 'reddit'], each one of `values` */
function csvOf<T extends string>(values: readonly T[], what: string) {
  return z.string().transform((s, ctx) => {
    const parts = s.split(',').filter(Boolean);
    const bad = parts.filter((p) => !(values as readonly string[]).includes(p));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `${what} must be one or more of ${values.join(', ')} (got ${bad.join(', ')})` });
      return z.NEVER;
    }
    return parts as T[];
  });
}

export const ConversationListQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return undefined;
      const parts = s.split(',');
      const bad = parts.filter((p) => !ConversationStatus.safeParse(p).success);
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `status must be one or more of ${ConversationStatus.options.join(', ')} (got ${bad.join(', ')})`,
        });
        return z.NEVER;
      }
      return parts as ConversationStatus[];
    }),
  /**
   * mine: assigned to me; unassigned; team: my teams' conversations; escalated: escalated to me or to one of my
   * teams and still active; all (default)
   */
  view: z.enum(['all', 'mine', 'unassigned', 'team', 'escalated']).default('all'),
  platform: csvOf(PLATFORMS, 'platform').optional(),
  priority: csvOf(PRIORITIES, 'priority').optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  /** breached: a target passed and not met; due_soon: less than a quarter of a target left (calendar time) */
  sla: z.enum(['breached', 'due_soon']).optional(),
  /** recent: last activity first (default); oldest: longest waiting first; due: first-response due date first */
  sort: z.enum(['recent', 'oldest', 'due']).default('recent'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

export interface UserRef {
  id: string;
  name: string;
}

export interface ConversationSummaryDto {
  id: string;
  status: ConversationStatus;
  priority: Priority;
  platform: Platform;
  author: AuthorDto;
  /** the mention that opened the conversation */
  subject: MentionDto;
  assignee: UserRef | null;
  team: { id: string; name: string } | null;
  tags: string[];
  /** send it back with a change: a change made on an older version is refused (409) */
  version: number;
  snoozedUntil: string | null;
  /**
   * whether Écoute can post a reply on this platform; when it cannot, why (no API for replies, or no account
   * connected), so that the composer says so instead of offering to send
   */
  replies: { possible: true } | { possible: false; code: 'no_api' | 'no_account' | 'not_supported'; reason: string };
  /** handed to a lead or a team, and why (stays in the trail once resolved) */
  escalation: { at: string; toUser: UserRef | null; toTeam: { id: string; name: string } | null; reason: string } | null;
  /** against the policy of its priority; null where the policy sets no such target */
  sla: { firstResponse: SlaClockDto | null; resolution: SlaClockDto | null };
  messageCount: number;
  openedAt: string;
  lastMessageAt: string;
  waitingSince: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
}

export interface ReplyDelivery {
  state: ReplyState;
  platformPostId: string | null;
  error: string | null;
  attempts: number;
}

export interface MessageDto {
  id: string;
  kind: MessageKind;
  body: string;
  createdAt: string;
  mention: MentionDto | null;
  sentBy: UserRef | null;
  delivery: ReplyDelivery | null;
}

export interface ConversationDetailDto extends ConversationSummaryDto {
  messages: MessageDto[];
  /** what happened to it, oldest first: routing, assignments, status, priority, tags, team */
  events: ConversationEventDto[];
}

// ------------------------------------------------------------------------------------------ teams, assignment

/** how a rule (or the queue) picks an agent of a team: taking turns, or the one with the fewest open conversations */
export const ASSIGN_STRATEGIES = ['round_robin', 'least_loaded'] as const;
export const AssignStrategy = z.enum(ASSIGN_STRATEGIES);
export type AssignStrategy = z.infer<typeof AssignStrategy>;

export const CONVERSATION_EVENT_KINDS = ['routed', 'assigned', 'unassigned', 'queued', 'status', 'priority', 'tags', 'team', 'escalated'] as const;
export type ConversationEventKind = (typeof CONVERSATION_EVENT_KINDS)[number];

export interface ConversationEventDto {
  id: string;
  kind: ConversationEventKind;
  /** who did it; null: routing or the system */
  actor: UserRef | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/** Conversations an agent holds count against their capacity while new, open or pending. */
export const LOAD_STATUSES = ['new', 'open', 'pending'] as const;

export const UpdateConversationRequest = z
  .object({
    /** the version the change was made on; an older one is refused with 409 */
    version: z.number({ message: 'version is required: the version of the conversation the change was made on' }).int().min(1),
    status: ConversationStatus.optional(),
    /** with status "snoozed": when it comes back */
    snoozedUntil: z.string().datetime({ offset: true, message: 'snoozedUntil is an ISO 8601 date and time' }).optional(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
    assigneeId: z.string().uuid('assigneeId is a user id').nullable().optional(),
    teamId: z.string().uuid('teamId is a team id').nullable().optional(),
    tags: z.array(z.string().trim().min(1, 'a tag cannot be empty').max(40, 'a tag has at most 40 characters')).max(30, 'at most 30 tags').optional(),
  })
  .strict()
  .refine((r) => Object.keys(r).some((k) => k !== 'version'), 'nothing to change')
  .refine((r) => (r.status === 'snoozed') === (r.snoozedUntil !== undefined), 'a snooze needs snoozedUntil, and snoozedUntil needs status "snoozed"');
export type UpdateConversationRequest = z.infer<typeof UpdateConversationRequest>;

export interface TeamMemberDto extends UserRef {
  /** open conversations held now (new, open, pending) */
  load: number;
  capacity: number | null;
}

/** A member of the workspace, as the inbox shows them (assignment, teams, capacity). */
export interface MemberDto extends TeamMemberDto {
  role: Role;
  /** the teams they belong to */
  teamIds: string[];
}

export interface TeamDto {
  id: string;
  name: string;
  members: TeamMemberDto[];
  /** conversations waiting for an agent of the team to have room */
  queued: number;
}

export const CreateTeamRequest = z.object({
  name: z.string().trim().min(1, 'the name cannot be empty').max(60, 'the name has at most 60 characters'),
  memberIds: z.array(z.string().uuid('a member is a user id')).max(500).default([]),
});
export type CreateTeamRequest = z.infer<typeof CreateTeamRequest>;

export const UpdateTeamRequest = CreateTeamRequest.partial().refine((r) => Object.keys(r).length > 0, 'nothing to change');
export type UpdateTeamRequest = z.infer<typeof UpdateTeamRequest>;

export const SetCapacityRequest = z.object({
  capacity: z.number().int('capacity is a whole number').min(0, 'capacity cannot be negative').max(1000).nullable(),
});
export type SetCapacityRequest = z.infer<typeof SetCapacityRequest>;

/** Hands a conversation to a lead or another team, with the reason; it shows in their escalated queue. */
export const EscalateConversationRequest = z
  .object({
    version: z.number({ message: 'version is required: the version of the conversation the change was made on' }).int().min(1),
    toUserId: z.string().uuid('toUserId is a user id').optional(),
    toTeamId: z.string().uuid('toTeamId is a team id').optional(),
    reason: z.string().trim().min(3, 'say why, in a few words').max(500, 'the reason has at most 500 characters'),
  })
  .strict()
  .refine((r) => (r.toUserId === undefined) !== (r.toTeamId === undefined), 'escalate to one person (toUserId) or one team (toTeamId)');
export type EscalateConversationRequest = z.infer<typeof EscalateConversationRequest>;

// ------------------------------------------------------------------------------------------ notes, saved replies

/** An internal note, never posted; the teammates in `mentions` are notified. */
export const CreateNoteRequest = z.object({
  text: z.string().trim().min(1, 'the note is empty').max(4000, 'a note has at most 4,000 characters'),
  mentions: z.array(z.string().uuid('a mention is a user id')).max(20, 'mention at most 20 teammates').default([]),
});
export type CreateNoteRequest = z.infer<typeof CreateNoteRequest>;

export interface NotificationDto {
  id: string;
  kind: 'mention' | 'escalation';
  conversationId: string | null;
  messageId: string | null;
  actor: UserRef | null;
  text: string;
  createdAt: string;
  readAt: string | null;
}

/** The variables a saved reply may use; anything else in {{ }} is refused when saving. */
export const SAVED_REPLY_VARIABLES = ['author.name', 'author.handle', 'agent.name', 'agent.first_name', 'brand.name'] as const;

export const SavedReplyRequest = z.object({
  name: z.string().trim().min(1, 'the name cannot be empty').max(80, 'the name has at most 80 characters'),
  body: z
    .string()
    .trim()
    .min(1, 'the reply is empty')
    .max(REPLY_MAX_LENGTH * 4, `a saved reply has at most ${REPLY_MAX_LENGTH * 4} characters`)
    .superRefine((body, ctx) => {
      const unknown = [...body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]).filter((v) => !(SAVED_REPLY_VARIABLES as readonly string[]).includes(v));
      if (unknown.length > 0)
        ctx.addIssue({ code: 'custom', message: `unknown variable ${unknown.map((v) => `{{${v}}}`).join(', ')}: use ${SAVED_REPLY_VARIABLES.map((v) => `{{${v}}}`).join(', ')}` });
    }),
  language: z.string().regex(/^[a-z]{2}$/, 'a language is a two-letter ISO 639-1 code').nullable().default(null),
});
export type SavedReplyRequest = z.infer<typeof SavedReplyRequest>;

export interface SavedReplyDto extends SavedReplyRequest {
  id: string;
  createdBy: UserRef | null;
  updatedAt: string;
}

/** A saved reply filled in for one conversation, ready for the composer (which still checks the length). */
export interface RenderedReplyDto {
  text: string;
  length: number;
  /** the platform's limit is exceeded: the agent must shorten it before sending */
  tooLong: boolean;
}

// ------------------------------------------------------------------------------------------ live updates, presence

export const PRESENCE_STATES = ['viewing', 'typing', 'left'] as const;
export const PresenceRequest = z.object({ state: z.enum(PRESENCE_STATES) });
export type PresenceRequest = z.infer<typeof PresenceRequest>;

export interface PresenceDto {
  user: UserRef;
  state: 'viewing' | 'typing';
  /** the last heartbeat; a presence fades 30 seconds after it */
  at: string;
}

/**
 * What `GET /api/live` streams (server-sent events, one JSON object per event), across every API process:
 * - conversation: one conversation changed (status, assignee, reply, note, escalation…); reload it;
 * - conversations: new conversations or new messages from the platforms; reload the list and counts;
 * - presence: who is viewing or typing in a conversation now;
 * - notification: the signed-in user has a new notification.
 */
export type LiveEvent =
  | { kind: 'conversation'; conversationId: string; version: number | null; byUserId: string | null }
  | { kind: 'conversations'; conversationIds: string[] }
  | { kind: 'presence'; conversationId: string; presence: PresenceDto[] }
  | { kind: 'notification'; userId: string };
