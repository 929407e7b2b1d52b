import {
  createTestQueryClient,
  renderRoutes,
  stubFetch,
  type StubRequest,
} from '../../../../../tests/support/web/test-utils';
import type { ConversationDetailDto, MeResponse, SlaClockDto } from '@ecoute/contracts';
import { clearToken, setToken } from '@ecoute/web-data-access';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  makeConversation,
  makeDetail,
  makeEvent,
  makeMe,
  makeMember,
  makeTeam,
} from '../../../../../tests/support/web/fixtures';
import { InboxPage } from './inbox-page';
import { snoozeUntil } from './snooze';

const routes = [
  { path: '/inbox', element: <InboxPage /> },
  { path: '/inbox/:conversationId', element: <InboxPage /> },
];

const members = [
  makeMember(),
  makeMember({ id: 'u2', name: 'Léa Lead', role: 'lead' }),
  makeMember({ id: 'u9', name: 'Ana Analyst', role: 'analyst' }),
];
const teams = [makeTeam()];

function clock(over: Partial<SlaClockDto>): SlaClockDto {
  return { state: 'on_track', dueAt: '2026-03-02T14:30:00.000Z', remainingMs: 60_000, businessHours: false, ...over };
}

function conversation(): ConversationDetailDto {
  const summary = makeConversation({
    status: 'open',
    version: 3,
    assignee: { id: 'u3', name: 'Sam Agent' },
    team: { id: 't1', name: 'Billing' },
    tags: ['refund', 'vip'],
    sla: {
      firstResponse: clock({ state: 'breached', remainingMs: -60_000 }),
      resolution: clock({ state: 'due_soon' }),
    },
    escalation: {
      at: new Date(Date.now() - 60_000).toISOString(),
      toUser: { id: 'u3', name: 'Sam Agent' },
      toTeam: null,
      reason: 'asks for a refund over 500 €',
    },
  });
  return {
    ...makeDetail(summary),
    events: [
      makeEvent(),
      makeEvent({
        id: 'e2',
        kind: 'escalated',
        actor: { id: 'u2', name: 'Léa Lead' },
        data: { from: null, toUserId: 'u3', toTeamId: null, reason: 'asks for a refund over 500 €' },
        createdAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    ],
  };
}

interface Server {
  current: ConversationDetailDto;
  /** answer the next change with this instead */
  next: { status: number; body: unknown } | null;
}

function api(server: Server, me: MeResponse = makeMe('agent')) {
  return stubFetch((req: StubRequest) => {
    const path = req.url.split('?')[0];
    if (path === '/api/auth/me') return { status: 200, body: me };
    if (path === '/api/members') return { status: 200, body: members };
    if (path === '/api/teams') return { status: 200, body: teams };
    if (path === '/api/conversations') return { status: 200, body: { items: [server.current], nextCursor: null } };
    if (path === '/api/conversations/c1' && req.method === 'GET') return { status: 200, body: server.current };
    if (path.startsWith('/api/conversations/c1') && req.method !== 'GET') {
      if (server.next) {
        const answer = server.next;
        server.next = null;
        return answer;
      }
      const body = req.body as Record<string, unknown>;
      const { version: _version, assigneeId, ...changes } = body;
      const assignee =
        assigneeId === undefined
          ? server.current.assignee
          : (members.find((m) => m.id === assigneeId) ?? null);
      server.current = {
        ...server.current,
        ...changes,
        assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
        version: server.current.version + 1,
      };
      return { status: 200, body: server.current };
    }
    return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'no route' } };
  });
}

function changes(fetchMock: jest.Mock, method: string) {
  return fetchMock.mock.calls
    .filter(([, init]) => (init?.method ?? 'GET') === method)
    .map(([url, init]) => ({ url: String(url), body: JSON.parse(String(init?.body)) as unknown }));
}

const CONFLICT =
  'the conversation changed since you loaded it (your version 3, now 4), last by Léa Lead (priority, 2026-03-02T10:00:00.000Z): reload it and try again';

beforeEach(() => setToken('test-token'));
afterEach(() => clearToken());

describe('Conversation actions', () => {
  it('changes the priority with the version it was made on, and shows the answer', async () => {
    const server: Server = { current: conversation(), next: null };
    const fetchMock = api(server);
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    const priority = await screen.findByRole('combobox', { name: 'Priority' });
    expect(priority).toHaveValue('high');
    fireEvent.change(priority, { target: { value: 'urgent' } });
    await waitFor(() =>
      expect(changes(fetchMock, 'PATCH')).toEqual([
        { url: '/api/conversations/c1', body: { version: 3, priority: 'urgent' } },
      ]),
    );
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveValue('urgent'));
    // the next change names the new version
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'resolved' } });
    await waitFor(() =>
      expect(changes(fetchMock, 'PATCH')[1]).toEqual({
        url: '/api/conversations/c1',
        body: { version: 4, status: 'resolved' },
      }),
    );
  });

  it('assigns: to a member (analysts are not offered), to nobody, and to me', async () => {
    const server: Server = { current: { ...conversation(), assignee: null }, next: null };
    const fetchMock = api(server);
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    const assignee = await screen.findByRole('combobox', { name: 'Assignee' });
    await waitFor(() =>
      expect(within(assignee).getAllByRole('option').map((o) => o.textContent)).toEqual([
        'Unassigned',
        'Sam Agent',
        'Léa Lead',
      ]),
    );
    fireEvent.change(assignee, { target: { value: 'u2' } });
    await waitFor(() => expect(changes(fetchMock, 'PATCH')).toHaveLength(1));
    expect(changes(fetchMock, 'PATCH')[0].body).toEqual({ version: 3, assigneeId: 'u2' });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveValue('u2'));
    fireEvent.click(screen.getByRole('button', { name: 'Assign to me' }));
    await waitFor(() => expect(changes(fetchMock, 'PATCH')).toHaveLength(2));
    expect(changes(fetchMock, 'PATCH')[1].body).toEqual({ version: 4, assigneeId: 'u3' });
    // assigned to me: nothing left to claim
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Assign to me' })).not.toBeInTheDocument());
    fireEvent.change(screen.getByRole('combobox', { name: 'Assignee' }), { target: { value: '' } });
    await waitFor(() => expect(changes(fetchMock, 'PATCH')).toHaveLength(3));
    expect(changes(fetchMock, 'PATCH')[2].body).toEqual({ version: 5, assigneeId: null });
  });

  it('snoozes until a local time', async () => {
    const server: Server = { current: conversation(), next: null };
    const fetchMock = api(server);
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    fireEvent.click(await screen.findByRole('button', { name: 'Snooze' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Until tomorrow, 9:00' }));
    await waitFor(() => expect(changes(fetchMock, 'PATCH')).toHaveLength(1));
    const body = changes(fetchMock, 'PATCH')[0].body as { version: number; status: string; snoozedUntil: string };
    expect(body.version).toBe(3);
    expect(body.status).toBe('snoozed');
    const until = new Date(body.snoozedUntil);
    expect([until.getHours(), until.getMinutes()]).toEqual([9, 0]);
    expect(until.getTime()).toBeGreaterThan(Date.now());
    expect(await screen.findByTestId('conversation-snoozed')).toHaveTextContent('Snoozed until');
  });

  it('explains a conflict with the server’s message, and Reload fetches the conversation again', async () => {
    const server: Server = {
      current: conversation(),
      next: { status: 409, body: { statusCode: 409, error: 'Conflict', message: CONFLICT, currentVersion: 4 } },
    };
    const fetchMock = api(server);
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Priority' }), { target: { value: 'low' } });
    const alert = await screen.findByTestId('conversation-conflict');
    expect(alert).toHaveTextContent(CONFLICT);
    expect(alert).toHaveTextContent('Someone changed this conversation meanwhile');

    // meanwhile, Léa made it urgent
    server.current = { ...server.current, priority: 'urgent', version: 4 };
    const gets = () =>
      fetchMock.mock.calls.filter(
        ([url, init]) => url === '/api/conversations/c1' && (init?.method ?? 'GET') === 'GET',
      ).length;
    const before = gets();
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(gets()).toBeGreaterThan(before));
    await waitFor(() => expect(screen.queryByTestId('conversation-conflict')).not.toBeInTheDocument());
    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveValue('urgent');

    // and the next change names the version just loaded
    fireEvent.change(screen.getByRole('combobox', { name: 'Priority' }), { target: { value: 'low' } });
    await waitFor(() => expect(changes(fetchMock, 'PATCH')).toHaveLength(2));
    expect(changes(fetchMock, 'PATCH')[1].body).toEqual({ version: 4, priority: 'low' });
  });

  it('shows the message of another refusal', async () => {
    const server: Server = {
      current: conversation(),
      next: {
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'user u2 is an analyst, who cannot work conversations' },
      },
    };
    api(server);
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Status' }), { target: { value: 'pending' } });
    const alert = await screen.findByTestId('conversation-action-error');
    expect(alert).toHaveTextContent('user u2 is an analyst, who cannot work conversations');
    expect(screen.queryByTestId('conversation-conflict')).not.toBeInTheDocument();
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('conversation-action-error')).not.toBeInTheDocument());
  });

  it('escalates to a team with a required reason; Escape closes the dialog', async () => {
    const server: Server = { current: conversation(), next: null };
    const fetchMock = api(server);
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });

    fireEvent.click(await screen.findByRole('button', { name: 'Escalate' }));
    let dialog = await screen.findByRole('dialog', { name: 'Escalate the conversation' });
    // focus moves into the dialog
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
    fireEvent.keyDown(within(dialog).getByLabelText(/Reason/), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    fireEvent.click(screen.getByRole('button', { name: 'Escalate' }));
    dialog = await screen.findByRole('dialog', { name: 'Escalate the conversation' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'A team' }));
    // nothing chosen, no reason: refused here, nothing sent
    fireEvent.click(within(dialog).getByRole('button', { name: 'Escalate' }));
    expect(await within(dialog).findByText('Say why, in at least 3 characters')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose whom to escalate to')).toBeInTheDocument();
    expect(changes(fetchMock, 'POST')).toEqual([]);

    const team = within(dialog).getByRole('combobox', { name: /Team/ });
    await waitFor(() => expect(within(team).getByRole('option', { name: 'Billing' })).toBeInTheDocument());
    fireEvent.change(team, { target: { value: 't1' } });
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: '  needs a refund  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Escalate' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(changes(fetchMock, 'POST')).toEqual([
      {
        url: '/api/conversations/c1/escalate',
        body: { version: 3, toTeamId: 't1', reason: 'needs a refund' },
      },
    ]);
  });

  it('escalates to a lead, leads listed first', async () => {
    const server: Server = { current: conversation(), next: null };
    const fetchMock = api(server);
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    fireEvent.click(await screen.findByRole('button', { name: 'Escalate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Escalate the conversation' });
    const person = within(dialog).getByRole('combobox', { name: /Person/ });
    expect(within(person).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Choose…',
      'Léa Lead (Team lead)',
      'Sam Agent (Agent)',
    ]);
    fireEvent.change(person, { target: { value: 'u2' } });
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'refund over 500 €' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Escalate' }));
    await waitFor(() => expect(changes(fetchMock, 'POST')).toHaveLength(1));
    expect(changes(fetchMock, 'POST')[0].body).toEqual({ version: 3, toUserId: 'u2', reason: 'refund over 500 €' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('shows the team, tags, escalation, SLA clocks and the trail; the list flags the breach', async () => {
    api({ current: conversation(), next: null });
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    const badges = await screen.findAllByTestId('sla-badge');
    expect(badges.map((b) => [b.getAttribute('data-clock'), b.getAttribute('data-state')])).toEqual([
      ['firstResponse', 'breached'],
      ['resolution', 'due_soon'],
    ]);
    expect(badges[0]).toHaveTextContent(/^First response: breached · /);
    expect(badges[1]).toHaveTextContent(/^Resolution: due soon · /);
    expect(badges[0]).toHaveTextContent(/2026/);
    const row = screen.getAllByTestId('conversation-item')[0];
    expect(within(row).getByTestId('sla-row-badge')).toHaveTextContent('SLA breached');
    expect(screen.getByTestId('conversation-team')).toHaveTextContent('Team: Billing');
    expect(within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('listitem').map((t) => t.textContent)).toEqual([
      'refund',
      'vip',
    ]);
    expect(screen.getByTestId('conversation-escalation')).toHaveTextContent(
      'Escalated to Sam Agent: asks for a refund over 500 €',
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('trail-event').map((e) => e.textContent?.split(' · ')[0])).toEqual([
        'Routing assigned to Sam Agent (round robin)',
        'Léa Lead escalated to Sam Agent: asks for a refund over 500 €',
      ]),
    );
  });

  it('tells every kind of event of the trail as a sentence', async () => {
    const at = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
    const lea = { id: 'u2', name: 'Léa Lead' };
    const sam = { id: 'u3', name: 'Sam Agent' };
    const c = conversation();
    api({
      current: {
        ...c,
        events: [
          makeEvent({ id: 'a', kind: 'queued', data: { assigneeId: null, teamId: 't1', strategy: null }, createdAt: at(30) }),
          makeEvent({ id: 'b', kind: 'assigned', actor: sam, data: { from: null, assigneeId: 'u3', strategy: 'claimed' }, createdAt: at(29) }),
          makeEvent({ id: 'c', kind: 'status', actor: sam, data: { from: 'new', to: 'pending' }, createdAt: at(28) }),
          makeEvent({ id: 'd', kind: 'priority', actor: lea, data: { from: 'high', to: 'urgent' }, createdAt: at(27) }),
          makeEvent({ id: 'e', kind: 'tags', actor: lea, data: { added: ['vip'], removed: [] }, createdAt: at(26) }),
          makeEvent({ id: 'f', kind: 'tags', actor: lea, data: { added: ['refund'], removed: ['vip'] }, createdAt: at(25) }),
          makeEvent({ id: 'g', kind: 'team', actor: lea, data: { from: null, to: 't1' }, createdAt: at(24) }),
          makeEvent({ id: 'h', kind: 'unassigned', actor: lea, data: { from: 'u3' }, createdAt: at(23) }),
          makeEvent({ id: 'i', kind: 'assigned', actor: lea, data: { from: null, assigneeId: 'u3', strategy: 'manual' }, createdAt: at(22) }),
          makeEvent({ id: 'j', kind: 'escalated', actor: sam, data: { toUserId: null, toTeamId: 't1', reason: 'legal question' }, createdAt: at(21) }),
        ],
      },
      next: null,
    });
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    await waitFor(() =>
      expect(screen.getAllByTestId('trail-event').map((e) => e.textContent?.split(' · ')[0])).toEqual([
        'Routing queued it for Billing: nobody had room',
        'Sam Agent took the conversation',
        'Sam Agent set the status to Pending',
        'Léa Lead set the priority to Urgent',
        'Léa Lead tagged it vip',
        'Léa Lead tagged it refund and removed vip',
        'Léa Lead moved it to team Billing',
        'Léa Lead unassigned Sam Agent',
        'Léa Lead assigned to Sam Agent',
        'Sam Agent escalated to team Billing: legal question',
      ]),
    );
    // the trail sits among the messages, in time order: the mention (5 minutes ago) comes after these
    const log = screen.getByRole('log', { name: 'Messages' });
    const items = within(log).getAllByTestId(/trail-event|message-text/);
    expect(items[items.length - 1]).toHaveAttribute('data-testid', 'message-text');
  });

  it('shows no row badge when every clock is on track or stopped', async () => {
    const c = conversation();
    api({
      current: { ...c, sla: { firstResponse: clock({ state: 'met' }), resolution: clock({ state: 'on_track' }) } },
      next: null,
    });
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    const badges = await screen.findAllByTestId('sla-badge');
    expect(badges.map((b) => b.getAttribute('data-state'))).toEqual(['met', 'on_track']);
    expect(screen.queryByTestId('sla-row-badge')).not.toBeInTheDocument();
  });

  it('shows an analyst the values but no controls', async () => {
    const fetchMock = api({ current: conversation(), next: null }, makeMe('analyst'));
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    expect(await screen.findByText(/The Analyst role can read the inbox but not reply/)).toBeInTheDocument();
    expect(screen.getAllByTestId('sla-badge')).toHaveLength(2);
    expect(screen.getByTestId('conversation-escalation')).toBeInTheDocument();
    expect(screen.queryByTestId('conversation-actions')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Priority' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Escalate' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Assign to me' })).not.toBeInTheDocument();
    expect(changes(fetchMock, 'PATCH')).toEqual([]);
  });

  it('speaks French', async () => {
    api({ current: conversation(), next: null });
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient(), language: 'fr' });
    expect(await screen.findByRole('combobox', { name: 'Priorité' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Statut' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Attribuée à' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mettre en pause' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Escalader' })).toBeInTheDocument();
    expect(screen.getAllByTestId('sla-badge')[0]).toHaveTextContent(/^Première réponse : dépassée · /);
    expect(screen.getByTestId('sla-row-badge')).toHaveTextContent('SLA dépassé');
    expect(screen.getByTestId('conversation-escalation')).toHaveTextContent(
      'Escaladée vers Sam Agent : asks for a refund over 500 €',
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('trail-event').map((e) => e.textContent?.split(' · ')[0])).toEqual([
        'Le routage a attribué la conversation à Sam Agent (à tour de rôle)',
        'Léa Lead a escaladé vers Sam Agent : asks for a refund over 500 €',
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Escalader' }));
    const dialog = await screen.findByRole('dialog', { name: 'Escalader la conversation' });
    expect(within(dialog).getByRole('radio', { name: 'Une équipe' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Motif/)).toBeInTheDocument();
  });
});

describe('snoozeUntil', () => {
  it('is an hour later, tomorrow at 9:00, or next Monday at 9:00, local time', () => {
    const wednesday = new Date(2026, 2, 4, 17, 20); // Wednesday 4 March 2026
    expect(snoozeUntil('hour', wednesday)).toEqual(new Date(2026, 2, 4, 18, 20));
    expect(snoozeUntil('tomorrow', wednesday)).toEqual(new Date(2026, 2, 5, 9, 0));
    expect(snoozeUntil('monday', wednesday)).toEqual(new Date(2026, 2, 9, 9, 0));
    // on a Monday, the next one
    expect(snoozeUntil('monday', new Date(2026, 2, 9, 8, 0))).toEqual(new Date(2026, 2, 16, 9, 0));
    // across a month end
    expect(snoozeUntil('tomorrow', new Date(2026, 2, 31, 23, 30))).toEqual(new Date(2026, 3, 1, 9, 0));
  });
});
