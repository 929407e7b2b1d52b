import { ListeningQuerySpec } from '@ecoute/contracts';
import { compileHackerNewsQuery } from './hn-query';

const spec = (s: Partial<ListeningQuerySpec>) => ListeningQuerySpec.parse(s);

describe('compileHackerNewsQuery', () => {
  it('makes one search per term, hashtag and handle (bare words), without exclusions', () => {
    expect(
      compileHackerNewsQuery(
        spec({
          include: ['lumio', 'lumio fibre'],
          hashtags: ['#LumioFibre', 'Lumio'],
          handles: ['@lumio_hq'],
          exclude: ['job'],
        }),
      ),
    ).toEqual(['lumio', '"lumio fibre"', 'LumioFibre', 'lumio_hq']);
  });

  it('makes one search of every term with includeMode all', () => {
    expect(
      compileHackerNewsQuery(
        spec({ include: ['lumio', 'fibre optic'], includeMode: 'all', handles: ['lumio_hq'] }),
      ),
    ).toEqual(['lumio "fibre optic"', 'lumio_hq']);
  });

  it('refuses too many searches, naming the limit', () => {
    expect(() =>
      compileHackerNewsQuery(spec({ hashtags: Array.from({ length: 21 }, (_, i) => `tag${i}`) })),
    ).toThrow(/at most 20 per query/);
  });
});
