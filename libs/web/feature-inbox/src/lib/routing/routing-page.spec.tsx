import {
  createTestQueryClient,
  renderRoutes,
  stubFetch,
} from '../../../../../../tests/support/web/test-utils';
import { clearToken, setToken } from '@ecoute/web-data-access';
import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeRoutingApi, IDS, makeMeAs, type FakeRoutingApiOptions } from './fake-routing-api';
import { RoutingPage } from './routing-page';

const routes = [
  { path: '/inbox/routing', element: <RoutingPage /> },
  { path: '/inbox/routing/rules/new', element: <RoutingPage /> },
  { path: '/inbox/routing/rules/:ruleId', element: <RoutingPage /> },
  { path: '/inbox/routing/teams/new', element: <RoutingPage /> },
  { path: '/inbox/routing/teams/:teamId', element: <RoutingPage /> },
];

jest.setTimeout(15_000);

function setup(
  initialPath = '/inbox/routing',
  options: FakeRoutingApiOptions = {},
  language: 'en' | 'fr' = 'en',
) {
  const api = fakeRoutingApi(options);
  stubFetch(api.handler);
  const view = renderRoutes({ routes, initialPath, queryClient: createTestQueryClient(), language });
  return { api, ...view };
}

function rowOf(name: string): HTMLElement {
  const row = screen
    .getAllByTestId('rule-row')
    .find((r) => within(r).queryByTestId('rule-name')?.textContent === name);
  if (!row) throw new Error(`no row for rule ${name}`);
  return row;
}

const ruleNames = () => screen.getAllByTestId('rule-name').map((n) => n.textContent);

beforeEach(() => setToken('t'));
afterEach(() => {
  clearToken();
  act(() => notifications.clean());
});

describe('RoutingPage: the rules', () => {
  it('lists the rules in order, each with what it looks at and what it does', async () => {
    setup();
    await screen.findAllByTestId('rule-row');
    expect(ruleNames()).toEqual(['Ignore spam', 'Complaints and negative mentions', 'Questions']);
    expect(screen.getByRole('list', { name: 'Routing rules' }).tagName).toBe('OL');
    expect(screen.getAllByTestId('rule-position').map((p) => p.textContent)).toEqual(['1', '2', '3']);

    const complaints = rowOf('Complaints and negative mentions');
    expect(within(complaints).getByTestId('rule-conditions')).toHaveTextContent(
      'Sentiment: NegativeIntent: ComplaintSentiment or intent is enough',
    );
    expect(within(complaints).getByTestId('rule-actions')).toHaveTextContent(
      'Opens a conversationPriority: HighTeam: SupportAssigns to the least loaded',
    );
    expect(within(rowOf('Ignore spam')).getByTestId('rule-actions')).toHaveTextContent('Ignores the mention');
    expect(
      within(complaints).getByRole('link', { name: 'Complaints and negative mentions' }),
    ).toHaveAttribute('href', `/inbox/routing/rules/${IDS.complaints}`);
    // the semantics, in a sentence or two
    expect(screen.getByTestId('routing-semantics')).toHaveTextContent(
      'the highest priority wins and tags add up. “Ignore” drops the mention and stops there',
    );
    expect(screen.getByTestId('routing-semantics')).toHaveTextContent('the rest waits in the team’s queue');
    expect(screen.getByRole('link', { name: 'New rule' })).toHaveAttribute(
      'href',
      '/inbox/routing/rules/new',
    );
  });

  it('moves a rule up and down with buttons, sending the whole new order, and keeps the focus on it', async () => {
    const { api } = setup();
    await screen.findAllByTestId('rule-row');
    expect(within(rowOf('Ignore spam')).getByRole('button', { name: 'Move up: Ignore spam' })).toBeDisabled();
    expect(within(rowOf('Questions')).getByRole('button', { name: 'Move down: Questions' })).toBeDisabled();

    const up = within(rowOf('Questions')).getByRole('button', { name: 'Move up: Questions' });
    act(() => up.focus());
    fireEvent.click(up);
    await waitFor(() =>
      expect(ruleNames()).toEqual(['Ignore spam', 'Questions', 'Complaints and negative mentions']),
    );
    await waitFor(() => expect(api.calls('POST', '/api/routing-rules/reorder')).toHaveLength(1));
    expect(api.calls('POST', '/api/routing-rules/reorder')[0].body).toEqual({
      ids: [IDS.spam, IDS.questions, IDS.complaints],
    });
    expect(await screen.findByTestId('rules-announcement')).toHaveTextContent(
      '“Questions” is now rule 2 of 3.',
    );
    await waitFor(() =>
      expect(within(rowOf('Questions')).getByRole('button', { name: 'Move up: Questions' })).toHaveFocus(),
    );
    expect(screen.getAllByTestId('rule-position').map((p) => p.textContent)).toEqual(['1', '2', '3']);

    // moved down to the bottom, its Move down is disabled: the focus goes to its Move up
    const down = within(rowOf('Questions')).getByRole('button', { name: 'Move down: Questions' });
    act(() => down.focus());
    fireEvent.click(down);
    await waitFor(() => expect(api.calls('POST', '/api/routing-rules/reorder')).toHaveLength(2));
    await waitFor(() =>
      expect(ruleNames()).toEqual(['Ignore spam', 'Complaints and negative mentions', 'Questions']),
    );
    await waitFor(() =>
      expect(within(rowOf('Questions')).getByRole('button', { name: 'Move up: Questions' })).toHaveFocus(),
    );
  });

  it("puts the rules back and shows the server's message when it refuses the order", async () => {
    setup('/inbox/routing', {
      reorder: () => ({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'list every rule once: 4 rules, 3 given' },
      }),
    });
    await screen.findAllByTestId('rule-row');
    fireEvent.click(within(rowOf('Questions')).getByRole('button', { name: 'Move up: Questions' }));
    expect(
      await screen.findByText('“Questions” could not be moved: list every rule once: 4 rules, 3 given'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(ruleNames()).toEqual(['Ignore spam', 'Complaints and negative mentions', 'Questions']),
    );
  });

  it('switches a rule off (PATCH { enabled: false })', async () => {
    const { api } = setup();
    await screen.findAllByTestId('rule-row');
    const toggle = within(rowOf('Questions')).getByRole('switch', { name: 'Enabled: Questions' });
    expect(toggle).toBeChecked();
    fireEvent.click(toggle);
    await waitFor(() => expect(api.calls('PATCH', `/api/routing-rules/${IDS.questions}`)).toHaveLength(1));
    expect(api.calls('PATCH', `/api/routing-rules/${IDS.questions}`)[0].body).toEqual({ enabled: false });
    await waitFor(() => expect(rowOf('Questions')).toHaveAttribute('data-enabled', 'false'));
    expect(within(rowOf('Questions')).getByTestId('rule-off')).toHaveTextContent('Off');
  });

  it('says that without rules no mention opens a conversation', async () => {
    setup('/inbox/routing', { rules: [] });
    expect(await screen.findByTestId('rules-empty')).toHaveTextContent(
      'Without rules, no mention opens a conversation.',
    );
  });

  it('shows why the rules could not be loaded, with a retry', async () => {
    const api = fakeRoutingApi();
    let fail = true;
    stubFetch((req) =>
      fail && req.url === '/api/routing-rules'
        ? {
            status: 500,
            body: { statusCode: 500, error: 'Internal Server Error', message: 'database unavailable' },
          }
        : api.handler(req),
    );
    renderRoutes({ routes, initialPath: '/inbox/routing', queryClient: createTestQueryClient() });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The routing rules could not be loaded');
    expect(alert).toHaveTextContent('database unavailable');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('rule-row')).toHaveLength(3);
  });
});

describe('RoutingPage: read-only for agents', () => {
  it('shows the rules, teams and capacities without any control to change them', async () => {
    const { api } = setup('/inbox/routing', { me: makeMeAs('agent') });
    expect(await screen.findByTestId('read-only')).toHaveTextContent(
      'Your role (Agent) can see the routing but not change it.',
    );
    await screen.findAllByTestId('rule-row');
    expect(screen.queryByRole('link', { name: 'New rule' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New team' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Move (up|down)/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    // teams: names without a link to an editor; capacities as text
    const team = await screen.findByTestId('team-card');
    expect(within(team).getByText('Support')).toBeInTheDocument();
    expect(within(team).queryByRole('link')).not.toBeInTheDocument();
    expect(within(team).getByTestId('team-queued')).toHaveTextContent('2 waiting');
    expect(
      within(team)
        .getAllByTestId('team-member')
        .map((m) => m.textContent),
    ).toEqual(['Léa Lead1 open · no limit', 'Sam Agent3 open · at most 5']);
    await screen.findAllByTestId('member-row');
    expect(screen.queryByTestId('member-capacity-input')).not.toBeInTheDocument();
    // analysts cannot work conversations: not listed
    expect(screen.getAllByTestId('member-row').map((r) => r.dataset.memberId)).toEqual([
      IDS.alex,
      IDS.lea,
      IDS.sam,
    ]);

    // the editor shows the rule, disabled, without a dry run or a Save
    fireEvent.click(within(rowOf('Questions')).getByRole('link', { name: 'Questions' }));
    const editor = await screen.findByTestId('rule-editor');
    expect(screen.getByRole('dialog', { name: 'Routing rule “Questions”' })).toBeInTheDocument();
    expect(within(editor).getByLabelText(/^Name/)).toHaveAttribute('readonly');
    expect(within(editor).getByRole('checkbox', { name: 'Question' })).toBeChecked();
    expect(within(editor).getByRole('checkbox', { name: 'Question' })).toBeDisabled();
    expect(within(editor).getByLabelText(/^Priority/)).toBeDisabled();
    expect(within(editor).queryByRole('button', { name: 'Dry run' })).not.toBeInTheDocument();
    expect(within(editor).queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(within(editor).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('RoutingPage: in French', () => {
  it('speaks French', async () => {
    setup('/inbox/routing', {}, 'fr');
    await screen.findAllByTestId('rule-row');
    expect(screen.getByRole('heading', { name: 'Routage' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nouvelle règle' })).toBeInTheDocument();
    expect(
      within(rowOf('Questions')).getByRole('button', { name: 'Monter : Questions' }),
    ).toBeInTheDocument();
    expect(within(rowOf('Questions')).getByRole('switch', { name: 'Activée : Questions' })).toBeChecked();
    expect(within(rowOf('Complaints and negative mentions')).getByTestId('rule-actions')).toHaveTextContent(
      'Ouvre une conversationPriorité : HauteÉquipe : SupportAttribue au moins chargé',
    );
    expect(screen.getByTestId('routing-semantics')).toHaveTextContent('la priorité la plus haute l’emporte');
    expect(await screen.findByRole('textbox', { name: 'Capacité de Sam Agent' })).toHaveValue('5');
  });
});
