import {
  createTestQueryClient,
  renderRoutes,
  stubFetch,
  type StubRequest,
} from '../../../../../tests/support/web/test-utils';
import type { ConversationSummaryDto, MeResponse } from '@ecoute/contracts';
import { setToken, clearToken } from '@ecoute/web-data-access';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  makeAuthor,
  makeConversation,
  makeDetail,
  makeMe,
  makeMention,
  makeReply,
} from '../../../../../tests/support/web/fixtures';
import { InboxPage } from './inbox-page';

const routes = [
  { path: '/inbox', element: <InboxPage /> },
  { path: '/inbox/:conversationId', element: <InboxPage /> },
];

const claire = makeConversation();
const marc = makeConversation({
  id: 'c2',
  status: 'open',
  priority: 'normal',
  subject: makeMention({
    id: 'm2',
    text: 'Loving the new Lumio app, great job',
    author: makeAuthor({ id: 'a2', handle: 'marc', name: 'Marc', verified: false }),
    sentiment: {
      score: 0.7,
      label: 'positive',
      confidence: 0.91,
      explanation: [
        { text: 'loving', weight: 0.8, source: 'lexicon' },
        { text: 'great', weight: 0.6, source: 'lexicon', intensified: true },
      ],
    },
    intents: ['praise'],
    intentEvidence: { praise: [{ text: 'great job', weight: 1, source: 'rule' }] },
  }),
});
marc.author = marc.subject.author;

function api(list: ConversationSummaryDto[], me: MeResponse = makeMe('agent')) {
  return stubFetch((req: StubRequest) => {
    const path = req.url.split('?')[0];
    if (path === '/api/auth/me') return { status: 200, body: me };
    if (req.method === 'POST' && /^\/api\/mentions\/[^/]+\/corrections$/.test(path)) return { status: 204 };
    if (path === '/api/conversations') return { status: 200, body: { items: list, nextCursor: null } };
    const m = /^\/api\/conversations\/([^/]+)$/.exec(path);
    if (m) {
      const c = list.find((x) => x.id === m[1]);
      if (!c)
        return {
          status: 404,
          body: { statusCode: 404, error: 'Not Found', message: `conversation ${m[1]} not found` },
        };
      return {
        status: 200,
        body: makeDetail(
          c,
          c.id === 'c2'
            ? undefined
            : [
                ...makeDetail(c).messages,
                makeReply({ delivery: { state: 'queued', platformPostId: null, error: null, attempts: 1 } }),
              ],
        ),
      };
    }
    return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'no route' } };
  });
}

function press(key: string, target: Element = document.body) {
  fireEvent.keyDown(target, { key });
}

beforeEach(() => setToken('test-token'));
afterEach(() => clearToken());

describe('InboxPage', () => {
  it('lists the conversations with their author, excerpt and badges, and asks for new and open ones', async () => {
    const fetchMock = api([claire, marc]);
    renderRoutes({ routes, initialPath: '/inbox', queryClient: createTestQueryClient() });

    const items = await screen.findAllByTestId('conversation-item');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText('Claire Dubois')).toBeInTheDocument();
    expect(within(items[0]).getByText('@claire_d')).toBeInTheDocument();
    expect(within(items[0]).getByText(/fibre has been down/)).toBeInTheDocument();
    expect(within(items[0]).getByText('Negative')).toBeInTheDocument();
    expect(within(items[0]).getByText('High')).toBeInTheDocument();
    expect(within(items[1]).getByText('Positive')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Conversations' })).toBeInTheDocument();
    expect(screen.getByTestId('no-conversation-selected')).toBeInTheDocument();
    expect(
      fetchMock.mock.calls.some(([url]) => String(url) === '/api/conversations?status=new%2Copen&limit=50'),
    ).toBe(true);
  });

  it('shows an explicit empty state', async () => {
    api([]);
    renderRoutes({ routes, initialPath: '/inbox', queryClient: createTestQueryClient() });
    expect(await screen.findByTestId('inbox-empty')).toHaveTextContent('Inbox zero');
  });

  it('is driven by the keyboard: j/k move, Enter opens, r focuses the composer, Escape leaves it', async () => {
    api([claire, marc]);
    const { location } = renderRoutes({
      routes,
      initialPath: '/inbox',
      queryClient: createTestQueryClient(),
    });
    const items = await screen.findAllByTestId('conversation-item');

    press('j');
    expect(items[0]).toHaveAttribute('data-active');
    expect(within(items[0]).getByRole('link')).toHaveFocus();
    press('j', document.activeElement ?? document.body);
    expect(items[1]).toHaveAttribute('data-active');
    press('k', document.activeElement ?? document.body);
    expect(items[0]).toHaveAttribute('data-active');

    // Enter on the page (not on a link) opens the row under the cursor
    act(() => (document.activeElement as HTMLElement).blur());
    press('Enter');
    await waitFor(() => expect(location().pathname).toBe('/inbox/c1'));
    expect(await screen.findByText('Sorry about that! We are on it.')).toBeInTheDocument();
    expect(items[0]).toHaveAttribute('data-selected');
    expect(within(items[0]).getByRole('link')).toHaveAttribute('aria-current', 'page');

    // the thread: the mention with its sentiment explanation, the reply with its delivery state
    expect(screen.getByTestId('sentiment-evidence')).toHaveTextContent('terrible');
    expect(
      [...screen.getByTestId('message-text').querySelectorAll('[data-testid="evidence-mark"]')].map(
        (m) => `${m.textContent}:${m.getAttribute('data-polarity')}`,
      ),
    ).toEqual(['down:negative', 'terrible:negative']);
    expect(screen.getByTitle('Complaint: down')).toHaveAttribute('data-intent', 'complaint');
    expect(
      screen.getByRole('button', { name: 'Correct the analysis of the mention by Claire Dubois' }),
    ).toBeInTheDocument();
    const delivery = screen.getByTestId('delivery-state');
    expect(delivery).toHaveAttribute('data-state', 'queued');
    expect(delivery).toHaveTextContent('Queued');
    // the context panel
    expect(within(screen.getByTestId('context-panel')).getByText('12.3K')).toHaveAttribute('title', '12,345');

    press('r');
    const composer = screen.getByLabelText('Reply');
    expect(composer).toHaveFocus();
    // typing "j" in the composer types, it does not move the list
    press('j', composer);
    expect(items[0]).toHaveAttribute('data-active');

    fireEvent.keyDown(composer, { key: 'Escape' });
    expect(within(items[0]).getByRole('link')).toHaveFocus();
  });

  it('opens a conversation on click and shows its author panel', async () => {
    api([claire, marc]);
    const { location } = renderRoutes({
      routes,
      initialPath: '/inbox',
      queryClient: createTestQueryClient(),
    });
    const items = await screen.findAllByTestId('conversation-item');
    fireEvent.click(within(items[1]).getByRole('link'));
    await waitFor(() => expect(location().pathname).toBe('/inbox/c2'));
    const panel = await screen.findByTestId('context-panel');
    expect(within(panel).getByText('Marc')).toBeInTheDocument();
    expect(within(panel).getByText('Praise')).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: /Open the post on X/ })).toHaveAttribute(
      'href',
      marc.subject.url,
    );
  });

  it("hides the composer from a role that can't reply", async () => {
    api([claire], makeMe('analyst'));
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    expect(await screen.findByText(/The Analyst role can read the inbox but not reply/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Reply')).not.toBeInTheDocument();
    expect(screen.queryByTestId('correct-mention')).not.toBeInTheDocument();
  });

  it('says, instead of the composer, why a reply cannot be posted on the platform', async () => {
    const hn = makeConversation({ ...claire, id: 'c9', platform: 'hackernews', replies: { possible: false, code: 'no_api', reason: 'Hacker News has no API for posting' } });
    api([hn]);
    renderRoutes({ routes, initialPath: '/inbox/c9', queryClient: createTestQueryClient() });
    expect(await screen.findByText('Hacker News has no API for posting replies: answer on Hacker News itself.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Reply')).not.toBeInTheDocument();
  });

  it('corrects the analysis of the inbound mention, then refreshes the conversation', async () => {
    const fetchMock = api([claire]);
    renderRoutes({ routes, initialPath: '/inbox/c1', queryClient: createTestQueryClient() });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Correct the analysis of the mention by Claire Dubois' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Correct the analysis' });
    // keys in the dialog do not drive the inbox
    const row = screen.getAllByTestId('conversation-item')[0];
    const activeBefore = row.hasAttribute('data-active');
    fireEvent.keyDown(within(dialog).getByRole('radio', { name: 'Neutral' }), { key: 'k' });
    fireEvent.keyDown(within(dialog).getByRole('radio', { name: 'Neutral' }), { key: 'j' });
    expect(row.hasAttribute('data-active')).toBe(activeBefore);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Neutral' }));
    const detailCalls = () =>
      fetchMock.mock.calls.filter(
        ([url, init]) => url === '/api/conversations/c1' && (init?.method ?? 'GET') === 'GET',
      ).length;
    const before = detailCalls();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the correction' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const post = fetchMock.mock.calls.find(([url]) => url === '/api/mentions/m1/corrections');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ sentiment: 'neutral' });
    await waitFor(() => expect(detailCalls()).toBeGreaterThan(before));
  });

  it("shows the API's message when a conversation can't be loaded", async () => {
    api([claire]);
    renderRoutes({ routes, initialPath: '/inbox/nope', queryClient: createTestQueryClient() });
    expect(await screen.findByText('conversation nope not found')).toBeInTheDocument();
  });
});
