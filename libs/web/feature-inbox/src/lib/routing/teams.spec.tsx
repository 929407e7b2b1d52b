import {
  createTestQueryClient,
  renderRoutes,
  stubFetch,
} from '../../../../../../tests/support/web/test-utils';
import { clearToken, setToken } from '@ecoute/web-data-access';
import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeRoutingApi, IDS, type FakeRoutingApiOptions } from './fake-routing-api';
import { RoutingPage } from './routing-page';

const routes = [
  { path: '/inbox/routing', element: <RoutingPage /> },
  { path: '/inbox/routing/teams/new', element: <RoutingPage /> },
  { path: '/inbox/routing/teams/:teamId', element: <RoutingPage /> },
];

jest.setTimeout(20_000);

function setup(initialPath: string, options: FakeRoutingApiOptions = {}, language: 'en' | 'fr' = 'en') {
  const api = fakeRoutingApi(options);
  stubFetch(api.handler);
  const view = renderRoutes({ routes, initialPath, queryClient: createTestQueryClient(), language });
  return { api, ...view };
}

const editor = () => within(screen.getByTestId('team-editor'));
const teamNames = () =>
  screen.getAllByTestId('team-card').map((c) => within(c).getAllByText(/./)[0].textContent);

function memberRow(id: string): HTMLElement {
  const row = screen.getAllByTestId('member-row').find((r) => r.dataset.memberId === id);
  if (!row) throw new Error(`no row for member ${id}`);
  return row;
}

beforeEach(() => setToken('t'));
afterEach(() => {
  clearToken();
  act(() => notifications.clean());
});

describe('Teams', () => {
  it('creates a team with two members, picked among those who can work conversations', async () => {
    const { api, location } = setup('/inbox/routing/teams/new', { teams: [] });
    await screen.findByTestId('team-editor');
    expect(screen.getByRole('dialog', { name: 'New team' })).toBeInTheDocument();
    await waitFor(() => expect(editor().getByLabelText(/^Name/)).toHaveFocus());
    const members = editor().getByRole('group', { name: /^Members/ });
    expect(
      within(members)
        .getAllByRole('checkbox')
        .map((c) => c.getAttribute('value')),
    ).toEqual([IDS.alex, IDS.lea, IDS.sam]);
    expect(within(members).queryByRole('checkbox', { name: /Ana Analyst/ })).not.toBeInTheDocument();

    fireEvent.change(editor().getByLabelText(/^Name/), { target: { value: 'Billing' } });
    fireEvent.click(within(members).getByRole('checkbox', { name: /Léa Lead/ }));
    fireEvent.click(within(members).getByRole('checkbox', { name: /Sam Agent/ }));
    fireEvent.click(editor().getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls('POST', '/api/teams')).toHaveLength(1));
    expect(api.calls('POST', '/api/teams')[0].body).toEqual({
      name: 'Billing',
      memberIds: [IDS.lea, IDS.sam],
    });
    await waitFor(() => expect(location().pathname).toBe('/inbox/routing'));
    const card = await screen.findByTestId('team-card');
    expect(within(card).getByRole('link', { name: 'Billing' })).toBeInTheDocument();
    expect(
      within(card)
        .getAllByTestId('team-member')
        .map((m) => m.textContent),
    ).toEqual(['Léa Lead1 open · no limit', 'Sam Agent3 open · at most 5']);
    expect(within(card).getByTestId('team-queued')).toHaveTextContent('Queue empty');
  });

  it('refuses an empty name before asking, and shows the server refusing a taken name', async () => {
    const { api } = setup('/inbox/routing/teams/new', {
      createTeam: () => ({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'a team named "Support" already exists' },
      }),
    });
    await screen.findByTestId('team-editor');
    fireEvent.click(editor().getByRole('button', { name: 'Save' }));
    expect(await editor().findByText('The name cannot be empty.')).toBeInTheDocument();
    expect(api.calls('POST', '/api/teams')).toHaveLength(0);

    fireEvent.change(editor().getByLabelText(/^Name/), { target: { value: 'Support' } });
    fireEvent.click(editor().getByRole('button', { name: 'Save' }));
    expect(await editor().findByTestId('save-error')).toHaveTextContent(
      'a team named "Support" already exists',
    );
  });

  it('edits a team: renames it and changes its members (PATCH)', async () => {
    const { api } = setup('/inbox/routing');
    const card = await screen.findByTestId('team-card');
    fireEvent.click(within(card).getByRole('link', { name: 'Support' }));
    await screen.findByTestId('team-editor');
    expect(screen.getByRole('dialog', { name: 'Edit the team “Support”' })).toBeInTheDocument();
    const members = editor().getByRole('group', { name: /^Members/ });
    expect(within(members).getByRole('checkbox', { name: /Léa Lead/ })).toBeChecked();
    expect(within(members).getByRole('checkbox', { name: /Sam Agent/ })).toBeChecked();
    expect(within(members).getByRole('checkbox', { name: /Alex Admin/ })).not.toBeChecked();

    fireEvent.change(editor().getByLabelText(/^Name/), { target: { value: 'Support FR' } });
    fireEvent.click(within(members).getByRole('checkbox', { name: /Léa Lead/ }));
    fireEvent.click(editor().getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls('PATCH', `/api/teams/${IDS.support}`)).toHaveLength(1));
    expect(api.calls('PATCH', `/api/teams/${IDS.support}`)[0].body).toEqual({
      name: 'Support FR',
      memberIds: [IDS.sam],
    });
    await waitFor(() => expect(teamNames()).toEqual(['Support FR']));
    // the rule that sends conversations to it shows its new name
    await waitFor(() =>
      expect(screen.getAllByTestId('rule-actions')[1]).toHaveTextContent('Team: Support FR'),
    );
  });

  it('deletes a team after a confirmation that names the rules using it', async () => {
    const { api } = setup(`/inbox/routing/teams/${IDS.support}`);
    await screen.findByTestId('team-editor');
    fireEvent.click(editor().getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete the team “Support”?' });
    expect(confirm).toHaveTextContent('those waiting in its queue go back to the shared inbox');
    expect(confirm).toHaveTextContent('One rule sends conversations to it');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete the team' }));
    await waitFor(() => expect(api.calls('DELETE', `/api/teams/${IDS.support}`)).toHaveLength(1));
    expect(await screen.findByTestId('teams-empty')).toBeInTheDocument();
    // the rule still points at the deleted team, and says so
    expect(screen.getAllByTestId('rule-actions')[1]).toHaveTextContent('Team: a deleted team');
  });
});

describe('Capacity', () => {
  it("sets a member's capacity from its form, and clears it for no limit", async () => {
    const { api } = setup('/inbox/routing');
    await screen.findAllByTestId('member-row');
    const lea = within(memberRow(IDS.lea)).getByRole('textbox', { name: 'Capacity of Léa Lead' });
    expect(lea).toHaveValue('');
    expect(lea).toHaveAttribute('placeholder', 'No limit');
    expect(within(memberRow(IDS.lea)).getByTestId('member-load')).toHaveTextContent('1');
    const save = within(memberRow(IDS.lea)).getByRole('button', { name: 'Save the capacity of Léa Lead' });
    expect(save).toBeDisabled();

    act(() => lea.focus());
    fireEvent.change(lea, { target: { value: '4' } });
    expect(save).toBeEnabled();
    fireEvent.submit(lea.closest('form') as HTMLFormElement);
    await waitFor(() => expect(api.calls('PUT', `/api/members/${IDS.lea}/capacity`)).toHaveLength(1));
    expect(api.calls('PUT', `/api/members/${IDS.lea}/capacity`)[0].body).toEqual({ capacity: 4 });
    expect(
      await screen.findByText('Léa Lead now takes at most 4 conversations at once.'),
    ).toBeInTheDocument();
    // the teams show the new capacity
    await waitFor(() =>
      expect(screen.getAllByTestId('team-member')[0]).toHaveTextContent('Léa Lead1 open · at most 4'),
    );

    const sam = within(memberRow(IDS.sam)).getByRole('textbox', { name: 'Capacity of Sam Agent' });
    expect(sam).toHaveValue('5');
    act(() => sam.focus());
    fireEvent.change(sam, { target: { value: '' } });
    fireEvent.click(
      within(memberRow(IDS.sam)).getByRole('button', { name: 'Save the capacity of Sam Agent' }),
    );
    await waitFor(() => expect(api.calls('PUT', `/api/members/${IDS.sam}/capacity`)).toHaveLength(1));
    expect(api.calls('PUT', `/api/members/${IDS.sam}/capacity`)[0].body).toEqual({ capacity: null });
    expect(await screen.findByText('Sam Agent now has no limit.')).toBeInTheDocument();
  });

  it('refuses a capacity out of range without asking the server', async () => {
    const { api } = setup('/inbox/routing');
    await screen.findAllByTestId('member-row');
    const input = within(memberRow(IDS.alex)).getByRole('textbox', { name: 'Capacity of Alex Admin' });
    act(() => input.focus());
    fireEvent.change(input, { target: { value: '5000' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(await within(memberRow(IDS.alex)).findByRole('alert')).toHaveTextContent(
      'A whole number from 0 to 1,000, or empty for no limit.',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls('PUT', `/api/members/${IDS.alex}/capacity`)).toHaveLength(0);
  });
});

describe('Teams in French', () => {
  it('speaks French', async () => {
    setup('/inbox/routing', {}, 'fr');
    const card = await screen.findByTestId('team-card');
    expect(within(card).getByTestId('team-queued')).toHaveTextContent('2 en attente');
    expect(within(card).getAllByTestId('team-member')[1]).toHaveTextContent(
      'Sam Agent3 ouvertes · au plus 5',
    );
    expect(screen.getByRole('link', { name: 'Nouvelle équipe' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Capacité' })).toBeInTheDocument();
  });
});
