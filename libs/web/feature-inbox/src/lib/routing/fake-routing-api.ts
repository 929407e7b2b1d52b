// For the specs only (nothing in the app imports it): a stateful fake of the routing endpoints, a handler for the
// `stubFetch` of tests/support/web/test-utils.tsx.
import type {
  CreateRoutingRuleRequest,
  CreateTeamRequest,
  DryRunRoutingRuleRequest,
  DryRunRoutingRuleResult,
  ListeningQueryDto,
  MemberDto,
  MeResponse,
  RoutingRuleDto,
  TeamDto,
  UpdateRoutingRuleRequest,
  UpdateTeamRequest,
} from '@ecoute/contracts';

export interface FakeRequest {
  url: string;
  method: string;
  body: unknown;
}
export interface FakeResponse {
  status: number;
  body?: unknown;
}

export const IDS = {
  lea: '11111111-1111-4111-8111-111111111111',
  sam: '22222222-2222-4222-8222-222222222222',
  alex: '33333333-3333-4333-8333-333333333333',
  ana: '44444444-4444-4444-8444-444444444444',
  support: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  query: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  spam: 'cccccccc-cccc-4ccc-8ccc-000000000001',
  complaints: 'cccccccc-cccc-4ccc-8ccc-000000000002',
  questions: 'cccccccc-cccc-4ccc-8ccc-000000000003',
} as const;

export function makeMeAs(role: MeResponse['user']['role']): MeResponse {
  const id =
    role === 'agent' ? IDS.sam : role === 'admin' ? IDS.alex : role === 'analyst' ? IDS.ana : IDS.lea;
  const name = { lead: 'Léa Lead', agent: 'Sam Agent', admin: 'Alex Admin', analyst: 'Ana Analyst' }[role];
  return { user: { id, email: `${role}@example.com`, name, role }, workspace: { id: 'w1', name: 'Lumio' } };
}

export function defaultRules(): RoutingRuleDto[] {
  const createdAt = '2026-01-01T00:00:00.000Z';
  return [
    {
      id: IDS.spam,
      name: 'Ignore spam',
      position: 0,
      enabled: true,
      conditions: { intents: ['spam'] },
      actions: { openConversation: false, ignore: true },
      createdAt,
    },
    {
      id: IDS.complaints,
      name: 'Complaints and negative mentions',
      position: 1,
      enabled: true,
      conditions: { sentimentLabels: ['negative'], intents: ['complaint'], matchAny: true },
      actions: {
        openConversation: true,
        priority: 'high',
        teamId: IDS.support,
        assign: { strategy: 'least_loaded' },
      },
      createdAt,
    },
    {
      id: IDS.questions,
      name: 'Questions',
      position: 2,
      enabled: true,
      conditions: { intents: ['question'] },
      actions: { openConversation: true, priority: 'normal' },
      createdAt,
    },
  ];
}

export function defaultMembers(): MemberDto[] {
  return [
    { id: IDS.alex, name: 'Alex Admin', role: 'admin', load: 0, capacity: null, teamIds: [] },
    { id: IDS.ana, name: 'Ana Analyst', role: 'analyst', load: 0, capacity: null, teamIds: [] },
    { id: IDS.lea, name: 'Léa Lead', role: 'lead', load: 1, capacity: null, teamIds: [IDS.support] },
    { id: IDS.sam, name: 'Sam Agent', role: 'agent', load: 3, capacity: 5, teamIds: [IDS.support] },
  ];
}

export function defaultTeams(): TeamDto[] {
  return [
    {
      id: IDS.support,
      name: 'Support',
      queued: 2,
      members: [
        { id: IDS.lea, name: 'Léa Lead', load: 1, capacity: null },
        { id: IDS.sam, name: 'Sam Agent', load: 3, capacity: 5 },
      ],
    },
  ];
}

export const DRY_RUN_RESULT: DryRunRoutingRuleResult = {
  days: 7,
  replayed: 1240,
  caught: 37,
  wouldOpen: 31,
  wouldIgnore: 0,
  byPlatform: { x: 37 },
  bySentiment: { negative: 30, neutral: 7 },
  examples: [
    {
      mentionId: 'm1',
      platform: 'x',
      text: '@lumio I was billed twice this month, fix it',
      authorHandle: 'claire_d',
      createdAt: '2026-01-01T10:00:00.000Z',
      sentiment: 'negative',
      intents: ['complaint'],
    },
  ],
  truncated: false,
};

export interface FakeRoutingApiOptions {
  me?: MeResponse;
  rules?: RoutingRuleDto[];
  teams?: TeamDto[];
  members?: MemberDto[];
  queries?: ListeningQueryDto[];
  create?: (body: CreateRoutingRuleRequest) => FakeResponse | undefined;
  reorder?: (ids: string[]) => FakeResponse | undefined;
  dryRun?: (body: DryRunRoutingRuleRequest) => FakeResponse;
  createTeam?: (body: CreateTeamRequest) => FakeResponse | undefined;
}

const notFound = (what: string): FakeResponse => ({
  status: 404,
  body: { statusCode: 404, error: 'Not Found', message: `${what} not found` },
});

export function fakeRoutingApi(options: FakeRoutingApiOptions = {}) {
  const me = options.me ?? makeMeAs('lead');
  const rules = options.rules ?? defaultRules();
  const teams = options.teams ?? defaultTeams();
  const members = options.members ?? defaultMembers();
  const queries = options.queries ?? [];
  const requests: FakeRequest[] = [];
  let next = 1;
  const newId = () => `dddddddd-dddd-4ddd-8ddd-${String(next++).padStart(12, '0')}`;
  const teamMembers = (ids: readonly string[]) =>
    members
      .filter((m) => ids.includes(m.id))
      .map((m) => ({ id: m.id, name: m.name, load: m.load, capacity: m.capacity }));

  const handler = (req: FakeRequest): FakeResponse => {
    requests.push(req);
    const path = req.url.split('?')[0];
    const m = req.method;
    if (path === '/api/auth/me') return { status: 200, body: me };
    if (path === '/api/listening/queries' && m === 'GET') return { status: 200, body: queries };
    if (path === '/api/routing-rules' && m === 'GET') return { status: 200, body: rules };
    if (path === '/api/routing-rules' && m === 'POST') {
      const body = req.body as CreateRoutingRuleRequest;
      const custom = options.create?.(body);
      if (custom) return custom;
      const rule: RoutingRuleDto = {
        id: newId(),
        position: rules.length,
        createdAt: new Date().toISOString(),
        ...body,
        enabled: body.enabled ?? true,
      };
      rules.push(rule);
      return { status: 201, body: rule };
    }
    if (path === '/api/routing-rules/reorder' && m === 'POST') {
      const ids = (req.body as { ids: string[] }).ids;
      const custom = options.reorder?.(ids);
      if (custom) return custom;
      if (ids.length !== rules.length || !ids.every((id) => rules.some((r) => r.id === id)))
        return {
          status: 400,
          body: { statusCode: 400, error: 'Bad Request', message: 'list every rule once' },
        };
      const reordered = ids.map((id, position) => ({ ...rules.find((r) => r.id === id)!, position }));
      rules.splice(0, rules.length, ...reordered);
      return { status: 200, body: rules };
    }
    if (path === '/api/routing-rules/dry-run' && m === 'POST') {
      const body = req.body as DryRunRoutingRuleRequest;
      return options.dryRun?.(body) ?? { status: 200, body: { ...DRY_RUN_RESULT, days: body.days } };
    }
    const rule = /^\/api\/routing-rules\/([^/]+)$/.exec(path);
    if (rule) {
      const i = rules.findIndex((r) => r.id === rule[1]);
      if (i < 0) return notFound(`routing rule ${rule[1]}`);
      if (m === 'PATCH') {
        rules[i] = { ...rules[i], ...(req.body as UpdateRoutingRuleRequest) };
        return { status: 200, body: rules[i] };
      }
      if (m === 'DELETE') {
        rules.splice(i, 1);
        return { status: 204 };
      }
    }
    if (path === '/api/teams' && m === 'GET') return { status: 200, body: teams };
    if (path === '/api/teams' && m === 'POST') {
      const body = req.body as CreateTeamRequest;
      const custom = options.createTeam?.(body);
      if (custom) return custom;
      const team: TeamDto = { id: newId(), name: body.name, queued: 0, members: teamMembers(body.memberIds) };
      teams.push(team);
      return { status: 201, body: team };
    }
    const team = /^\/api\/teams\/([^/]+)$/.exec(path);
    if (team) {
      const i = teams.findIndex((x) => x.id === team[1]);
      if (i < 0) return notFound(`team ${team[1]}`);
      if (m === 'PATCH') {
        const changes = req.body as UpdateTeamRequest;
        teams[i] = {
          ...teams[i],
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.memberIds !== undefined ? { members: teamMembers(changes.memberIds) } : {}),
        };
        return { status: 200, body: teams[i] };
      }
      if (m === 'DELETE') {
        teams.splice(i, 1);
        return { status: 204 };
      }
    }
    if (path === '/api/members' && m === 'GET') return { status: 200, body: members };
    const capacity = /^\/api\/members\/([^/]+)\/capacity$/.exec(path);
    if (capacity && m === 'PUT') {
      const value = (req.body as { capacity: number | null }).capacity;
      const member = members.find((x) => x.id === capacity[1]);
      if (member) member.capacity = value;
      for (const x of teams) for (const tm of x.members) if (tm.id === capacity[1]) tm.capacity = value;
      return { status: 204 };
    }
    return notFound(`${m} ${path}`);
  };

  return {
    handler,
    rules,
    teams,
    members,
    requests,
    /** the requests to one method and path (without the query string) */
    calls: (method: string, path: string) =>
      requests.filter((r) => r.method === method && r.url.split('?')[0] === path),
  };
}
