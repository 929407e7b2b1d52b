import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { LOAD_STATUSES, roleHasPermission, type ConversationStatus, type EscalateConversationRequest, type Priority, type Role, type UpdateConversationRequest } from '@ecoute/contracts';
import { ConversationAssigner } from './assignment/conversation-assigner';
import { InboxLiveService } from './live/inbox-live.service';
import { notify } from './notes/notes.service';
import { SlaPoliciesService } from './sla/sla-policies.service';

interface Current {
  id: string;
  status: ConversationStatus;
  priority: Priority;
  assignee_id: string | null;
  team_id: string | null;
  tags: string[];
  version: number;
  snoozed_until: Date | null;
}

/** statuses whose conversations count against the assignee's capacity */
const HOLDING: readonly ConversationStatus[] = LOAD_STATUSES;

/**
 * An agent's changes to a conversation: status (with snooze), priority, assignee, team, tags. Optimistic
 * concurrency: the change names the version it was made on, and a conversation changed since answers 409 with
 * what changed it. Every change leaves an event in the conversation's trail; an agent whose load drops takes
 * the oldest queued conversations of their teams.
 */
@Injectable()
export class ConversationActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assigner: ConversationAssigner,
    private readonly sla: SlaPoliciesService,
    private readonly live: InboxLiveService,
  ) {}

  async update(workspaceId: string, actorId: string, id: string, change: UpdateConversationRequest): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const c = await this.lock(m, workspaceId, id, change.version);

      const events: Array<{ kind: string; data: Record<string, unknown> }> = [];
      const next = { ...c };
      if (change.status !== undefined && change.status !== c.status) {
        next.status = change.status;
        events.push({ kind: 'status', data: { from: c.status, to: change.status, ...(change.snoozedUntil ? { until: change.snoozedUntil } : {}) } });
      }
      if (change.snoozedUntil !== undefined) {
        if (new Date(change.snoozedUntil).getTime() <= Date.now()) throw new BadRequestException('snoozedUntil must be in the future');
        next.snoozed_until = new Date(change.snoozedUntil);
      } else if (change.status !== undefined && change.status !== 'snoozed') next.snoozed_until = null;
      if (change.priority !== undefined && change.priority !== c.priority) {
        next.priority = change.priority;
        events.push({ kind: 'priority', data: { from: c.priority, to: change.priority } });
      }
      if (change.teamId !== undefined && change.teamId !== c.team_id) {
        if (change.teamId !== null) await this.requireTeam(m, workspaceId, change.teamId);
        next.team_id = change.teamId;
        events.push({ kind: 'team', data: { from: c.team_id, to: change.teamId } });
      }
      if (change.assigneeId !== undefined && change.assigneeId !== c.assignee_id) {
        if (change.assigneeId !== null) await this.requireAgent(m, workspaceId, change.assigneeId);
        next.assignee_id = change.assigneeId;
        events.push(
          change.assigneeId === null
            ? { kind: 'unassigned', data: { from: c.assignee_id } }
            : { kind: 'assigned', data: { from: c.assignee_id, assigneeId: change.assigneeId, strategy: change.assigneeId === actorId ? 'claimed' : 'manual' } },
        );
      }
      if (change.tags !== undefined) {
        const tags = [...new Set(change.tags)];
        const added = tags.filter((t) => !c.tags.includes(t));
        const removed = c.tags.filter((t) => !tags.includes(t));
        if (added.length || removed.length) {
          next.tags = tags;
          events.push({ kind: 'tags', data: { added, removed } });
        }
      }
      if (events.length === 0) return;
      const resolving = next.status === 'resolved' && c.status !== 'resolved';
      const reopening = c.status === 'resolved' && next.status !== 'resolved';
      await m.query(
        `UPDATE conversation SET status = $3, priority = $4, assignee_id = $5, team_id = $6, tags = $7::text[], snoozed_until = $8,
           version = version + 1,
           -- a hand-picked assignee or a closed conversation leaves the team's queue
           queued_strategy = CASE WHEN $5::uuid IS NULL AND $3 IN ('new', 'open', 'pending') THEN queued_strategy END,
           resolved_at = CASE WHEN $9 THEN now() WHEN $10 THEN NULL ELSE resolved_at END
         WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id, next.status, next.priority, next.assignee_id, next.team_id, next.tags, next.snoozed_until, resolving, reopening],
      );
      await m.query(
        // one change's events a microsecond apart, in the order they were listed, so that the trail reads in order
        `INSERT INTO conversation_event (workspace_id, conversation_id, actor_user_id, kind, data, created_at)
         SELECT $1, $2, $3, u.kind, u.data, now() + u.n * interval '1 microsecond'
         FROM unnest($4::text[], $5::jsonb[]) WITH ORDINALITY AS u(kind, data, n)`,
        [workspaceId, id, actorId, events.map((e) => e.kind), events.map((e) => JSON.stringify(e.data))],
      );
      // another priority, another policy: its due dates follow
      if (next.priority !== c.priority) await this.sla.redateConversations(m, workspaceId, [id]);
      // the previous assignee holds one conversation fewer: they take queued work if they have room now
      const released = c.assignee_id !== null && HOLDING.includes(c.status) && (next.assignee_id !== c.assignee_id || !HOLDING.includes(next.status));
      const handed = released && c.assignee_id ? await this.assigner.backfill(m, workspaceId, c.assignee_id) : [];
      await this.live.publish(workspaceId, { kind: 'conversation', conversationId: id, version: c.version + 1, byUserId: actorId }, m);
      if (handed.length > 0) await this.live.publish(workspaceId, { kind: 'conversations', conversationIds: handed }, m);
    });
  }

  /**
   * Hands the conversation to a lead (assigned to them) or to a team (unassigned, in the team's escalated view),
   * with the reason. It reopens a conversation that was pending or snoozed; the trail keeps who, to whom and why.
   */
  async escalate(workspaceId: string, actorId: string, id: string, req: EscalateConversationRequest): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const c = await this.lock(m, workspaceId, id, req.version);
      if (c.status === 'resolved' || c.status === 'ignored') throw new BadRequestException(`the conversation is ${c.status}: reopen it before escalating`);
      if (req.toUserId) await this.requireAgent(m, workspaceId, req.toUserId);
      if (req.toTeamId) await this.requireTeam(m, workspaceId, req.toTeamId);
      const assignee = req.toUserId ?? null;
      await m.query(
        `UPDATE conversation SET escalated_at = now(), escalated_to_user_id = $3, escalated_to_team_id = $4, escalation_reason = $5,
           assignee_id = $3, team_id = coalesce($4, team_id), queued_strategy = NULL, snoozed_until = NULL,
           status = CASE WHEN status IN ('pending', 'snoozed') THEN 'open' ELSE status END, version = version + 1
         WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id, assignee, req.toTeamId ?? null, req.reason],
      );
      await m.query(
        `INSERT INTO conversation_event (workspace_id, conversation_id, actor_user_id, kind, data) VALUES ($1, $2, $3, 'escalated', $4)`,
        [workspaceId, id, actorId, JSON.stringify({ from: c.assignee_id, toUserId: req.toUserId ?? null, toTeamId: req.toTeamId ?? null, reason: req.reason })],
      );
      // the lead, or every member of the team, is told
      const told: string[] = req.toUserId
        ? [req.toUserId]
        : (await m.query(`SELECT user_id FROM team_member WHERE workspace_id = $1 AND team_id = $2`, [workspaceId, req.toTeamId])).map((r: { user_id: string }) => r.user_id);
      await notify(m, workspaceId, told.filter((u) => u !== actorId), 'escalation', id, null, actorId, req.reason);
      const handed = c.assignee_id !== null && c.assignee_id !== assignee && HOLDING.includes(c.status) ? await this.assigner.backfill(m, workspaceId, c.assignee_id) : [];
      await this.live.publish(workspaceId, { kind: 'conversation', conversationId: id, version: c.version + 1, byUserId: actorId }, m);
      if (handed.length > 0) await this.live.publish(workspaceId, { kind: 'conversations', conversationIds: handed }, m);
      for (const userId of told.filter((u) => u !== actorId)) await this.live.publish(workspaceId, { kind: 'notification', userId }, m);
    });
  }

  /** the conversation, locked for the change; 404 when unknown, 409 when `version` is not the current one */
  private async lock(m: EntityManager, workspaceId: string, id: string, version: number): Promise<Current> {
    const [c]: Current[] = await m.query(
      `SELECT id, status, priority, assignee_id, team_id, tags, version, snoozed_until FROM conversation
       WHERE workspace_id = $1 AND id = $2 FOR UPDATE`,
      [workspaceId, id],
    );
    if (!c) throw new NotFoundException(`conversation ${id} not found`);
    if (c.version !== version) await this.conflict(m, workspaceId, c, version);
    return c;
  }

  /** 409, saying who changed it and what, so that the UI can explain */
  private async conflict(m: EntityManager, workspaceId: string, c: Current, version: number): Promise<never> {
    const [last]: Array<{ kind: string; actor: string | null; created_at: Date }> = await m.query(
      `SELECT e.kind, u.name AS actor, e.created_at FROM conversation_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
       WHERE e.workspace_id = $1 AND e.conversation_id = $2 ORDER BY e.created_at DESC, e.id DESC LIMIT 1`,
      [workspaceId, c.id],
    );
    const who = last ? `${last.actor ?? 'routing'} (${last.kind}, ${new Date(last.created_at).toISOString()})` : 'someone';
    throw new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `the conversation changed since you loaded it (your version ${version}, now ${c.version}), last by ${who}: reload it and try again`,
      currentVersion: c.version,
    });
  }

  private async requireTeam(m: EntityManager, workspaceId: string, teamId: string): Promise<void> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM team WHERE workspace_id = $1 AND id = $2`, [workspaceId, teamId]);
    if (rows.length === 0) throw new BadRequestException(`team ${teamId} is not a team of this workspace`);
  }

  /** an assignee must be a member who works the inbox (agents, leads, admins) */
  private async requireAgent(m: EntityManager, workspaceId: string, userId: string): Promise<void> {
    const [member]: Array<{ role: Role }> = await m.query(`SELECT role FROM membership WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, userId]);
    if (!member) throw new BadRequestException(`user ${userId} is not a member of this workspace`);
    if (!roleHasPermission(member.role, 'inbox.reply')) throw new BadRequestException(`user ${userId} is an ${member.role}, who cannot work conversations`);
  }
}
