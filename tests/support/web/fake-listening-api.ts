// A fake of the Listening endpoints for the jsdom specs: a stateful handler for stubFetch (test-utils.tsx).
import type {
  CompileListeningQueryRequest,
  CompiledQueryDto,
  CreateListeningQueryRequest,
  ListeningQueryDto,
  MentionDto,
  MeResponse,
  Page,
  PreviewListeningQueryRequest,
  PreviewResultDto,
  SourceDto,
} from '@ecoute/contracts';
import { makeMe, makePreviewPlatform } from './fixtures';
import type { FetchHandler, StubRequest, StubResponse } from './test-utils';

export interface FakeListeningApiOptions {
  me?: MeResponse;
  queries?: ListeningQueryDto[];
  sources?: SourceDto[];
  mentions?: MentionDto[];
  /** at most this many mentions per page of `GET /api/mentions`, whatever the limit asked (to test paging) */
  pageSize?: number;
  compile?: (body: CompileListeningQueryRequest) => StubResponse;
  preview?: (body: PreviewListeningQueryRequest) => StubResponse;
  create?: (body: CreateListeningQueryRequest) => StubResponse | undefined;
}

export interface FakeListeningApi {
  handler: FetchHandler;
  queries: ListeningQueryDto[];
  sources: SourceDto[];
  requests: StubRequest[];
  /** the requests to one method and path (without the query string) */
  calls: (method: string, path: string) => StubRequest[];
}

const notFound = (what: string): StubResponse => ({
  status: 404,
  body: { statusCode: 404, error: 'Not Found', message: `${what} not found` },
});

/** A plausible compile: one request per platform, `a OR b` (X) or the terms with spaces (others). */
export function defaultCompile(body: CompileListeningQueryRequest): CompiledQueryDto[] {
  const terms = [
    ...body.spec.include.map((x) => (x.includes(' ') ? `"${x}"` : x)),
    ...body.spec.hashtags,
    ...body.spec.handles,
  ];
  return body.platforms.map((platform) => ({
    platform,
    requests: [platform === 'x' ? `(${terms.join(' OR ')})` : terms.join(' ')],
    error: null,
  }));
}

export function fakeListeningApi(options: FakeListeningApiOptions = {}): FakeListeningApi {
  const me = options.me ?? makeMe('admin');
  const queries = [...(options.queries ?? [])];
  const sources = [...(options.sources ?? [])];
  const mentions = options.mentions ?? [];
  const pageSize = options.pageSize ?? Number.POSITIVE_INFINITY;
  const requests: StubRequest[] = [];
  let nextId = 100;

  const handler: FetchHandler = (req) => {
    requests.push(req);
    const [path, qs = ''] = req.url.split('?');
    const params = new URLSearchParams(qs);
    const m = req.method;
    if (path === '/api/auth/me') return { status: 200, body: me };
    if (path === '/api/listening/queries' && m === 'GET') return { status: 200, body: queries };
    if (path === '/api/listening/queries' && m === 'POST') {
      const body = req.body as CreateListeningQueryRequest;
      const custom = options.create?.(body);
      if (custom) return custom;
      const created: ListeningQueryDto = {
        ...body,
        id: `q${nextId++}`,
        compiled: defaultCompile(body),
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      };
      queries.push(created);
      return { status: 201, body: created };
    }
    const one = /^\/api\/listening\/queries\/([^/]+)$/.exec(path);
    if (one) {
      const i = queries.findIndex((q) => q.id === one[1]);
      if (i < 0) return notFound(`listening query ${one[1]}`);
      if (m === 'GET') return { status: 200, body: queries[i] };
      if (m === 'PATCH') {
        queries[i] = { ...queries[i], ...(req.body as Partial<ListeningQueryDto>) };
        return { status: 200, body: queries[i] };
      }
      if (m === 'DELETE') {
        queries.splice(i, 1);
        return { status: 204 };
      }
    }
    if (path === '/api/listening/compile' && m === 'POST') {
      const body = req.body as CompileListeningQueryRequest;
      return options.compile?.(body) ?? { status: 200, body: defaultCompile(body) };
    }
    if (path === '/api/listening/preview' && m === 'POST') {
      const body = req.body as PreviewListeningQueryRequest;
      if (options.preview) return options.preview(body);
      const result: PreviewResultDto = { platforms: body.platforms.map((p) => makePreviewPlatform(p)) };
      return { status: 200, body: result };
    }
    if (path === '/api/listening/sources' && m === 'GET') return { status: 200, body: sources };
    const source = /^\/api\/listening\/sources\/([^/]+)$/.exec(path);
    if (source && m === 'PATCH') {
      const i = sources.findIndex((s) => s.id === source[1]);
      if (i < 0) return notFound(`source ${source[1]}`);
      const changes = req.body as Partial<SourceDto>;
      sources[i] = { ...sources[i], ...changes, ...(changes.state ? { lastError: null } : {}) };
      return { status: 200, body: sources[i] };
    }
    if (path === '/api/mentions' && m === 'GET') {
      const queryId = params.get('queryId');
      const platform = params.get('platform');
      const limit = Math.min(Number(params.get('limit') ?? 50), pageSize);
      const matching = mentions.filter(
        (x) => (!queryId || x.queryIds.includes(queryId)) && (!platform || x.platform === platform),
      );
      const start = Number(params.get('cursor') ?? 0);
      const items = matching.slice(start, start + limit);
      const next = start + limit < matching.length ? String(start + limit) : null;
      const page: Page<MentionDto> = { items, nextCursor: next };
      return { status: 200, body: page };
    }
    return notFound(`${m} ${path}`);
  };

  return {
    handler,
    queries,
    sources,
    requests,
    calls: (method, path) => requests.filter((r) => r.method === method && r.url.split('?')[0] === path),
  };
}
