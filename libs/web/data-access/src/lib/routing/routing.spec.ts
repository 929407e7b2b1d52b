import type { RoutingRuleDto } from '@ecoute/contracts';
import { stubFetch } from '../testing/fetch-stub';
import { createRoutingRule } from './create-routing-rule';
import { createTeam } from './create-team';
import { deleteRoutingRule } from './delete-routing-rule';
import { deleteTeam } from './delete-team';
import { dryRunRoutingRule } from './dry-run-routing-rule';
import { getMembers } from './get-members';
import { getRoutingRules } from './get-routing-rules';
import { getTeams } from './get-teams';
import { routingKeys } from './keys';
import { moveRule, reorderRoutingRules } from './reorder-routing-rules';
import { setMemberCapacity } from './set-member-capacity';
import { updateRoutingRule } from './update-routing-rule';
import { updateTeam } from './update-team';

const TEAM = '6f1d2a4e-1111-4a4a-8a8a-123456789abc';
const USER = '0b7c3a1e-2222-4b4b-9b9b-abcdefabcdef';
const conditions = { platforms: ['x' as const], intents: ['complaint' as const] };
const actions = { openConversation: true, priority: 'urgent' as const, tags: ['billing'] };

function rule(id: string, position: number): RoutingRuleDto {
  return {
    id,
    name: id,
    position,
    enabled: true,
    conditions: {},
    actions: { openConversation: true },
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('routing fetchers', () => {
  it('call each endpoint with its method and body', async () => {
    const { fetch, calls } = stubFetch();
    await getRoutingRules({ fetch });
    await createRoutingRule({ name: 'Billing', enabled: true, conditions, actions }, { fetch });
    await updateRoutingRule({ id: 'r 1', changes: { enabled: false } }, { fetch });
    await reorderRoutingRules({ ids: ['r2', 'r1'] }, { fetch });
    await dryRunRoutingRule({ conditions, actions, days: 7 }, { fetch });
    await getTeams({ fetch });
    await getMembers({ fetch });
    await createTeam({ name: 'Billing', memberIds: [USER] }, { fetch });
    await updateTeam({ id: TEAM, changes: { name: 'Facturation' } }, { fetch });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/routing-rules',
      'POST /api/routing-rules',
      'PATCH /api/routing-rules/r%201',
      'POST /api/routing-rules/reorder',
      'POST /api/routing-rules/dry-run',
      'GET /api/teams',
      'GET /api/members',
      'POST /api/teams',
      `PATCH /api/teams/${TEAM}`,
    ]);
    expect(calls[1].body).toEqual({ name: 'Billing', enabled: true, conditions, actions });
    expect(calls[2].body).toEqual({ enabled: false });
    expect(calls[3].body).toEqual({ ids: ['r2', 'r1'] });
    expect(calls[4].body).toEqual({ conditions, actions, days: 7 });
    expect(calls[7].body).toEqual({ name: 'Billing', memberIds: [USER] });
    expect(calls[8].body).toEqual({ name: 'Facturation' });
  });

  it('deletes and sets capacities with a 204 and nothing to parse', async () => {
    const { fetch, calls } = stubFetch(204);
    await expect(deleteRoutingRule('r1', { fetch })).resolves.toBeUndefined();
    await expect(deleteTeam(TEAM, { fetch })).resolves.toBeUndefined();
    await expect(setMemberCapacity({ userId: USER, capacity: 3 }, { fetch })).resolves.toBeUndefined();
    await expect(setMemberCapacity({ userId: USER, capacity: null }, { fetch })).resolves.toBeUndefined();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'DELETE /api/routing-rules/r1',
      `DELETE /api/teams/${TEAM}`,
      `PUT /api/members/${USER}/capacity`,
      `PUT /api/members/${USER}/capacity`,
    ]);
    expect(calls[2].body).toEqual({ capacity: 3 });
    // null is sent as such: it means "no limit", not "leave it"
    expect(calls[3].body).toEqual({ capacity: null });
  });

  it("rejects with the API's message", async () => {
    const message = 'list every rule once: 3 rules, 2 given';
    const { fetch } = stubFetch(400, { statusCode: 400, error: 'Bad Request', message });
    await expect(reorderRoutingRules({ ids: ['r1', 'r2'] }, { fetch })).rejects.toMatchObject({
      status: 400,
      message,
    });
    const taken = stubFetch(409, {
      statusCode: 409,
      error: 'Conflict',
      message: 'a team named "Billing" already exists',
    });
    await expect(
      createTeam({ name: 'Billing', memberIds: [] }, { fetch: taken.fetch }),
    ).rejects.toMatchObject({
      status: 409,
      message: 'a team named "Billing" already exists',
    });
  });

  it('moves a rule up or down, keeping every rule once, and clamps at the ends', () => {
    const rules = [rule('a', 0), rule('b', 1), rule('c', 2)];
    expect(moveRule(rules, 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveRule(rules, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRule(rules, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRule(rules, 2, 3)).toEqual(['a', 'b', 'c']);
    expect(moveRule(rules, 5, 0)).toEqual(['a', 'b', 'c']);
  });

  it('keys everything under one root', () => {
    for (const key of [routingKeys.rules(), routingKeys.teams(), routingKeys.members()]) {
      expect(key.slice(0, 1)).toEqual(routingKeys.all);
    }
  });
});
