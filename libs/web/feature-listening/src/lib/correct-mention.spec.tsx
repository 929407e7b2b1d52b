import {
  createTestQueryClient,
  renderRoutes,
  stubFetch,
  type StubRequest,
  type StubResponse,
} from '../../../../../tests/support/web/test-utils';
import { makeMe, makeMention } from '../../../../../tests/support/web/fixtures';
import { fakeListeningApi } from '../../../../../tests/support/web/fake-listening-api';
import type { Role } from '@ecoute/contracts';
import { clearToken, setToken } from '@ecoute/web-data-access';
import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ListeningMentionsPage } from './mentions-page';

const routes = [{ path: '/listening/mentions', element: <ListeningMentionsPage /> }];
const CORRECT = /^Correct the analysis of the mention by Claire Dubois$/;

/** The mention stream, with `POST /api/mentions/:id/corrections` answered by `correct` (204 by default). */
function setup(role: Role, correct: (req: StubRequest) => StubResponse = () => ({ status: 204 })) {
  const api = fakeListeningApi({ me: makeMe(role), mentions: [makeMention()] });
  const corrections: StubRequest[] = [];
  stubFetch((req) => {
    if (req.method === 'POST' && /^\/api\/mentions\/[^/]+\/corrections$/.test(req.url)) {
      corrections.push(req);
      return correct(req);
    }
    return api.handler(req);
  });
  renderRoutes({ routes, initialPath: '/listening/mentions', queryClient: createTestQueryClient() });
  return { api, corrections };
}

async function openDialog() {
  fireEvent.click(await screen.findByRole('button', { name: CORRECT }));
  return screen.findByRole('dialog', { name: 'Correct the analysis' });
}

beforeEach(() => setToken('t'));
afterEach(() => {
  clearToken();
  act(() => notifications.clean());
});

describe('Correcting a mention', () => {
  it('sends what changed, with the note, then refreshes the stream and says so', async () => {
    const { api, corrections } = setup('agent');
    const dialog = await openDialog();
    // it starts from the mention's current analysis
    expect(within(dialog).getByRole('radio', { name: 'Negative' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Complaint' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Purchase' })).not.toBeChecked();

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Neutral' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Question' }));
    fireEvent.change(within(dialog).getByLabelText(/^Note/), {
      target: { value: '  asks about the outage  ' },
    });
    const streamCalls = api.calls('GET', '/api/mentions').length;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the correction' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(corrections).toHaveLength(1);
    expect(corrections[0].url).toBe('/api/mentions/m1/corrections');
    expect(corrections[0].body).toEqual({
      sentiment: 'neutral',
      intents: ['complaint', 'question'],
      note: 'asks about the outage',
    });
    expect(await screen.findByText('Correction saved. An admin will review it.')).toBeInTheDocument();
    await waitFor(() => expect(api.calls('GET', '/api/mentions').length).toBeGreaterThan(streamCalls));
  });

  it('sends only the intents when the sentiment is unchanged, and refuses a correction that changes nothing', async () => {
    const { corrections } = setup('lead');
    const dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the correction' }));
    expect(within(dialog).getByTestId('correct-mention-unchanged')).toHaveTextContent(
      'Change the sentiment or the intents before saving.',
    );
    expect(corrections).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Complaint' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the correction' }));
    await waitFor(() => expect(corrections).toHaveLength(1));
    expect(corrections[0].body).toEqual({ intents: [] });
  });

  it("keeps the dialog open with the API's message when the correction is refused, and closes on Cancel", async () => {
    const { corrections } = setup('agent', () => ({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'the mention already has this sentiment' },
    }));
    const dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Positive' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the correction' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'the mention already has this sentiment',
    );
    expect(corrections).toHaveLength(1);
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // opened again: a fresh form, without the last error
    const again = await openDialog();
    expect(within(again).getByRole('radio', { name: 'Negative' })).toBeChecked();
    expect(within(again).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is not offered to a role that cannot answer the inbox', async () => {
    const { api } = setup('analyst');
    await screen.findByTestId('mention-card');
    await waitFor(() => expect(api.calls('GET', '/api/auth/me')).toHaveLength(1));
    await act(async () => undefined);
    expect(screen.queryByRole('button', { name: CORRECT })).not.toBeInTheDocument();
    expect(screen.queryByTestId('correct-mention')).not.toBeInTheDocument();
  });
});
