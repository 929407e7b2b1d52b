import {
  createTestQueryClient,
  renderRoutes,
  stubFetch,
} from '../../../../../../tests/support/web/test-utils';
import { makeListeningQuery } from '../../../../../../tests/support/web/fixtures';
import { clearToken, setToken } from '@ecoute/web-data-access';
import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { fakeRoutingApi, IDS, type FakeRoutingApiOptions } from './fake-routing-api';
import { RoutingPage } from './routing-page';
import { RULE_ERROR_KEYS } from './rule-form';

const routes = [
  { path: '/inbox/routing', element: <RoutingPage /> },
  { path: '/inbox/routing/rules/new', element: <RoutingPage /> },
  { path: '/inbox/routing/rules/:ruleId', element: <RoutingPage /> },
];

// The editor is a large form: each interaction re-renders it; room, not a speed target.
jest.setTimeout(30_000);

function setup(initialPath: string, options: FakeRoutingApiOptions = {}, language: 'en' | 'fr' = 'en') {
  const api = fakeRoutingApi({
    queries: [makeListeningQuery({ id: IDS.query, name: 'Lumio brand' })],
    ...options,
  });
  stubFetch(api.handler);
  const view = renderRoutes({ routes, initialPath, queryClient: createTestQueryClient(), language });
  return { api, ...view };
}

/** Queries within the editor: the page behind the drawer makes whole-document queries slow in jsdom. */
const ed = () => within(screen.getByTestId('rule-editor'));

/** Types into a tags input and presses Enter, as a user adds one tag. */
function addTag(label: string, value: string) {
  const input = ed().getByLabelText(label);
  // Mantine ignores changes to an input that does not have the focus (autofill)
  act(() => input.focus());
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

function select(label: string, value: string) {
  fireEvent.change(ed().getByLabelText(label), { target: { value } });
}

/** The billing rule of the journey: X complaints, urgent, tagged. */
function fillBillingRule() {
  fireEvent.change(ed().getByLabelText(/^Name/), { target: { value: 'Billing complaints' } });
  fireEvent.click(ed().getByRole('checkbox', { name: 'X' }));
  fireEvent.click(ed().getByRole('checkbox', { name: 'Complaint' }));
  select('Priority', 'urgent');
  addTag('Tags', 'billing');
}

beforeEach(() => setToken('t'));
afterEach(() => {
  clearToken();
  act(() => notifications.clean());
});

describe('RuleEditor: a new rule', () => {
  it('creates a rule from its conditions and actions, and the list shows it last', async () => {
    const { api, location } = setup('/inbox/routing/rules/new');
    const editor = await screen.findByTestId('rule-editor');
    expect(screen.getByRole('dialog', { name: 'New routing rule' })).toBeInTheDocument();
    await waitFor(() => expect(ed().getByLabelText(/^Name/)).toHaveFocus());
    // with no condition yet, it says the rule would catch everything
    expect(within(editor).getByTestId('catches-everything')).toBeInTheDocument();

    fillBillingRule();
    expect(within(editor).queryByTestId('catches-everything')).not.toBeInTheDocument();
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls('POST', '/api/routing-rules')).toHaveLength(1));
    expect(api.calls('POST', '/api/routing-rules')[0].body).toEqual({
      name: 'Billing complaints',
      enabled: true,
      conditions: { platforms: ['x'], intents: ['complaint'] },
      actions: { openConversation: true, priority: 'urgent', tags: ['billing'] },
    });
    await waitFor(() => expect(location().pathname).toBe('/inbox/routing'));
    await waitFor(() =>
      expect(screen.getAllByTestId('rule-name').map((n) => n.textContent)).toEqual([
        'Ignore spam',
        'Complaints and negative mentions',
        'Questions',
        'Billing complaints',
      ]),
    );
    const row = screen.getAllByTestId('rule-row')[3];
    expect(within(row).getByTestId('rule-conditions')).toHaveTextContent('Platform: XIntent: Complaint');
    expect(within(row).getByTestId('rule-actions')).toHaveTextContent(
      'Opens a conversationPriority: UrgentTag: billing',
    );
  });

  it('sends every kind of condition and action the way the API takes them', async () => {
    const { api } = setup('/inbox/routing/rules/new');
    await screen.findByTestId('rule-editor');
    fireEvent.change(ed().getByLabelText(/^Name/), { target: { value: 'VIP' } });
    fireEvent.click(ed().getByRole('checkbox', { name: 'Brand' }));
    fireEvent.click(ed().getByRole('checkbox', { name: 'Negative' }));
    fireEvent.change(ed().getByLabelText('Lowest sentiment score'), { target: { value: '-0.8' } });
    fireEvent.change(ed().getByLabelText('Highest sentiment score'), { target: { value: '0.2' } });
    addTag('Keywords', ' refund ');
    addTag('Keywords', 'Refund');
    addTag('VIP authors', 'claire_d');
    fireEvent.change(ed().getByLabelText('Minimum followers'), { target: { value: '1000' } });
    fireEvent.click(ed().getByRole('checkbox', { name: /^Verified authors only/ }));
    fireEvent.click(ed().getByRole('switch', { name: /^Sentiment or intent is enough/ }));
    select('Team', IDS.support);
    select('Assign to', 'round_robin');
    fireEvent.click(ed().getByRole('checkbox', { name: /^Stop after this rule/ }));
    fireEvent.click(ed().getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls('POST', '/api/routing-rules')).toHaveLength(1));
    expect(api.calls('POST', '/api/routing-rules')[0].body).toEqual({
      name: 'VIP',
      enabled: true,
      conditions: {
        queryKinds: ['brand'],
        sentimentLabels: ['negative'],
        sentimentScore: { min: -0.8, max: 0.2 },
        keywords: ['refund'],
        minFollowers: 1000,
        verifiedOnly: true,
        authorHandles: ['@claire_d'],
        matchAny: true,
      },
      actions: {
        openConversation: true,
        stop: true,
        teamId: IDS.support,
        assign: { strategy: 'round_robin' },
      },
    });
  });

  it("validates like the server's schema, and puts the focus on the first field to fix", async () => {
    const { api } = setup('/inbox/routing/rules/new');
    await screen.findByTestId('rule-editor');
    fireEvent.change(ed().getByLabelText('Lowest sentiment score'), { target: { value: '0.5' } });
    fireEvent.change(ed().getByLabelText('Highest sentiment score'), { target: { value: '-0.5' } });
    select('Assign to', 'least_loaded');
    fireEvent.click(ed().getByRole('button', { name: 'Save' }));

    expect(await ed().findByText('The name cannot be empty.')).toBeInTheDocument();
    expect(ed().getByText('The lowest score is above the highest.')).toBeInTheDocument();
    expect(
      ed().getByText('Round robin and least loaded pick within a team: choose a team.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('fix-errors')).toBeInTheDocument();
    await waitFor(() => expect(ed().getByLabelText(/^Name/)).toHaveFocus());
    expect(api.calls('POST', '/api/routing-rules')).toHaveLength(0);

    // choosing a team fixes the assignment
    select('Team', IDS.support);
    await waitFor(() =>
      expect(
        ed().queryByText('Round robin and least loaded pick within a team: choose a team.'),
      ).not.toBeInTheDocument(),
    );
  });

  it("shows the server's message when it refuses the rule", async () => {
    setup('/inbox/routing/rules/new', {
      create: () => ({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'teamId is a team id' },
      }),
    });
    await screen.findByTestId('rule-editor');
    fillBillingRule();
    fireEvent.click(ed().getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('save-error')).toHaveTextContent('teamId is a team id');
    // the drawer stays open with what was typed
    expect(ed().getByLabelText(/^Name/)).toHaveValue('Billing complaints');
  });
});

describe('RuleEditor: the dry run', () => {
  it('replays the rule being edited and shows the counts, storing nothing', async () => {
    const { api } = setup('/inbox/routing/rules/new');
    await screen.findByTestId('rule-editor');
    fillBillingRule();
    expect(ed().getByText(/Nothing is stored/)).toBeInTheDocument();
    fireEvent.click(ed().getByRole('button', { name: 'Dry run' }));

    const results = await screen.findByTestId('dry-run-results');
    expect(api.calls('POST', '/api/routing-rules/dry-run')[0].body).toEqual({
      conditions: { platforms: ['x'], intents: ['complaint'] },
      actions: { openConversation: true, priority: 'urgent', tags: ['billing'] },
      days: 7,
    });
    expect(within(results).getByRole('heading', { name: 'Over the last 7 days' })).toBeInTheDocument();
    expect(within(results).getByTestId('dry-run-replayed')).toHaveTextContent('Mentions replayed1,240');
    expect(within(results).getByTestId('dry-run-caught')).toHaveTextContent('Caught by the rule37');
    expect(within(results).getByTestId('dry-run-would-open')).toHaveTextContent(
      'Conversations it would open31',
    );
    expect(within(results).getByTestId('dry-run-would-ignore')).toHaveTextContent('0');
    expect(within(within(results).getByTestId('dry-run-by-platform')).getByText('37')).toBeInTheDocument();
    expect(within(results).getByTestId('dry-run-by-sentiment')).toHaveTextContent('Negative30Neutral7');
    expect(within(results).getAllByTestId('dry-run-example')[0]).toHaveTextContent('I was billed twice');
    expect(results).not.toHaveAttribute('data-stale');
    // nothing saved
    expect(api.calls('POST', '/api/routing-rules')).toHaveLength(0);

    // editing the rule afterwards marks the figures as out of date; another period replays again
    fireEvent.click(ed().getByRole('checkbox', { name: 'Reddit' }));
    await waitFor(() => expect(screen.getByTestId('dry-run-results')).toHaveAttribute('data-stale', 'true'));
    expect(ed().getByText(/The rule has changed since this dry run/)).toBeInTheDocument();
    fireEvent.change(ed().getByLabelText('Days to replay'), { target: { value: '30' } });
    fireEvent.click(ed().getByRole('button', { name: 'Dry run' }));
    await waitFor(() => expect(api.calls('POST', '/api/routing-rules/dry-run')).toHaveLength(2));
    expect(api.calls('POST', '/api/routing-rules/dry-run')[1].body).toMatchObject({
      conditions: { platforms: ['x', 'reddit'] },
      days: 30,
    });
    expect(await ed().findByRole('heading', { name: 'Over the last 30 days' })).toBeInTheDocument();
    expect(screen.getByTestId('dry-run-results')).not.toHaveAttribute('data-stale');
  });

  it('needs a valid rule and period (but not a name), and shows a refusal', async () => {
    const { api } = setup('/inbox/routing/rules/new', {
      dryRun: () => ({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'replay at most 90 days' },
      }),
    });
    await screen.findByTestId('rule-editor');
    select('Assign to', 'round_robin');
    fireEvent.click(ed().getByRole('button', { name: 'Dry run' }));
    await waitFor(() => expect(ed().getByLabelText('Assign to')).toHaveFocus());
    expect(
      ed().getByText('Round robin and least loaded pick within a team: choose a team.'),
    ).toBeInTheDocument();
    expect(api.calls('POST', '/api/routing-rules/dry-run')).toHaveLength(0);

    select('Assign to', '');
    fireEvent.change(ed().getByLabelText('Days to replay'), { target: { value: '0' } });
    expect(await ed().findByText('From 1 to 90 days.')).toBeInTheDocument();
    expect(ed().getByRole('button', { name: 'Dry run' })).toBeDisabled();

    fireEvent.change(ed().getByLabelText('Days to replay'), { target: { value: '14' } });
    fireEvent.click(ed().getByRole('button', { name: 'Dry run' }));
    // no name: the dry run still runs
    expect(await screen.findByTestId('dry-run-error')).toHaveTextContent('replay at most 90 days');
    expect(api.calls('POST', '/api/routing-rules/dry-run')).toHaveLength(1);
  });
});

describe('RuleEditor: an existing rule', () => {
  it('opens with the rule as saved, and saves a change with PATCH', async () => {
    const { api, location } = setup(`/inbox/routing/rules/${IDS.complaints}`);
    const editor = await screen.findByTestId('rule-editor');
    expect(
      screen.getByRole('dialog', { name: 'Edit “Complaints and negative mentions”' }),
    ).toBeInTheDocument();
    expect(within(editor).getByRole('checkbox', { name: 'Negative' })).toBeChecked();
    expect(within(editor).getByRole('checkbox', { name: 'Complaint' })).toBeChecked();
    expect(within(editor).getByRole('checkbox', { name: 'Question' })).not.toBeChecked();
    expect(within(editor).getByRole('switch', { name: /^Sentiment or intent is enough/ })).toBeChecked();
    expect(within(editor).getByLabelText('Priority')).toHaveValue('high');
    expect(within(editor).getByLabelText('Team')).toHaveValue(IDS.support);
    expect(within(editor).getByLabelText('Assign to')).toHaveValue('least_loaded');
    // people to assign: the members who can work conversations, not the analyst
    const people = within(within(editor).getByLabelText('Assign to'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(people).toEqual(
      expect.arrayContaining([
        'Nobody',
        'In turn (round robin)',
        'The least loaded',
        'Alex Admin',
        'Léa Lead',
        'Sam Agent',
      ]),
    );
    expect(people).not.toContain('Ana Analyst');

    select('Assign to', `user:${IDS.sam}`);
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls('PATCH', `/api/routing-rules/${IDS.complaints}`)).toHaveLength(1));
    expect(api.calls('PATCH', `/api/routing-rules/${IDS.complaints}`)[0].body).toEqual({
      name: 'Complaints and negative mentions',
      enabled: true,
      conditions: { sentimentLabels: ['negative'], intents: ['complaint'], matchAny: true },
      actions: { openConversation: true, priority: 'high', teamId: IDS.support, assign: { userId: IDS.sam } },
    });
    await waitFor(() => expect(location().pathname).toBe('/inbox/routing'));
    await waitFor(() =>
      expect(screen.getAllByTestId('rule-actions')[1]).toHaveTextContent('Assigns to Sam Agent'),
    );
  });

  it('deletes a rule after a confirmation that Escape cancels', async () => {
    const { api, location } = setup(`/inbox/routing/rules/${IDS.questions}`);
    await screen.findByTestId('rule-editor');
    fireEvent.click(ed().getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete “Questions”?' });
    const keep = within(confirm).getByRole('button', { name: 'Keep it' });
    await waitFor(() => expect(keep).toHaveFocus());
    fireEvent.keyDown(keep, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(location().pathname).toBe(`/inbox/routing/rules/${IDS.questions}`);

    fireEvent.click(ed().getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete the rule' }));
    await waitFor(() => expect(api.calls('DELETE', `/api/routing-rules/${IDS.questions}`)).toHaveLength(1));
    await waitFor(() => expect(location().pathname).toBe('/inbox/routing'));
    await waitFor(() =>
      expect(screen.getAllByTestId('rule-name').map((n) => n.textContent)).toEqual([
        'Ignore spam',
        'Complaints and negative mentions',
      ]),
    );
  });

  it('says so when the rule does not exist', async () => {
    setup('/inbox/routing/rules/eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee');
    expect(await screen.findByTestId('editor-not-found')).toHaveTextContent(
      'This rule does not exist (any more).',
    );
  });

  it('speaks French', async () => {
    setup('/inbox/routing/rules/new', {}, 'fr');
    await screen.findByTestId('rule-editor');
    expect(screen.getByRole('dialog', { name: 'Nouvelle règle de routage' })).toBeInTheDocument();
    for (const label of [
      'Nom',
      'Mots-clés',
      'Auteurs VIP',
      'Priorité',
      'Étiquettes',
      'Équipe',
      'Attribuer à',
    ]) {
      expect(ed().getByLabelText(label)).toBeInTheDocument();
    }
    expect(ed().getByRole('checkbox', { name: 'Réclamation' })).toBeInTheDocument();
    expect(ed().getByRole('button', { name: 'Simuler' })).toBeInTheDocument();
    expect(ed().getByRole('button', { name: 'Enregistrer' })).toBeInTheDocument();
  });
});

describe('RuleEditor: translations', () => {
  it('has every error message in English and in French', async () => {
    setup('/inbox/routing');
    await screen.findAllByTestId('rule-row');
    const missing = (['en', 'fr'] as const).flatMap((lng) =>
      RULE_ERROR_KEYS.filter(
        (k) => !i18next.getResource(lng, 'translation', `routing.editor.errors.${k}`),
      ).map((k) => `${lng}:${k}`),
    );
    expect(missing).toEqual([]);
  });
});
