import { createTestQueryClient, renderRoutes, stubFetch } from '../../../../../tests/support/web/test-utils';
import { makeMe, makeSource } from '../../../../../tests/support/web/fixtures';
import {
  fakeListeningApi,
  type FakeListeningApiOptions,
} from '../../../../../tests/support/web/fake-listening-api';
import { SOURCES_REFETCH_MS, clearToken, setToken } from '@ecoute/web-data-access';
import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ListeningSourcesPage } from './sources-page';

const routes = [{ path: '/listening/sources', element: <ListeningSourcesPage /> }];

const AUTH_ERROR = 'auth_invalid: X answered 401 Unauthorized: the bearer token was rejected by the platform';

const sources = () => [
  makeSource(),
  makeSource({
    id: 's2',
    platform: 'mastodon',
    state: 'backing_off',
    consecutiveFailures: 3,
    lastError: 'temporary: Mastodon answered 503',
    rateLimit: null,
  }),
  makeSource({
    id: 's3',
    platform: 'reddit',
    state: 'needs_reauth',
    lastError: AUTH_ERROR,
    mentionsLastHour: 0,
    mentionsPerHour24h: 0,
  }),
  makeSource({
    id: 's4',
    queryId: 'q2',
    queryName: 'Fibrio',
    queryKind: 'competitor',
    platform: 'bluesky',
    state: 'paused',
    lastPolledAt: null,
    lastSuccessAt: null,
  }),
];

function setup(options: FakeListeningApiOptions = {}, language: 'en' | 'fr' = 'en') {
  const api = fakeListeningApi({ sources: sources(), ...options });
  stubFetch(api.handler);
  const view = renderRoutes({
    routes,
    initialPath: '/listening/sources',
    queryClient: createTestQueryClient(),
    language,
  });
  return { api, ...view };
}

function rowOf(id: string): HTMLElement {
  const row = screen.getAllByTestId('source-row').find((r) => r.dataset.sourceId === id);
  if (!row) throw new Error(`no row for source ${id}`);
  return row;
}

beforeEach(() => setToken('t'));
afterEach(() => {
  clearToken();
  act(() => notifications.clean());
  jest.useRealTimers();
});

describe('ListeningSourcesPage', () => {
  it('shows each source with its state, polls, last error, volumes and rate limit', async () => {
    setup();
    const rows = await screen.findAllByTestId('source-row');
    expect(rows.map((r) => r.dataset.state)).toEqual(['active', 'backing_off', 'needs_reauth', 'paused']);

    const active = rowOf('s1');
    expect(within(active).getByRole('link', { name: 'Lumio brand' })).toHaveAttribute(
      'href',
      '/listening/queries/q1',
    );
    expect(within(active).getByTestId('source-state')).toHaveTextContent('Active');
    expect(within(active).getByText('X')).toBeInTheDocument();
    expect(within(active).getByTestId('mentions-last-hour')).toHaveTextContent('12 last hour');
    expect(within(active).getByTestId('mentions-per-hour')).toHaveTextContent('8.4 / h over 24 h');
    expect(within(active).getByText('180 left')).toBeInTheDocument();
    expect(within(active).getByText('every 60 s')).toBeInTheDocument();
    expect(within(active).getAllByRole('time').length).toBeGreaterThanOrEqual(3);
    expect(within(active).getByText('None')).toBeInTheDocument();

    const backingOff = rowOf('s2');
    expect(within(backingOff).getByTestId('source-state')).toHaveTextContent('Backing off');
    expect(within(backingOff).getByText(/3 failures in a row/)).toBeInTheDocument();

    // needs re-auth: explained, with the platform's error in full (truncated on screen, full in a tooltip)
    const reauth = rowOf('s3');
    expect(within(reauth).getByTestId('source-state')).toHaveTextContent('Needs re-auth');
    expect(within(reauth).getByTestId('source-state')).toHaveAttribute('data-source-state', 'needs_reauth');
    expect(within(reauth).getByTestId('needs-reauth-help')).toHaveTextContent(
      'The platform rejected the credentials. Fix them, then resume.',
    );
    const error = within(reauth).getByTestId('source-last-error');
    expect(error).toHaveTextContent(AUTH_ERROR);
    expect(error).toHaveAttribute('tabindex', '0');
    fireEvent.focus(error);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(AUTH_ERROR);
    expect(within(reauth).getByText('Not scheduled')).toBeInTheDocument();
    expect(screen.getByTestId('needs-reauth-alert')).toBeInTheDocument();

    const paused = rowOf('s4');
    expect(within(paused).getByTestId('source-state')).toHaveTextContent('Paused');
    expect(within(paused).getByText('Never')).toBeInTheDocument();
    expect(within(paused).getByText('Competitor')).toBeInTheDocument();
  });

  it('pauses and resumes sources through the API', async () => {
    const { api } = setup();
    await screen.findAllByTestId('source-row');

    fireEvent.click(within(rowOf('s1')).getByRole('button', { name: 'Pause Lumio brand on X' }));
    await waitFor(() => expect(api.calls('PATCH', '/api/listening/sources/s1')).toHaveLength(1));
    expect(api.calls('PATCH', '/api/listening/sources/s1')[0].body).toEqual({ state: 'paused' });
    await waitFor(() => expect(rowOf('s1')).toHaveAttribute('data-state', 'paused'));
    expect(within(rowOf('s1')).getByRole('button', { name: 'Resume Lumio brand on X' })).toBeInTheDocument();

    // a source that needs re-auth is resumed once its credentials are fixed
    fireEvent.click(within(rowOf('s3')).getByRole('button', { name: 'Resume Lumio brand on Reddit' }));
    await waitFor(() => expect(api.calls('PATCH', '/api/listening/sources/s3')).toHaveLength(1));
    expect(api.calls('PATCH', '/api/listening/sources/s3')[0].body).toEqual({ state: 'active' });
    await waitFor(() => expect(rowOf('s3')).toHaveAttribute('data-state', 'active'));
    expect(screen.queryByTestId('needs-reauth-alert')).not.toBeInTheDocument();
  });

  it('offers no pause or resume without listening.write', async () => {
    setup({ me: makeMe('agent') });
    await screen.findAllByTestId('source-row');
    await waitFor(() =>
      expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument(),
    );
    expect(screen.queryByRole('button', { name: /^(Pause|Resume)/ })).not.toBeInTheDocument();
  });

  it('refreshes every 5 seconds', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    const { api } = setup();
    await screen.findAllByTestId('source-row');
    const before = api.calls('GET', '/api/listening/sources').length;
    api.sources[0] = { ...api.sources[0], state: 'backing_off', lastError: 'temporary: X answered 503' };
    await act(async () => {
      jest.advanceTimersByTime(SOURCES_REFETCH_MS);
    });
    await waitFor(() => expect(rowOf('s1')).toHaveAttribute('data-state', 'backing_off'));
    expect(api.calls('GET', '/api/listening/sources').length).toBeGreaterThan(before);
  });

  it('speaks French', async () => {
    setup({}, 'fr');
    await screen.findAllByTestId('source-row');
    expect(screen.getByRole('columnheader', { name: 'Dernière collecte' })).toBeInTheDocument();
    expect(within(rowOf('s3')).getByTestId('source-state')).toHaveTextContent('À réauthentifier');
    expect(
      await within(rowOf('s1')).findByRole('button', { name: 'Mettre en pause Lumio brand sur X' }),
    ).toBeInTheDocument();
  });
});
