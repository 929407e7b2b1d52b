import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { roleHasPermission, type CreateTeamRequest, type MemberDto, type Role, type TeamDto, type UpdateTeamRequest } from '@ecoute/contracts';
import { ConversationAssigner, loadOf } from './assignment/conversation-assigner';

/** Teams of agents, and each agent's capacity; a change that gives an agent room hands them queued work. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assigner: ConversationAssigner,
  ) {}

  async list(workspaceId: string): Promise<TeamDto[]> {
    const teams: Array<{ id: string; name: string; queued: number }> = await this.dataSource.query(
      `SELECT t.id, t.name, (SELECT count(*)::int FROM conversation c WHERE c.workspace_id = t.workspace_id AND c.team_id = t.id
                               AND c.queued_strategy IS NOT NULL AND c.assignee_id IS NULL) AS queued
       FROM team t WHERE t.workspace_id = $1 ORDER BY lower(t.name)`,
      [workspaceId],
    );
    const members: Array<{ team_id: string; id: string; name: string; capacity: number | null; load: number }> = await this.dataSource.query(
      `SELECT tm.team_id, u.id, u.name, ms.capacity,
              ${loadOf('u.id')} AS load
       FROM team_member tm JOIN app_user u ON u.id = tm.user_id JOIN membership ms ON ms.workspace_id = tm.workspace_id AND ms.user_id = tm.user_id
       WHERE tm.workspace_id = $1 ORDER BY u.name`,
      [workspaceId],
    );
    return teams.map((t) => ({
      ...t,
      members: members.filter((m) => m.team_id === t.id).map((m) => ({ id: m.id, name: m.name, capacity: m.capacity, load: m.load })),
    }));
  }

  /** every member of the workspace with their role, teams, load and capacity, by name */
  async members(workspaceId: string): Promise<MemberDto[]> {
    return this.dataSource.query(
      `SELECT u.id, u.name, ms.role, ms.capacity,
              ${loadOf('u.id')} AS load,
              coalesce((SELECT array_agg(tm.team_id ORDER BY tm.team_id) FROM team_member tm WHERE tm.workspace_id = $1 AND tm.user_id = u.id), '{}') AS "teamIds"
       FROM membership ms JOIN app_user u ON u.id = ms.user_id WHERE ms.workspace_id = $1 ORDER BY u.name, u.id`,
      [workspaceId],
    );
  }

  async create(workspaceId: string, body: CreateTeamRequest): Promise<TeamDto> {
    const id = await this.dataSource.transaction(async (m) => {
      await this.requireUniqueName(m, workspaceId, body.name, null);
      const [team]: Array<{ id: string }> = await m.query(`INSERT INTO team (workspace_id, name) VALUES ($1, $2) RETURNING id`, [workspaceId, body.name]);
      await this.setMembers(m, workspaceId, team.id, body.memberIds);
      return team.id;
    });
    return this.get(workspaceId, id);
  }

  async update(workspaceId: string, id: string, body: UpdateTeamRequest): Promise<TeamDto> {
    await this.dataSource.transaction(async (m) => {
      const rows: unknown[] = await m.query(`SELECT 1 FROM team WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [workspaceId, id]);
      if (rows.length === 0) throw new NotFoundException(`team ${id} not found`);
      if (body.name !== undefined) {
        await this.requireUniqueName(m, workspaceId, body.name, id);
        await m.query(`UPDATE team SET name = $3 WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, body.name]);
      }
      if (body.memberIds !== undefined) await this.setMembers(m, workspaceId, id, body.memberIds);
    });
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    // its conversations keep their assignee; those waiting in its queue go back to the shared inbox
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE conversation SET queued_strategy = NULL, team_id = NULL, version = version + 1 WHERE workspace_id = $1 AND team_id = $2`, [workspaceId, id]);
      const [, affected]: [unknown, number] = await m.query(`DELETE FROM team WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
      if (!affected) throw new NotFoundException(`team ${id} not found`);
    });
  }

  /** null: no limit. Room made hands the member queued work at once. */
  async setCapacity(workspaceId: string, userId: string, capacity: number | null): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [, affected]: [unknown, number] = await m.query(`UPDATE membership SET capacity = $3 WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, userId, capacity]);
      if (!affected) throw new NotFoundException(`user ${userId} is not a member of this workspace`);
      await this.assigner.backfill(m, workspaceId, userId);
    });
  }

  private async get(workspaceId: string, id: string): Promise<TeamDto> {
    const team = (await this.list(workspaceId)).find((t) => t.id === id);
    if (!team) throw new NotFoundException(`team ${id} not found`);
    return team;
  }

  private async requireUniqueName(m: EntityManager, workspaceId: string, name: string, except: string | null): Promise<void> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM team WHERE workspace_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3`, [workspaceId, name, except]);
    if (rows.length > 0) throw new ConflictException(`a team named "${name}" already exists`);
  }

  /** replaces the members; each must work the inbox. New members take queued work of the team if they have room. */
  private async setMembers(m: EntityManager, workspaceId: string, teamId: string, memberIds: readonly string[]): Promise<void> {
    const ids = [...new Set(memberIds)];
    const found: Array<{ user_id: string; role: Role }> = ids.length
      ? await m.query(`SELECT user_id, role FROM membership WHERE workspace_id = $1 AND user_id = ANY($2::uuid[])`, [workspaceId, ids])
      : [];
    const missing = ids.filter((id) => !found.some((f) => f.user_id === id));
    if (missing.length > 0) throw new BadRequestException(`not members of this workspace: ${missing.join(', ')}`);
    const cannot = found.filter((f) => !roleHasPermission(f.role, 'inbox.reply'));
    if (cannot.length > 0) throw new BadRequestException(`these members cannot work conversations (${cannot.map((c) => c.role).join(', ')}): ${cannot.map((c) => c.user_id).join(', ')}`);
    const before: Array<{ user_id: string }> = await m.query(`SELECT user_id FROM team_member WHERE team_id = $1`, [teamId]);
    await m.query(`DELETE FROM team_member WHERE team_id = $1 AND NOT (user_id = ANY($2::uuid[]))`, [teamId, ids]);
    await m.query(
      `INSERT INTO team_member (team_id, user_id, workspace_id) SELECT $1, u, $2 FROM unnest($3::uuid[]) AS u ON CONFLICT DO NOTHING`,
      [teamId, workspaceId, ids],
    );
    for (const id of ids.filter((i) => !before.some((b) => b.user_id === i))) await this.assigner.backfill(m, workspaceId, id);
  }
}
