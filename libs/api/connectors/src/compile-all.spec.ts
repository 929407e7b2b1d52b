import { ListeningQuerySpec, PLATFORMS } from '@ecoute/contracts';
import { createMentionSources } from './mention-sources.factory';
import { compileAll } from './compile-all';
import type { MentionSources } from './types';

const endpoint = (path: string) => ({
  baseUrl: `http://127.0.0.1:1/${path}`,
  accessToken: 't',
  timeoutMs: 1000,
});

describe('compileAll', () => {
  const spec = ListeningQuerySpec.parse({
    include: ['lumio', 'lumio fibre'],
    hashtags: ['LumioFibre'],
    exclude: ['job'],
  });

  it('compiles for every platform asked, configured or not', () => {
    const none: MentionSources = new Map();
    expect(compileAll(none, spec, [...PLATFORMS])).toEqual([
      { platform: 'x', requests: ['(lumio OR "lumio fibre" OR #LumioFibre) -job -is:retweet'], error: null },
      { platform: 'mastodon', requests: ['lumio -job', '"lumio fibre" -job', '#LumioFibre'], error: null },
      { platform: 'reddit', requests: ['(lumio OR "lumio fibre" OR LumioFibre) NOT job'], error: null },
      { platform: 'hackernews', requests: ['lumio', '"lumio fibre"', 'LumioFibre'], error: null },
      {
        platform: 'bluesky',
        requests: ['lumio -job', '"lumio fibre" -job', '#LumioFibre -job'],
        error: null,
      },
    ]);
  });

  it('reports, per platform, the limit a query breaks', () => {
    const long = ListeningQuerySpec.parse({
      include: Array.from({ length: 30 }, (_, i) => `a-fairly-long-term-${i}`),
    });
    const [x, mastodon, reddit] = compileAll(new Map(), long, ['x', 'mastodon', 'reddit']);
    expect(x).toMatchObject({ requests: [], error: expect.stringMatching(/X allows at most 512/) });
    expect(mastodon.error).toMatch(/at most 20 per query/);
    expect(reddit.error).toMatch(/Reddit allows at most 512/);
  });
});

describe('createMentionSources', () => {
  it('registers one adapter per configured platform', () => {
    const x = {
      baseUrl: 'http://127.0.0.1:1',
      bearerToken: 'b',
      userContext: null,
      userBearerToken: null,
      accountHandle: null,
      timeoutMs: 1000,
    };
    const all = createMentionSources({
      x,
      platforms: {
        mastodon: endpoint('mastodon'),
        reddit: { ...endpoint('reddit'), userAgent: 'ecoute-test' },
        hackernews: endpoint('hackernews'),
        bluesky: endpoint('bluesky'),
      },
    });
    expect([...all.keys()]).toEqual(['x', 'mastodon', 'reddit', 'hackernews', 'bluesky']);
    expect([...all.values()].map((s) => s.historyDays)).toEqual([7, null, null, null, null]);
    const some = createMentionSources({
      x: { ...x, bearerToken: null },
      platforms: { mastodon: null, reddit: null, hackernews: endpoint('hackernews'), bluesky: null },
    });
    expect([...some.keys()]).toEqual(['hackernews']);
  });
});
