import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RoutingRuleEntity } from './entities';
import { DEFAULT_RULES, RuleActions, RuleConditions, type RoutingRule } from './rule';

/** Loads a workspace's enabled rules (validated), and installs the default ones. */
@Injectable()
export class RoutingRulesService {
  constructor(@InjectRepository(RoutingRuleEntity) private readonly rules: Repository<RoutingRuleEntity>) {}

  async forWorkspace(workspaceId: string): Promise<RoutingRule[]> {
    const rows = await this.rules.find({ where: { workspaceId, enabled: true }, order: { position: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      position: r.position,
      conditions: RuleConditions.parse(r.conditions),
      actions: RuleActions.parse(r.actions),
    }));
  }

  async ensureDefaults(workspaceId: string): Promise<void> {
    if ((await this.rules.count({ where: { workspaceId } })) > 0) return;
    await this.rules.insert(DEFAULT_RULES.map((r) => ({ ...r, workspaceId, enabled: true })));
  }
}
