import {
  createTestQueryClient,
  renderRoutes,
  stubFetch,
  type StubRequest,
} from '../../../../../tests/support/web/test-utils';
import { makeMention } from '../../../../../tests/support/web/fixtures';
import type { OverviewResponse } from '@ecoute/contracts';
import { clearToken, setToken } from '@ecoute/web-data-access';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { OverviewPage } from './overview-page';

// jsdom has no canvas: the charts render as their accessible image only.
jest.mock('react-chartjs-2', () => {
  const stub = (props: { 'aria-label'?: string; data: { labels: string[] } }) => (
    <canvas role="img" aria-label={props['aria-label']} data-buckets={props.data.labels.length} />
  );
  return { Bar: stub, Line: stub };
});

function overview(q: URLSearchParams): OverviewResponse {
  const bucket = q.get('bucket') as 'hour' | 'day';
  return {
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
    bucket,
    series: [{ t: q.get('from') ?? '', total: 10, positive: 6, neutral: 1, negative: 3 }],
    totals: { total: 1234, positive: 600, neutral: 334, negative: 300 },
    netSentiment: 33.3,
    openConversations: 7,
  };
}

const routes = [{ path: '/overview', element: <OverviewPage /> }];

beforeEach(() => setToken('t'));
afterEach(() => clearToken());

describe('OverviewPage', () => {
  it('shows the KPIs with their definitions, the charts and the latest mentions', async () => {
    const fetchMock = stubFetch((req: StubRequest) => {
      const [path, qs] = req.url.split('?');
      if (path === '/api/reports/overview') return { status: 200, body: overview(new URLSearchParams(qs)) };
      if (path === '/api/mentions')
        return { status: 200, body: { items: [makeMention()], nextCursor: null } };
      return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'no route' } };
    });
    const { location } = renderRoutes({
      routes,
      initialPath: '/overview',
      queryClient: createTestQueryClient(),
    });

    const mentions = await screen.findByTestId('kpi-mentions');
    await waitFor(() => expect(mentions).toHaveTextContent('1,234'));
    expect(screen.getByTestId('kpi-net-sentiment')).toHaveTextContent('+33.3');
    expect(screen.getByTestId('kpi-open-conversations')).toHaveTextContent('7');
    const info = screen.getByRole('button', { name: 'Definition of Net sentiment' });
    expect(info).toHaveAccessibleDescription(/\(positive − negative\) ÷ \(positive \+ negative\)/);

    // 24 h: hour buckets, every hour of the range present
    const volume = await screen.findByRole('img', {
      name: /mention volume over the last 24 h: 1,234 mentions/i,
    });
    expect(volume).toHaveAttribute('data-buckets', '24');
    expect(
      fetchMock.mock.calls.some(([url]) => /\/api\/reports\/overview\?.*bucket=hour/.test(String(url))),
    ).toBe(true);
    expect(fetchMock.mock.calls.some(([url]) => String(url) === '/api/mentions?limit=20')).toBe(true);
    expect(within(await screen.findByTestId('latest-mentions')).getAllByTestId('mention-item')).toHaveLength(
      1,
    );

    // 7 days: day buckets
    fireEvent.click(screen.getByRole('radio', { name: '7 days' }));
    await waitFor(() => expect(location().search).toBe('?range=7d'));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(([url]) => /\/api\/reports\/overview\?.*bucket=day/.test(String(url))),
      ).toBe(true),
    );
    await waitFor(() =>
      expect(screen.getByRole('img', { name: /mention volume over the last 7 days/i })).toHaveAttribute(
        'data-buckets',
        '7',
      ),
    );
  });

  it("shows the API's message when the report fails", async () => {
    stubFetch((req) =>
      req.url.startsWith('/api/mentions')
        ? { status: 200, body: { items: [], nextCursor: null } }
        : { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'from must be before to' } },
    );
    renderRoutes({ routes, initialPath: '/overview', queryClient: createTestQueryClient() });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The overview could not be loaded');
    expect(alert).toHaveTextContent('from must be before to');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(await screen.findByText('No mentions yet')).toBeInTheDocument();
  });
});
