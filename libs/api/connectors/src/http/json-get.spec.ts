import { FakePlatform } from '../testing/fake-platform';
import { readFixtureText } from '../testing/fixtures';
import { connectorFailure } from '../testing/mention-source-harness';
import { describeErrorBody } from './http-errors';
import { buildUrl, getJson, type HttpEndpoint } from './json-get';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('getJson', () => {
  let platform: FakePlatform;
  let endpoint: HttpEndpoint;

  beforeEach(async () => {
    platform = await FakePlatform.start();
    endpoint = {
      label: 'Mastodon',
      baseUrl: `${platform.url}/mastodon/`,
      timeoutMs: 500,
      headers: { authorization: 'Bearer t' },
      now: () => NOW,
    };
  });
  afterEach(() => platform.close());

  it('returns the parsed body and the rate limit, and sends the headers and the query under the base path', async () => {
    platform.reply({
      body: { ok: true },
      headers: { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '30' },
    });
    const response = await getJson(endpoint, '/api/v2/search', {
      q: 'a b',
      limit: 40,
      min_id: null,
      max_id: '',
    });
    expect(response.body).toEqual({ ok: true });
    expect(response.rateLimit).toEqual({ limit: null, remaining: 5, resetAt: new Date(NOW + 30_000) });
    const [request] = platform.requests;
    expect(request.path).toBe('/mastodon/api/v2/search');
    expect([...request.query.entries()]).toEqual([
      ['q', 'a b'],
      ['limit', '40'],
    ]);
    expect(request.headers['authorization']).toBe('Bearer t');
  });

  it('calls a non-JSON or truncated 200 body temporary', async () => {
    platform.reply(
      { body: '<html>maintenance</html>' },
      { body: { posts: ['x'.repeat(200)] }, truncate: true },
    );
    const notJson = await connectorFailure(getJson(endpoint, '/x', {}));
    expect(notJson.code).toBe('temporary');
    expect(notJson.message).toMatch(/Mastodon sent a malformed body/);
    const cut = await connectorFailure(getJson(endpoint, '/x', {}));
    expect(cut.code).toBe('temporary');
    expect(cut.message).toMatch(/^Mastodon sent a truncated body/);
  });

  it('calls a JSON body cut short but complete on the wire temporary', async () => {
    platform.reply({
      status: 200,
      body: '{"statuses":[{"id":"1"',
      headers: { 'content-type': 'application/json' },
    });
    const error = await connectorFailure(getJson(endpoint, '/x', {}));
    expect(error.code).toBe('temporary');
    expect(error.message).toMatch(/malformed body/);
  });

  it('calls a timeout and an unreachable host temporary', async () => {
    platform.reply({ hang: true });
    const slow = await connectorFailure(getJson(endpoint, '/x', {}));
    expect(slow.code).toBe('temporary');
    expect(slow.message).toMatch(/no answer within 500 ms/);
    const closed = await connectorFailure(getJson({ ...endpoint, baseUrl: 'http://127.0.0.1:9' }, '/x', {}));
    expect(closed.code).toBe('temporary');
    expect(closed.message).toMatch(/^Mastodon could not be reached/);
  });

  it('maps a 429 with a plain-text body (X 2020) and its reset header', async () => {
    platform.reply({
      status: 429,
      body: readFixtureText('x', 'Single_Tweet__429_Rate_Limit_Exceeded.body'),
      headers: { 'x-rate-limit-reset': String(NOW / 1000 + 900) },
    });
    const error = await connectorFailure(getJson({ ...endpoint, label: 'X' }, '/x', {}));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAt: new Date(NOW + 900_000) });
    expect(error.message).toBe('X rate limit reached: Rate limit exceeded');
  });

  it('maps a 429 with a JSON body and Retry-After, or nothing (a minute)', async () => {
    platform.reply(
      {
        status: 429,
        body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
        headers: { 'retry-after': '20' },
      },
      { status: 429, body: { message: 'Too Many Requests', error: 429 } },
    );
    const first = await connectorFailure(getJson({ ...endpoint, label: 'Bluesky' }, '/x', {}));
    expect(first.message).toBe('Bluesky rate limit reached: RateLimitExceeded: Rate Limit Exceeded');
    expect(first.retryAt).toEqual(new Date(NOW + 20_000));
    const second = await connectorFailure(getJson({ ...endpoint, label: 'Reddit' }, '/x', {}));
    expect(second.message).toBe('Reddit rate limit reached: Too Many Requests');
    expect(second.retryAt).toEqual(new Date(NOW + 60_000));
  });

  it.each([
    [
      401,
      { error: 'The access token is invalid' },
      'auth_invalid',
      'Mastodon refused the credentials (401): The access token is invalid',
    ],
    [
      403,
      { error: 'This action is outside the authorized scopes' },
      'auth_invalid',
      /refused the credentials \(403\)/,
    ],
    [404, { error: 'Record not found' }, 'not_found', 'Mastodon: not found: Record not found'],
    [
      422,
      { error: 'Validation failed' },
      'bad_query',
      'Mastodon rejected the request (422): Validation failed',
    ],
    [
      503,
      '<html><body><h1>503 Service Unavailable</h1></body></html>',
      'temporary',
      'Mastodon server error 503: 503 Service Unavailable',
    ],
  ])('maps HTTP %i to %s', async (status, body, code, message) => {
    platform.reply({ status, body });
    const error = await connectorFailure(getJson(endpoint, '/x', {}));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });
});

describe('describeErrorBody', () => {
  it('reads the platforms’ error shapes', () => {
    expect(
      describeErrorBody({
        title: 'Too Many Requests',
        type: 'about:blank',
        status: 429,
        detail: 'Too Many Requests',
      }),
    ).toBe('Too Many Requests');
    expect(describeErrorBody({ errors: [{ message: 'Invalid Request' }] })).toBe('Invalid Request');
    expect(describeErrorBody({ error: 'BadQueryString', message: 'Error: q must be a string' })).toBe(
      'BadQueryString: Error: q must be a string',
    );
    expect(describeErrorBody('   ')).toBeNull();
    expect(describeErrorBody('x'.repeat(500))).toHaveLength(201);
  });
});

describe('buildUrl', () => {
  it('keeps the base path prefix and drops empty parameters', () => {
    expect(buildUrl('http://sim:1/reddit', 'search', { q: 'x', after: null }).toString()).toBe(
      'http://sim:1/reddit/search?q=x',
    );
  });
});
