import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PRIORITIES, type BusinessCalendar, type Priority, type SlaClockDto, type SlaPolicyDto, type SlaPolicyRequest } from '@ecoute/contracts';
import { addBusinessMillis } from './business-calendar';
import { slaClock } from './sla-clock';

export interface SlaPolicy {
  priority: Priority;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  businessHours: BusinessCalendar | null;
}

interface PolicyRow {
  priority: Priority;
  first_response_minutes: number | null;
  resolution_minutes: number | null;
  business_hours: BusinessCalendar | null;
  updated_at: Date;
}

const toPolicy = (r: PolicyRow): SlaPolicy => ({
  priority: r.priority,
  firstResponseMinutes: r.first_response_minutes,
  resolutionMinutes: r.resolution_minutes,
  businessHours: r.business_hours,
});

/** when `minutes` of the policy's time (business or calendar) have passed since `from` */
function due(policy: SlaPolicy, from: Date, minutes: number | null): Date | null {
  if (minutes === null) return null;
  return policy.businessHours ? addBusinessMillis(policy.businessHours, from, minutes * 60_000) : new Date(from.getTime() + minutes * 60_000);
}

/** A conversation's due dates under its priority's policy (DESIGN §4: both clocks run from the opening). */
export function dueDates(policy: SlaPolicy | undefined, openedAt: Date): { firstResponseDueAt: Date | null; resolutionDueAt: Date | null } {
  if (!policy) return { firstResponseDueAt: null, resolutionDueAt: null };
  return { firstResponseDueAt: due(policy, openedAt, policy.firstResponseMinutes), resolutionDueAt: due(policy, openedAt, policy.resolutionMinutes) };
}

/** Where a conversation stands against its policy's two targets, at `now`. */
export function slaOf(
  policy: SlaPolicy | undefined,
  c: { openedAt: Date; firstResponseAt: Date | null; resolvedAt: Date | null },
  now: Date,
): { firstResponse: SlaClockDto | null; resolution: SlaClockDto | null } {
  const clock = (minutes: number | null, stoppedAt: Date | null): SlaClockDto | null => {
    if (!policy || minutes === null) return null;
    const r = slaClock({ startedAt: c.openedAt, stoppedAt, targetMinutes: minutes, calendar: policy.businessHours, now });
    return { state: r.state, dueAt: r.dueAt.toISOString(), remainingMs: r.remainingMs, businessHours: policy.businessHours !== null };
  };
  return { firstResponse: clock(policy?.firstResponseMinutes ?? null, c.firstResponseAt), resolution: clock(policy?.resolutionMinutes ?? null, c.resolvedAt) };
}

/**
 * SLA policies, one per priority. Changing one re-dates the workspace's active conversations of that priority, so
 * the inbox's due dates always follow the policy in force.
 */
@Injectable()
export class SlaPoliciesService {
  constructor(private readonly dataSource: DataSource) {}

  async policies(workspaceId: string, m: EntityManager = this.dataSource.manager): Promise<Map<Priority, SlaPolicy>> {
    const rows: PolicyRow[] = await m.query(`SELECT * FROM sla_policy WHERE workspace_id = $1`, [workspaceId]);
    return new Map(rows.map((r) => [r.priority, toPolicy(r)]));
  }

  async list(workspaceId: string): Promise<SlaPolicyDto[]> {
    const rows: PolicyRow[] = await this.dataSource.query(`SELECT * FROM sla_policy WHERE workspace_id = $1`, [workspaceId]);
    return PRIORITIES.flatMap((p) => rows.filter((r) => r.priority === p)).map((r) => ({ ...toPolicy(r), updatedAt: new Date(r.updated_at).toISOString() }));
  }

  async put(workspaceId: string, priority: Priority, body: SlaPolicyRequest): Promise<SlaPolicyDto> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO sla_policy (workspace_id, priority, first_response_minutes, resolution_minutes, business_hours, updated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (workspace_id, priority) DO UPDATE SET first_response_minutes = EXCLUDED.first_response_minutes,
           resolution_minutes = EXCLUDED.resolution_minutes, business_hours = EXCLUDED.business_hours, updated_at = now()`,
        [workspaceId, priority, body.firstResponseMinutes, body.resolutionMinutes, body.businessHours === null ? null : JSON.stringify(body.businessHours)],
      );
      await this.redate(m, workspaceId, priority, { priority, ...body });
    });
    const saved = (await this.list(workspaceId)).find((p) => p.priority === priority);
    if (!saved) throw new Error(`SLA policy ${priority} vanished`);
    return saved;
  }

  async remove(workspaceId: string, priority: Priority): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [, affected]: [unknown, number] = await m.query(`DELETE FROM sla_policy WHERE workspace_id = $1 AND priority = $2`, [workspaceId, priority]);
      if (!affected) throw new NotFoundException(`no SLA policy for priority ${priority}`);
      await this.redate(m, workspaceId, priority, undefined);
    });
  }

  /** the due dates of `ids` (one priority each, from their opening) under the workspace's policies */
  async redateConversations(m: EntityManager, workspaceId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const policies = await this.policies(workspaceId, m);
    // no policy at all: every due date is null already (deleting a policy clears its conversations' dates)
    if (policies.size === 0) return;
    const rows: Array<{ id: string; priority: Priority; opened_at: Date }> = await m.query(
      `SELECT id, priority, opened_at FROM conversation WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
    await this.write(m, workspaceId, rows.map((r) => ({ id: r.id, ...dueDates(policies.get(r.priority), new Date(r.opened_at)) })));
  }

  private async redate(m: EntityManager, workspaceId: string, priority: Priority, policy: SlaPolicy | undefined): Promise<void> {
    const rows: Array<{ id: string; opened_at: Date }> = await m.query(
      `SELECT id, opened_at FROM conversation WHERE workspace_id = $1 AND priority = $2 AND status NOT IN ('resolved', 'ignored')`,
      [workspaceId, priority],
    );
    await this.write(m, workspaceId, rows.map((r) => ({ id: r.id, ...dueDates(policy, new Date(r.opened_at)) })));
  }

  private async write(m: EntityManager, workspaceId: string, rows: ReadonlyArray<{ id: string; firstResponseDueAt: Date | null; resolutionDueAt: Date | null }>): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `UPDATE conversation c SET first_response_due_at = u.fr, resolution_due_at = u.res
       FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS u(id, fr, res) WHERE c.workspace_id = $1 AND c.id = u.id`,
      [workspaceId, rows.map((r) => r.id), rows.map((r) => r.firstResponseDueAt?.toISOString() ?? null), rows.map((r) => r.resolutionDueAt?.toISOString() ?? null)],
    );
  }
}
