import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LOAD_STATUSES, type AssignStrategy } from '@ecoute/contracts';
import { pickAgent, type Candidate } from './pick';

/** what routing asked for a conversation it opened */
export interface AssignmentRequest {
  conversationId: string;
  teamId: string | null;
  assign: { userId: string } | { strategy: AssignStrategy } | null;
  ruleId: string | null;
}

/** conversations held by an agent count against their capacity in these states (contracts' LOAD_STATUSES) */
const LOAD = `status IN (${LOAD_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * SQL for the number of conversations `userColumn` holds in workspace $1: the load capacity is checked
 * against, wherever it is counted (assignment, teams, members).
 */
export function loadOf(userColumn: string): string {
  return `(SELECT count(*)::int FROM conversation lc WHERE lc.workspace_id = $1 AND lc.assignee_id = ${userColumn} AND lc.${LOAD})`;
}

interface Placement {
  conversationId: string;
  teamId: string | null;
  assigneeId: string | null;
  queued: AssignStrategy | null;
  strategy: string | null;
  ruleId: string | null;
}

/**
 * Team and agent assignment, inside the caller's transaction: for conversations routing opens (round robin or
 * least loaded within a team, under each agent's capacity; a conversation nobody has room for waits in the team's
 * queue), and for an agent whose load dropped (they take the oldest queued conversations of their teams).
 */
@Injectable()
export class ConversationAssigner {
  async assignNew(m: EntityManager, workspaceId: string, requests: readonly AssignmentRequest[]): Promise<void> {
    const wanted = requests.filter((r) => r.teamId !== null || r.assign !== null);
    if (wanted.length === 0) return;
    // a rule may name a team or a user that has gone since: the conversation stays unassigned
    const teamIds = [...new Set(wanted.map((r) => r.teamId).filter((t): t is string => t !== null))].sort();
    const teams: Array<{ id: string; last: string | null }> = teamIds.length
      ? await m.query(
          `SELECT id, round_robin_last_user_id AS last FROM team WHERE workspace_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
          [workspaceId, teamIds],
        )
      : [];
    const lastOf = new Map(teams.map((t) => [t.id, t.last]));
    const userIds = [...new Set(wanted.flatMap((r) => (r.assign && 'userId' in r.assign ? [r.assign.userId] : [])))];
    const members = new Set<string>(
      userIds.length
        ? (await m.query(`SELECT user_id FROM membership WHERE workspace_id = $1 AND user_id = ANY($2::uuid[])`, [workspaceId, userIds])).map((r: { user_id: string }) => r.user_id)
        : [],
    );
    const candidates = new Map<string, Candidate[]>();
    for (const teamId of lastOf.keys()) candidates.set(teamId, await this.candidates(m, workspaceId, teamId));

    const placements: Placement[] = [];
    for (const r of wanted) {
      const teamId = r.teamId !== null && lastOf.has(r.teamId) ? r.teamId : null;
      const p: Placement = { conversationId: r.conversationId, teamId, assigneeId: null, queued: null, strategy: null, ruleId: r.ruleId };
      if (r.assign && 'userId' in r.assign) {
        const userId = r.assign.userId;
        if (members.has(userId)) {
          p.assigneeId = userId;
          p.strategy = 'user';
          const held = teamId ? candidates.get(teamId)?.find((c) => c.userId === userId) : undefined;
          if (held) held.load++;
        }
      } else if (r.assign && teamId) {
        const chosen = pickAgent(r.assign.strategy, candidates.get(teamId) ?? [], lastOf.get(teamId) ?? null);
        p.strategy = r.assign.strategy;
        if (chosen) {
          chosen.load++;
          lastOf.set(teamId, chosen.userId);
          p.assigneeId = chosen.userId;
        } else p.queued = r.assign.strategy;
      }
      if (p.teamId !== null || p.assigneeId !== null) placements.push(p);
    }
    await this.place(m, workspaceId, placements);
    await m.query(
      `UPDATE team t SET round_robin_last_user_id = u.last FROM unnest($2::uuid[], $3::uuid[]) AS u(id, last)
       WHERE t.workspace_id = $1 AND t.id = u.id AND u.last IS NOT NULL`,
      [workspaceId, [...lastOf.keys()], [...lastOf.values()]],
    );
  }

  /**
   * After `userId`'s load dropped (a conversation resolved, snoozed, handed over) or their capacity or teams
   * changed: the oldest queued conversations of their teams, as many as they have room for. Returns their ids.
   */
  async backfill(m: EntityManager, workspaceId: string, userId: string): Promise<string[]> {
    const [me]: Array<{ capacity: number | null; load: number }> = await m.query(
      `SELECT capacity, ${loadOf('$2')} AS load
       FROM membership WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceId, userId],
    );
    if (!me) return [];
    const room = me.capacity === null ? 50 : me.capacity - me.load;
    if (room <= 0) return [];
    const queued: Array<{ id: string; team_id: string; queued_strategy: string }> = await m.query(
      `SELECT id, team_id, queued_strategy FROM conversation
       WHERE workspace_id = $1 AND queued_strategy IS NOT NULL AND assignee_id IS NULL AND ${LOAD}
         AND team_id IN (SELECT team_id FROM team_member WHERE workspace_id = $1 AND user_id = $2)
       ORDER BY opened_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [workspaceId, userId, room],
    );
    await this.place(
      m,
      workspaceId,
      queued.map((q) => ({ conversationId: q.id, teamId: q.team_id, assigneeId: userId, queued: null, strategy: `${q.queued_strategy} (queue)`, ruleId: null })),
    );
    return queued.map((q) => q.id);
  }

  /** the members of a team in turn order, with their load and capacity */
  private candidates(m: EntityManager, workspaceId: string, teamId: string): Promise<Candidate[]> {
    return m.query(
      `SELECT tm.user_id AS "userId", ms.capacity,
              ${loadOf('tm.user_id')} AS load
       FROM team_member tm JOIN membership ms ON ms.workspace_id = tm.workspace_id AND ms.user_id = tm.user_id
       WHERE tm.workspace_id = $1 AND tm.team_id = $2 ORDER BY tm.user_id`,
      [workspaceId, teamId],
    );
  }

  /** writes placements and their trail: 'assigned' (routing or the queue), 'queued' (nobody had room) */
  private async place(m: EntityManager, workspaceId: string, placements: readonly Placement[]): Promise<void> {
    if (placements.length === 0) return;
    await m.query(
      `UPDATE conversation c SET team_id = coalesce(u.team_id, c.team_id), assignee_id = u.assignee_id, queued_strategy = u.queued,
         version = c.version + 1
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) AS u(id, team_id, assignee_id, queued)
       WHERE c.workspace_id = $1 AND c.id = u.id`,
      [workspaceId, placements.map((p) => p.conversationId), placements.map((p) => p.teamId), placements.map((p) => p.assigneeId), placements.map((p) => p.queued)],
    );
    await m.query(
      `INSERT INTO conversation_event (workspace_id, conversation_id, actor_user_id, kind, data)
       SELECT $1, u.id, NULL, u.kind, u.data FROM unnest($2::uuid[], $3::text[], $4::jsonb[]) AS u(id, kind, data)`,
      [
        workspaceId,
        placements.map((p) => p.conversationId),
        placements.map((p) => (p.assigneeId ? 'assigned' : p.queued ? 'queued' : 'team')),
        placements.map((p) => JSON.stringify({ assigneeId: p.assigneeId, teamId: p.teamId, strategy: p.strategy, ruleId: p.ruleId })),
      ],
    );
  }
}
