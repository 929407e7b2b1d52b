import { ListeningQuerySpec } from '@ecoute/contracts';
import { compileRedditQuery, REDDIT_QUERY_MAX_LENGTH } from './reddit-query';

const spec = (s: Partial<ListeningQuerySpec>) => ListeningQuerySpec.parse(s);

describe('compileRedditQuery', () => {
  it('ORs terms, hashtags and handles as bare words, and NOTs each exclusion', () => {
    expect(
      compileRedditQuery(
        spec({
          include: ['lumio', 'lumio fibre'],
          hashtags: ['#LumioFibre'],
          handles: ['@lumio_fr'],
          exclude: ['job', 'hiring now'],
        }),
      ),
    ).toBe('(lumio OR "lumio fibre" OR LumioFibre OR lumio_fr) NOT job NOT "hiring now"');
    expect(compileRedditQuery(spec({ include: ['lumio'], languages: ['fr'] }))).toBe('lumio');
  });

  it('ANDs the terms with includeMode all', () => {
    expect(compileRedditQuery(spec({ include: ['lumio', 'outage'], includeMode: 'all' }))).toBe(
      'lumio AND outage',
    );
    expect(
      compileRedditQuery(spec({ include: ['lumio', 'outage'], includeMode: 'all', hashtags: ['LumioDown'] })),
    ).toBe('((lumio AND outage) OR LumioDown)');
  });

  it('refuses a query over 512 characters, naming the limit', () => {
    const long = spec({ include: Array.from({ length: 40 }, (_, i) => `a-rather-long-term-${i}`) });
    expect(() => compileRedditQuery(long)).toThrow(`Reddit allows at most ${REDDIT_QUERY_MAX_LENGTH}`);
  });
});
