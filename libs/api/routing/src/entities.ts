import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RuleActions, RuleConditions } from './rule';

@Entity('routing_rule')
@Index(['workspaceId', 'position'])
export class RoutingRuleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text') name!: string;
  @Column('integer') position!: number;
  @Column('jsonb') conditions!: RuleConditions;
  @Column('jsonb') actions!: RuleActions;
  @Column('boolean', { default: true }) enabled!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const ROUTING_ENTITIES = [RoutingRuleEntity];
