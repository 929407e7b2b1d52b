import { createTestQueryClient, renderRoutes, stubFetch } from '../../../../../tests/support/web/test-utils';
import {
  makeListeningQuery,
  makeMe,
  makePreviewMention,
  makePreviewPlatform,
} from '../../../../../tests/support/web/fixtures';
import {
  defaultCompile,
  fakeListeningApi,
  type FakeListeningApiOptions,
} from '../../../../../tests/support/web/fake-listening-api';
import type { CompileListeningQueryRequest, PreviewResultDto } from '@ecoute/contracts';
import { clearToken, setToken } from '@ecoute/web-data-access';
import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ListeningQueriesPage } from './queries-page';

const routes = [
  { path: '/listening', element: <ListeningQueriesPage /> },
  { path: '/listening/queries/new', element: <ListeningQueriesPage /> },
  { path: '/listening/queries/:queryId', element: <ListeningQueriesPage /> },
];

// The editor is a large form: in jsdom each interaction re-renders it in ~100 ms, and a whole create flow takes
// 2-3 s, more when every suite runs in parallel. Room, not a speed target.
jest.setTimeout(15_000);

const X_LIMIT_ERROR = 'the X query is 530 characters; X allows at most 512';

function setup(initialPath: string, options: FakeListeningApiOptions = {}, language: 'en' | 'fr' = 'en') {
  const api = fakeListeningApi(options);
  const fetchMock = stubFetch(api.handler);
  const view = renderRoutes({ routes, initialPath, queryClient: createTestQueryClient(), language });
  return { api, fetchMock, ...view };
}

/** Types into a tags input and presses Enter, as a user adds one tag. */
function addTag(label: string, value: string) {
  const input = screen.getByLabelText(label);
  // Mantine ignores changes to an input that does not have the focus (autofill)
  act(() => input.focus());
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

beforeEach(() => setToken('t'));
afterEach(() => {
  clearToken();
  act(() => notifications.clean());
});

describe('ListeningQueriesPage: the list', () => {
  it('lists the queries with their kind, platforms, state and a link to their mentions', async () => {
    setup('/listening', {
      queries: [
        makeListeningQuery(),
        makeListeningQuery({
          id: 'q2',
          name: 'Fibrio',
          kind: 'competitor',
          platforms: ['reddit'],
          active: false,
        }),
      ],
    });
    const rows = await screen.findAllByTestId('query-row');
    expect(rows).toHaveLength(2);
    const [lumio, fibrio] = rows;
    expect(within(lumio).getByRole('link', { name: 'Lumio brand' })).toHaveAttribute(
      'href',
      '/listening/queries/q1',
    );
    expect(within(lumio).getByText('Brand').closest('[data-kind]')).toHaveAttribute('data-kind', 'brand');
    expect(within(lumio).getByText('X')).toBeInTheDocument();
    expect(within(lumio).getByText('Mastodon')).toBeInTheDocument();
    expect(within(lumio).getByText(/lumio · "lumio fibre" · #lumio · @lumio_help/)).toBeInTheDocument();
    expect(within(fibrio).getByText('Competitor').closest('[data-kind]')).toHaveAttribute(
      'data-kind',
      'competitor',
    );
    expect(within(lumio).getByRole('switch', { name: 'Active: Lumio brand' })).toBeChecked();
    expect(within(fibrio).getByRole('switch', { name: 'Active: Fibrio' })).not.toBeChecked();
    expect(within(fibrio).getByRole('link', { name: 'View mentions of Fibrio' })).toHaveAttribute(
      'href',
      '/listening/mentions?queryId=q2',
    );
    // writers can create one
    expect(screen.getByRole('link', { name: 'New query' })).toHaveAttribute('href', '/listening/queries/new');
  });

  it('pauses a query from its toggle (PATCH { active: false })', async () => {
    const { api } = setup('/listening', { queries: [makeListeningQuery()] });
    const toggle = await screen.findByRole('switch', { name: 'Active: Lumio brand' });
    fireEvent.click(toggle);
    await waitFor(() => expect(api.calls('PATCH', '/api/listening/queries/q1')).toHaveLength(1));
    expect(api.calls('PATCH', '/api/listening/queries/q1')[0].body).toEqual({ active: false });
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(screen.getByTestId('query-row')).toHaveAttribute('data-active', 'false');
  });

  it('is read-only without listening.write: no New query, no toggles, a read-only editor', async () => {
    const { api } = setup('/listening', { me: makeMe('analyst'), queries: [makeListeningQuery()] });
    expect(await screen.findByTestId('read-only')).toHaveTextContent('Analyst');
    await screen.findByTestId('query-row');
    expect(screen.queryByRole('link', { name: 'New query' })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('link', { name: 'Lumio brand' }));
    const editor = await screen.findByTestId('query-editor');
    expect(within(editor).getByLabelText(/^Name/)).toHaveAttribute('readonly');
    expect(within(editor).getByRole('checkbox', { name: 'X' })).toBeDisabled();
    // the compiled form comes with the query: no compile request
    expect(within(editor).getByTestId('compiled-x')).toHaveTextContent('(lumio OR "lumio fibre")');
    expect(within(editor).queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(within(editor).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(api.calls('POST', '/api/listening/compile')).toHaveLength(0);
    // previewing needs only listening.read
    fireEvent.click(within(editor).getByRole('button', { name: 'Preview' }));
    expect(await screen.findByTestId('preview-result-x')).toBeInTheDocument();
    expect(api.calls('POST', '/api/listening/preview')[0].body).toMatchObject({
      platforms: ['x', 'mastodon'],
    });
  });

  it('shows an empty state that invites to create a query', async () => {
    setup('/listening', { queries: [] });
    expect(await screen.findByTestId('queries-empty')).toHaveTextContent('No listening queries yet');
  });
});

describe('ListeningQueriesPage: the editor', () => {
  it('creates a query: compiles it live per platform, then saves it', async () => {
    const { api, location } = setup('/listening/queries/new');
    const editor = await screen.findByTestId('query-editor');
    expect(screen.getByRole('dialog', { name: 'New listening query' })).toBeInTheDocument();
    expect(within(editor).getByText('Pick a platform to see its query.')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Lumio brand' } });
    fireEvent.click(screen.getByLabelText('Campaign'));
    addTag('Include terms', 'lumio');
    addTag('Include terms', '"lumio fibre"');
    addTag('Exclude terms', 'job');
    addTag('Hashtags', 'lumio');
    addTag('Handles', 'lumio_help');
    fireEvent.click(screen.getByLabelText('All of the terms'));
    fireEvent.click(screen.getByLabelText('X'));
    fireEvent.click(screen.getByLabelText('Bluesky'));

    // the compiled form, in monospace, once typing pauses
    const x = await screen.findByTestId('compiled-x');
    await waitFor(() => expect(x).toHaveAttribute('data-state', 'ok'));
    expect(x).toHaveTextContent('(lumio OR "lumio fibre" OR #lumio OR @lumio_help)');
    expect(x.querySelector('pre')).not.toBeNull();
    expect(screen.getByTestId('compiled-bluesky')).toHaveAttribute('data-state', 'ok');
    const compiled = api.calls('POST', '/api/listening/compile');
    expect(compiled.at(-1)?.body).toEqual({
      spec: {
        include: ['lumio', 'lumio fibre'],
        includeMode: 'all',
        exclude: ['job'],
        hashtags: ['#lumio'],
        handles: ['@lumio_help'],
        languages: [],
        includeReposts: false,
      },
      platforms: ['x', 'bluesky'],
    });
    // debounced: far fewer requests than edits
    expect(compiled.length).toBeLessThanOrEqual(3);

    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeEnabled();
    fireEvent.click(save);
    await waitFor(() => expect(api.calls('POST', '/api/listening/queries')).toHaveLength(1));
    expect(api.calls('POST', '/api/listening/queries')[0].body).toEqual({
      name: 'Lumio brand',
      kind: 'campaign',
      spec: compiled.at(-1)?.body && (compiled.at(-1)?.body as CompileListeningQueryRequest).spec,
      platforms: ['x', 'bluesky'],
      active: true,
      pollIntervalSeconds: 60,
    });
    // the drawer closes and the list shows the new query
    await waitFor(() => expect(location().pathname).toBe('/listening'));
    expect(await screen.findByRole('link', { name: 'Lumio brand' })).toBeInTheDocument();
  });

  it("shows a platform's limit error in red and disables Save until the query fits", async () => {
    const { api } = setup('/listening/queries/q1', {
      queries: [makeListeningQuery()],
      compile: (body) => ({
        status: 200,
        body: defaultCompile(body).map((c) =>
          c.platform === 'x' && body.spec.include.length > 2
            ? { ...c, requests: [], error: X_LIMIT_ERROR }
            : c,
        ),
      }),
    });
    await screen.findByTestId('query-editor');
    expect(screen.getByRole('dialog', { name: 'Edit “Lumio brand”' })).toBeInTheDocument();
    const save = screen.getByRole('button', { name: 'Save' });

    addTag('Include terms', 'a very long phrase that X cannot take');
    const x = screen.getByTestId('compiled-x');
    await waitFor(() => expect(x).toHaveAttribute('data-state', 'error'));
    expect(within(x).getByRole('alert')).toHaveTextContent(X_LIMIT_ERROR);
    // the other platform still compiles
    expect(screen.getByTestId('compiled-mastodon')).toHaveAttribute('data-state', 'ok');
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription('Save is disabled while a platform cannot compile the query.');

    // dropping the term (Backspace in the empty field removes the last one) makes it fit again
    const include = screen.getByLabelText('Include terms');
    fireEvent.keyDown(include, { key: 'Backspace' });
    await waitFor(() => expect(x).toHaveAttribute('data-state', 'ok'));
    expect(save).toBeEnabled();
    fireEvent.click(save);
    await waitFor(() => expect(api.calls('PATCH', '/api/listening/queries/q1')).toHaveLength(1));
  });

  it("validates like the server's schema before saving, and puts the focus on the first field to fix", async () => {
    const { api } = setup('/listening/queries/new');
    await screen.findByTestId('query-editor');
    addTag('Hashtags', 'ok_tag');
    addTag('Hashtags', 'not-a-tag');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('The name cannot be empty.')).toBeInTheDocument();
    expect(screen.getByText('“#not-a-tag” is not a hashtag: use letters, digits or _.')).toBeInTheDocument();
    expect(screen.getByText('Pick at least one platform.')).toBeInTheDocument();
    expect(screen.getByTestId('fix-errors')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/^Name/)).toHaveFocus());
    expect(screen.getByLabelText(/^Name/)).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls('POST', '/api/listening/queries')).toHaveLength(0);
  });

  it("shows the server's message when it refuses the query", async () => {
    setup('/listening/queries/new', {
      create: () => ({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: X_LIMIT_ERROR },
      }),
    });
    await screen.findByTestId('query-editor');
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Lumio' } });
    addTag('Include terms', 'lumio');
    fireEvent.click(screen.getByLabelText('X'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('save-error')).toHaveTextContent(X_LIMIT_ERROR);
  });

  it('previews the matches per platform, highlighted, with per-platform errors, storing nothing', async () => {
    const preview: PreviewResultDto = {
      platforms: [
        makePreviewPlatform('x', {
          mentions: [
            makePreviewMention(),
            makePreviewMention({
              externalId: 'p2',
              text: 'Lumio is hiring: job offer',
              authorName: 'Recruiter',
              authorHandle: 'jobs',
              sentiment: 'neutral',
              matchedTerms: ['lumio'],
              filteredOut: true,
            }),
          ],
        }),
        makePreviewPlatform('mastodon', {
          error: { code: 'rate_limited', message: 'Mastodon answered 429; retry after 60 s' },
        }),
      ],
    };
    const { api } = setup('/listening/queries/q1', {
      queries: [makeListeningQuery()],
      preview: () => ({ status: 200, body: preview }),
    });
    await screen.findByTestId('query-editor');
    expect(screen.getByText(/Nothing is stored/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));

    const x = await screen.findByTestId('preview-result-x');
    expect(api.calls('POST', '/api/listening/preview')[0].body).toMatchObject({
      platforms: ['x', 'mastodon'],
      limit: 20,
    });
    const posts = within(x).getAllByTestId('preview-mention');
    expect(posts).toHaveLength(2);
    const marks = posts[0].querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['Lumio fibre']);
    expect(within(posts[0]).getByText('Positive')).toBeInTheDocument();
    expect(within(posts[0]).queryByTestId('filtered-out')).not.toBeInTheDocument();
    expect(within(posts[1]).getByTestId('filtered-out')).toHaveTextContent('Filtered out');
    expect(posts[1]).toHaveAttribute('data-filtered-out', 'true');

    const mastodon = screen.getByTestId('preview-result-mastodon');
    expect(mastodon).toHaveAttribute('data-state', 'error');
    expect(within(mastodon).getByRole('alert')).toHaveTextContent('Mastodon: Rate limited');
    expect(within(mastodon).getByRole('alert')).toHaveTextContent('Mastodon answered 429; retry after 60 s');

    // nothing was saved
    expect(api.calls('PATCH', '/api/listening/queries/q1')).toHaveLength(0);
    expect(api.calls('POST', '/api/listening/queries')).toHaveLength(0);

    // editing afterwards marks the preview as out of date
    addTag('Exclude terms', 'hiring');
    expect(await screen.findByText(/The query has changed since this preview/)).toBeInTheDocument();
  });

  it('deletes a query after a confirmation', async () => {
    const { api, location } = setup('/listening/queries/q1', { queries: [makeListeningQuery()] });
    await screen.findByTestId('query-editor');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete “Lumio brand”?' });
    const keep = within(confirm).getByRole('button', { name: 'Keep it' });
    await waitFor(() => expect(keep).toHaveFocus());

    // Escape cancels the confirmation, not the drawer
    fireEvent.keyDown(keep, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(location().pathname).toBe('/listening/queries/q1');
    expect(api.calls('DELETE', '/api/listening/queries/q1')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete the query' }));
    await waitFor(() => expect(api.calls('DELETE', '/api/listening/queries/q1')).toHaveLength(1));
    await waitFor(() => expect(location().pathname).toBe('/listening'));
    expect(await screen.findByTestId('queries-empty')).toBeInTheDocument();
  });

  it('closes with Escape', async () => {
    const { location } = setup('/listening/queries/q1', { queries: [makeListeningQuery()] });
    const name = await screen.findByLabelText(/^Name/);
    fireEvent.keyDown(name, { key: 'Escape' });
    await waitFor(() => expect(location().pathname).toBe('/listening'));
    await waitFor(() => expect(screen.queryByTestId('query-editor')).not.toBeInTheDocument());
  });

  it('speaks French', async () => {
    setup('/listening/queries/q1', { queries: [makeListeningQuery()] }, 'fr');
    await screen.findByTestId('query-editor');
    for (const label of [
      /^Nom/,
      'Termes à inclure',
      'Termes à exclure',
      'Hashtags',
      'Comptes',
      'Langues',
      'Intervalle de collecte (secondes)',
    ]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByRole('group', { name: /Plateformes/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Aperçu' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Modifier « Lumio brand »' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Marque' })).toBeChecked();
    expect(within(screen.getByTestId('query-row')).getByText('Marque')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Active : Lumio brand' })).toBeChecked();
  });
});
