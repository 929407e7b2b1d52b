import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  MENTION_LOOKUP,
  type ConversationDetailDto,
  type ConversationEventKind,
  type ConversationListQuery,
  type ConversationStatus,
  type ConversationSummaryDto,
  type MentionDto,
  type MentionLookup,
  type MessageDto,
  type MessageKind,
  type Page,
  type Platform,
  type Priority,
  type ReplyState,
} from '@ecoute/contracts';
import { decodeCursor, encodeCursor } from '@ecoute/api-platform';
import { ReplyCapability } from './reply-capability';
import { SlaPoliciesService, slaOf, type SlaPolicy } from './sla/sla-policies.service';

interface ConversationRow {
  id: string;
  status: ConversationStatus;
  priority: Priority;
  platform: Platform;
  subject_mention_id: string;
  assignee_id: string | null;
  assignee_name: string | null;
  team_id: string | null;
  team_name: string | null;
  tags: string[];
  version: number;
  snoozed_until: Date | null;
  escalated_at: Date | null;
  escalated_to_user_id: string | null;
  escalated_to_user_name: string | null;
  escalated_to_team_id: string | null;
  escalated_to_team_name: string | null;
  escalation_reason: string | null;
  message_count: number;
  opened_at: Date;
  last_message_at: Date;
  waiting_since: Date | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
}

interface MessageRow {
  id: string;
  kind: MessageKind;
  body: string;
  created_at: Date;
  mention_id: string | null;
  sent_by_id: string | null;
  sent_by_name: string | null;
  state: ReplyState | null;
  platform_post_id: string | null;
  last_error: string | null;
  attempts: number | null;
}

const SELECT = `
  SELECT c.id, c.status, c.priority, c.platform, c.subject_mention_id, c.assignee_id, u.name AS assignee_name,
         c.team_id, t.name AS team_name, c.tags, c.version, c.snoozed_until,
         c.escalated_at, c.escalated_to_user_id, eu.name AS escalated_to_user_name, c.escalated_to_team_id,
         et.name AS escalated_to_team_name, c.escalation_reason,
         c.message_count, c.opened_at, c.last_message_at, c.waiting_since, c.first_response_at, c.resolved_at
  FROM conversation c LEFT JOIN app_user u ON u.id = c.assignee_id LEFT JOIN team t ON t.id = c.team_id
  LEFT JOIN app_user eu ON eu.id = c.escalated_to_user_id LEFT JOIN team et ON et.id = c.escalated_to_team_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

@Injectable()
export class ConversationReadService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MENTION_LOOKUP) private readonly mentions: MentionLookup,
    private readonly sla: SlaPoliciesService,
    private readonly capability: ReplyCapability,
  ) {}

  /**
   * A view (all, mine, unassigned, my teams', escalated to me or my teams) with filters, in one of three orders,
   * keyset-paginated: the cursor carries the sort key and the id.
   */
  async list(workspaceId: string, userId: string, q: ConversationListQuery): Promise<Page<ConversationSummaryDto>> {
    const params: unknown[] = [workspaceId, q.limit + 1];
    const where = ['c.workspace_id = $1'];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const myTeams = () => `(SELECT team_id FROM team_member WHERE workspace_id = $1 AND user_id = ${add(userId)})`;
    if (q.view === 'mine') where.push(`c.assignee_id = ${add(userId)}`);
    else if (q.view === 'unassigned') where.push(`c.assignee_id IS NULL`);
    else if (q.view === 'team') where.push(`c.team_id IN ${myTeams()}`);
    else if (q.view === 'escalated')
      where.push(`c.escalated_at IS NOT NULL AND c.status NOT IN ('resolved', 'ignored') AND (c.escalated_to_user_id = ${add(userId)} OR c.escalated_to_team_id IN ${myTeams()})`);
    if (q.status) where.push(`c.status = ANY(${add(q.status)}::text[])`);
    if (q.platform) where.push(`c.platform = ANY(${add(q.platform)}::text[])`);
    if (q.priority) where.push(`c.priority = ANY(${add(q.priority)}::text[])`);
    if (q.tag) where.push(`${add(q.tag)} = ANY(c.tags)`);
    if (q.sla === 'breached')
      where.push(`((c.first_response_at IS NULL AND c.first_response_due_at < now()) OR (c.resolved_at IS NULL AND c.resolution_due_at < now()))`);
    else if (q.sla === 'due_soon')
      where.push(`((c.first_response_at IS NULL AND c.first_response_due_at >= now() AND c.first_response_due_at - now() <= (c.first_response_due_at - c.opened_at) / 4)
        OR (c.resolved_at IS NULL AND c.resolution_due_at >= now() AND c.resolution_due_at - now() <= (c.resolution_due_at - c.opened_at) / 4))`);
    // the sort key, nulls last for "due" (conversations without a first-response target come after)
    const key = q.sort === 'oldest' ? `c.opened_at` : q.sort === 'due' ? `coalesce(c.first_response_due_at, 'infinity'::timestamptz)` : `c.last_message_at`;
    const dir = q.sort === 'recent' ? 'DESC' : 'ASC';
    if (q.cursor) {
      const c = decodeCursor(q.cursor, 2);
      if (!c) throw new BadRequestException('cursor is invalid: pass back the nextCursor of a previous page');
      where.push(`(${key}, c.id) ${dir === 'DESC' ? '<' : '>'} (${add(String(c[0]))}::timestamptz, ${add(String(c[1]))}::uuid)`);
    }
    const rows: Array<ConversationRow & { sort_key: string }> = await this.dataSource.query(
      // the key as text: a Date would drop the microseconds, and the next page would repeat or skip rows
      `${SELECT.replace('SELECT c.id,', `SELECT (${key})::text AS sort_key, c.id,`)} WHERE ${where.join(' AND ')} ORDER BY ${key} ${dir}, c.id ${dir} LIMIT $2`,
      params,
    );
    const page = rows.slice(0, q.limit);
    const subjects = await this.mentions.findByIds(workspaceId, page.map((r) => r.subject_mention_id));
    const policies = await this.sla.policies(workspaceId);
    const now = new Date();
    const items = page.map((r) => toSummary(r, subjects, policies, now, this.capability));
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
    };
  }

  async get(workspaceId: string, id: string): Promise<ConversationDetailDto> {
    const rows: ConversationRow[] = await this.dataSource.query(`${SELECT} WHERE c.workspace_id = $1 AND c.id = $2`, [workspaceId, id]);
    const row = rows[0];
    if (!row) throw new NotFoundException(`conversation ${id} not found`);
    const messages: MessageRow[] = await this.dataSource.query(
      `SELECT msg.id, msg.kind, msg.body, msg.created_at, msg.mention_id, su.id AS sent_by_id, su.name AS sent_by_name,
              o.state, o.platform_post_id, o.last_error, o.attempts
       FROM message msg
       LEFT JOIN app_user su ON su.id = msg.sent_by_user_id
       LEFT JOIN reply_outbox o ON o.id = msg.outbox_id
       WHERE msg.conversation_id = $1 AND msg.workspace_id = $2
       ORDER BY msg.created_at, msg.id`,
      [id, workspaceId],
    );
    const mentionIds = [row.subject_mention_id, ...messages.flatMap((m) => (m.mention_id ? [m.mention_id] : []))];
    const mentions = await this.mentions.findByIds(workspaceId, mentionIds);
    const events: Array<{ id: string; kind: ConversationEventKind; actor_id: string | null; actor_name: string | null; data: Record<string, unknown>; created_at: Date }> =
      await this.dataSource.query(
        `SELECT e.id, e.kind, e.actor_user_id AS actor_id, u.name AS actor_name, e.data, e.created_at
         FROM conversation_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
         WHERE e.conversation_id = $1 AND e.workspace_id = $2 ORDER BY e.created_at, e.id`,
        [id, workspaceId],
      );
    return {
      ...toSummary(row, mentions, await this.sla.policies(workspaceId), new Date(), this.capability),
      messages: messages.map((m) => toMessage(m, mentions)),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        actor: e.actor_id && e.actor_name ? { id: e.actor_id, name: e.actor_name } : null,
        data: e.data,
        createdAt: new Date(e.created_at).toISOString(),
      })),
    };
  }

  async message(workspaceId: string, conversationId: string, messageId: string): Promise<MessageDto> {
    const detail = await this.get(workspaceId, conversationId);
    const found = detail.messages.find((m) => m.id === messageId);
    if (!found) throw new NotFoundException(`message ${messageId} not found`);
    return found;
  }
}

function toSummary(r: ConversationRow, mentions: Map<string, MentionDto>, policies: Map<Priority, SlaPolicy>, now: Date, capability: ReplyCapability): ConversationSummaryDto {
  const subject = mentions.get(r.subject_mention_id);
  if (!subject) throw new Error(`conversation ${r.id} has no subject mention`);
  return {
    id: r.id,
    status: r.status,
    priority: r.priority,
    platform: r.platform,
    author: subject.author,
    subject,
    assignee: r.assignee_id && r.assignee_name ? { id: r.assignee_id, name: r.assignee_name } : null,
    team: r.team_id && r.team_name ? { id: r.team_id, name: r.team_name } : null,
    tags: r.tags,
    version: r.version,
    snoozedUntil: iso(r.snoozed_until),
    replies: capability.of(r.platform),
    escalation: r.escalated_at
      ? {
          at: new Date(r.escalated_at).toISOString(),
          toUser: r.escalated_to_user_id && r.escalated_to_user_name ? { id: r.escalated_to_user_id, name: r.escalated_to_user_name } : null,
          toTeam: r.escalated_to_team_id && r.escalated_to_team_name ? { id: r.escalated_to_team_id, name: r.escalated_to_team_name } : null,
          reason: r.escalation_reason ?? '',
        }
      : null,
    sla: slaOf(policies.get(r.priority), { openedAt: new Date(r.opened_at), firstResponseAt: r.first_response_at && new Date(r.first_response_at), resolvedAt: r.resolved_at && new Date(r.resolved_at) }, now),
    messageCount: r.message_count,
    openedAt: new Date(r.opened_at).toISOString(),
    lastMessageAt: new Date(r.last_message_at).toISOString(),
    waitingSince: iso(r.waiting_since),
    firstResponseAt: iso(r.first_response_at),
    resolvedAt: iso(r.resolved_at),
  };
}

function toMessage(m: MessageRow, mentions: Map<string, MentionDto>): MessageDto {
  return {
    id: m.id,
    kind: m.kind,
    body: m.body,
    createdAt: new Date(m.created_at).toISOString(),
    mention: m.mention_id ? (mentions.get(m.mention_id) ?? null) : null,
    sentBy: m.sent_by_id && m.sent_by_name ? { id: m.sent_by_id, name: m.sent_by_name } : null,
    delivery: m.state
      ? { state: m.state, platformPostId: m.platform_post_id, error: m.last_error, attempts: m.attempts ?? 0 }
      : null,
  };
}
