import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { CreateRoutingRuleRequest, RoutingRuleDto, UpdateRoutingRuleRequest } from '@ecoute/contracts';
import { RoutingRuleEntity } from './entities';
import { DEFAULT_RULES, RuleActions, RuleConditions, type RoutingRule } from './rule';

const toDto = (r: RoutingRuleEntity): RoutingRuleDto => ({
  id: r.id,
  name: r.name,
  position: r.position,
  enabled: r.enabled,
  conditions: RuleConditions.parse(r.conditions),
  actions: RuleActions.parse(r.actions),
  createdAt: r.createdAt.toISOString(),
});

/** A workspace's ordered routing rules: what the pipeline applies, and their editing. */
@Injectable()
export class RoutingRulesService {
  constructor(
    @InjectRepository(RoutingRuleEntity) private readonly rules: Repository<RoutingRuleEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /** The enabled rules, in order, as the pipeline applies them. */
  async forWorkspace(workspaceId: string): Promise<RoutingRule[]> {
    const rows = await this.rules.find({ where: { workspaceId, enabled: true }, order: { position: 'ASC' } });
    return rows.map((r) => ({ id: r.id, name: r.name, position: r.position, conditions: RuleConditions.parse(r.conditions), actions: RuleActions.parse(r.actions) }));
  }

  async ensureDefaults(workspaceId: string): Promise<void> {
    if ((await this.rules.count({ where: { workspaceId } })) > 0) return;
    await this.rules.insert(DEFAULT_RULES.map((r) => ({ ...r, workspaceId, enabled: true })));
  }

  async list(workspaceId: string): Promise<RoutingRuleDto[]> {
    return (await this.rules.find({ where: { workspaceId }, order: { position: 'ASC', createdAt: 'ASC' } })).map(toDto);
  }

  /** A new rule goes last. */
  async create(workspaceId: string, body: CreateRoutingRuleRequest): Promise<RoutingRuleDto> {
    const [{ next }]: Array<{ next: number }> = await this.dataSource.query(
      `SELECT coalesce(max(position) + 1, 0)::int AS next FROM routing_rule WHERE workspace_id = $1`,
      [workspaceId],
    );
    const saved = await this.rules.save(this.rules.create({ workspaceId, name: body.name, enabled: body.enabled, position: next, conditions: body.conditions, actions: body.actions }));
    return toDto(saved);
  }

  async update(workspaceId: string, id: string, body: UpdateRoutingRuleRequest): Promise<RoutingRuleDto> {
    const rule = await this.rules.findOneBy({ workspaceId, id });
    if (!rule) throw new NotFoundException(`routing rule ${id} not found`);
    Object.assign(rule, body);
    return toDto(await this.rules.save(rule));
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.rules.delete({ workspaceId, id });
    if (!result.affected) throw new NotFoundException(`routing rule ${id} not found`);
  }

  /** The new order must list every rule of the workspace exactly once. */
  async reorder(workspaceId: string, ids: readonly string[]): Promise<RoutingRuleDto[]> {
    await this.dataSource.transaction(async (m) => {
      const current: Array<{ id: string }> = await m.query(`SELECT id FROM routing_rule WHERE workspace_id = $1 FOR UPDATE`, [workspaceId]);
      const known = new Set(current.map((r) => r.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length > 0) throw new BadRequestException(`not rules of this workspace: ${unknown.join(', ')}`);
      if (ids.length !== known.size) throw new BadRequestException(`list every rule once: ${known.size} rules, ${ids.length} given`);
      await m.query(
        `UPDATE routing_rule r SET position = u.position FROM unnest($2::uuid[], $3::int[]) AS u(id, position)
         WHERE r.workspace_id = $1 AND r.id = u.id`,
        [workspaceId, ids, ids.map((_, i) => i)],
      );
    });
    return this.list(workspaceId);
  }
}
