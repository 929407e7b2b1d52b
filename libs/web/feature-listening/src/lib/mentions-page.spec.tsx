import { createTestQueryClient, renderRoutes, stubFetch } from '../../../../../tests/support/web/test-utils';
import { makeAuthor, makeListeningQuery, makeMention } from '../../../../../tests/support/web/fixtures';
import {
  fakeListeningApi,
  type FakeListeningApiOptions,
} from '../../../../../tests/support/web/fake-listening-api';
import { MENTION_STREAM_REFETCH_MS, clearToken, setToken } from '@ecoute/web-data-access';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ListeningMentionsPage } from './mentions-page';

const routes = [{ path: '/listening/mentions', element: <ListeningMentionsPage /> }];

const claire = makeMention();
const marc = makeMention({
  id: 'm2',
  platform: 'mastodon',
  url: 'https://mastodon.social/@marc/2',
  text: 'Fibrio is cheaper than Lumio, honestly great value',
  author: makeAuthor({ id: 'a2', platform: 'mastodon', handle: 'marc', name: 'Marc', verified: false }),
  sentiment: {
    score: 0.5,
    label: 'positive',
    confidence: 0.74,
    explanation: [{ text: 'great', weight: 0.7, source: 'lexicon' }],
  },
  intents: [],
  intentEvidence: {},
  queryIds: ['q1', 'q2'],
  matches: [
    { queryId: 'q1', queryName: 'Lumio brand', terms: ['lumio'] },
    { queryId: 'q2', queryName: 'Fibrio', terms: ['fibrio'] },
  ],
});
const zoe = makeMention({
  id: 'm3',
  text: 'Switched to Fibrio today',
  author: makeAuthor({ id: 'a3', handle: 'zoe', name: 'Zoé' }),
  queryIds: ['q2'],
  matches: [{ queryId: 'q2', queryName: 'Fibrio', terms: ['fibrio'] }],
});

const queries = [
  makeListeningQuery(),
  makeListeningQuery({ id: 'q2', name: 'Fibrio', kind: 'competitor', platforms: ['x', 'mastodon'] }),
];

function setup(
  initialPath = '/listening/mentions',
  options: FakeListeningApiOptions = {},
  language: 'en' | 'fr' = 'en',
) {
  const api = fakeListeningApi({ queries, mentions: [claire, marc, zoe], ...options });
  stubFetch(api.handler);
  const view = renderRoutes({ routes, initialPath, queryClient: createTestQueryClient(), language });
  return { api, ...view };
}

const cards = () => screen.getAllByTestId('mention-card');
/** the matched terms' highlights (the sentiment evidence has its own) */
const marks = (el: HTMLElement) =>
  [...el.querySelectorAll('mark:not([data-testid="evidence-mark"])')].map((m) => m.textContent);
const evidenceMarks = (el: HTMLElement) =>
  [...el.querySelectorAll('[data-testid="evidence-mark"]')].map((m) => [
    m.textContent,
    m.getAttribute('data-polarity'),
  ]);

beforeEach(() => setToken('t'));
afterEach(() => {
  clearToken();
  jest.useRealTimers();
});

describe('ListeningMentionsPage', () => {
  it('shows the stream with the matched terms highlighted, the sentiment and why, and the original post', async () => {
    setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    const [first, second] = cards();
    expect(first).toHaveAttribute('data-platform', 'x');
    expect(within(first).getByText('Claire Dubois')).toBeInTheDocument();
    expect(within(first).getByText('@claire_d')).toBeInTheDocument();
    expect(within(first).getByRole('time')).toBeInTheDocument();
    expect(marks(first)).toEqual(['lumio', 'fibre']);
    expect(within(first).getByText('Negative')).toBeInTheDocument();
    const why = within(first).getByTestId('sentiment-evidence');
    expect(why).toHaveTextContent('82% confident');
    expect(
      within(why)
        .getAllByTestId('evidence-chip')
        .map((c) => [c.dataset.polarity, c.dataset.source, c.textContent]),
    ).toEqual([
      ['negative', 'lexicon', 'terrible -0.9 lexicon'],
      ['negative', 'model', 'down -0.4 model'],
    ]);
    // the evidence is highlighted in the text too, by polarity, and says what it stands for
    expect(evidenceMarks(first)).toEqual([
      ['down', 'negative'],
      ['terrible', 'negative'],
    ]);
    expect(within(first).getAllByTestId('evidence-mark')[1]).toHaveAttribute(
      'title',
      'negative: terrible (-0.9)',
    );
    // the intent says why
    expect(within(first).getByTitle('Complaint: down')).toHaveAttribute('data-intent', 'complaint');
    expect(within(first).getByRole('link', { name: 'Open the post on X' })).toHaveAttribute(
      'href',
      claire.url,
    );
    expect(within(first).getByTestId('mention-match')).toHaveTextContent('Lumio brand');

    // a mention of two queries: the terms of both
    expect(marks(second)).toEqual(['Fibrio', 'Lumio']);
    expect(
      within(second)
        .getAllByTestId('mention-match')
        .map((b) => b.textContent),
    ).toEqual(['Lumio brand', 'Fibrio']);
    expect(within(second).getByText('Positive')).toBeInTheDocument();
    expect(evidenceMarks(second)).toEqual([['great', 'positive']]);
    expect(within(second).getByRole('link', { name: 'Open the post on Mastodon' })).toBeInTheDocument();
  });

  it('filters by query and by platform, through the API and the address', async () => {
    const { api, location } = setup();
    await waitFor(() => expect(cards()).toHaveLength(3));

    const querySelect = screen.getByLabelText('Query');
    await waitFor(() =>
      expect(within(querySelect).getByRole('option', { name: 'Fibrio' })).toBeInTheDocument(),
    );
    fireEvent.change(querySelect, { target: { value: 'q2' } });
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(location().search).toBe('?queryId=q2');
    expect(api.calls('GET', '/api/mentions').at(-1)?.url).toBe('/api/mentions?limit=50&queryId=q2');
    // only the selected query's terms are highlighted
    expect(marks(cards()[0])).toEqual(['Fibrio']);

    fireEvent.change(screen.getByLabelText('Platform'), { target: { value: 'mastodon' } });
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(cards()[0]).toHaveAttribute('data-mention-id', 'm2');
    expect(api.calls('GET', '/api/mentions').at(-1)?.url).toBe(
      '/api/mentions?limit=50&queryId=q2&platform=mastodon',
    );

    fireEvent.change(screen.getByLabelText('Platform'), { target: { value: 'bluesky' } });
    expect(await screen.findByTestId('mentions-empty')).toHaveTextContent('No mentions match these filters');

    fireEvent.change(screen.getByLabelText('Query'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Platform'), { target: { value: '' } });
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(location().search).toBe('');
  });

  it('opens filtered from a query link, and loads older mentions with the cursor', async () => {
    const { api } = setup('/listening/mentions?queryId=q1', { pageSize: 1 });
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(screen.getByLabelText('Query')).toHaveValue('q1');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(api.calls('GET', '/api/mentions').at(-1)?.url).toBe('/api/mentions?limit=50&cursor=1&queryId=q1');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText('That is the oldest mention.')).toBeInTheDocument();
  });

  it('brings new mentions every 10 seconds without a reload', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    const mentions = [marc];
    setup('/listening/mentions', { mentions });
    await waitFor(() => expect(cards()).toHaveLength(1));
    mentions.unshift(makeMention({ id: 'm9', text: 'Lumio support just fixed it, thanks' }));
    await act(async () => {
      jest.advanceTimersByTime(MENTION_STREAM_REFETCH_MS);
    });
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(cards()[0]).toHaveAttribute('data-mention-id', 'm9');
  });

  it('speaks French', async () => {
    setup('/listening/mentions', {}, 'fr');
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(screen.getByLabelText('Requête')).toBeInTheDocument();
    expect(screen.getByLabelText('Plateforme')).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Toutes les plateformes' })).toBeInTheDocument();
    expect(within(cards()[0]).getByText('Négatif')).toBeInTheDocument();
    expect(within(cards()[0]).getByRole('link', { name: 'Ouvrir la publication sur X' })).toBeInTheDocument();
  });
});
