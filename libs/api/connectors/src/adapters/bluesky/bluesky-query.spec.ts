import { ListeningQuerySpec } from '@ecoute/contracts';
import { compileBlueskyQuery } from './bluesky-query';

const spec = (s: Partial<ListeningQuerySpec>) => ListeningQuerySpec.parse(s);

describe('compileBlueskyQuery', () => {
  it('makes one search per term, hashtag and handle, each with the exclusions and one language', () => {
    expect(
      compileBlueskyQuery(
        spec({
          include: ['lumio', 'lumio fibre'],
          hashtags: ['LumioFibre'],
          handles: ['@lumio.bsky.social'],
          exclude: ['job'],
          languages: ['fr'],
        }),
      ),
    ).toEqual([
      'lumio -job lang:fr',
      '"lumio fibre" -job lang:fr',
      '#LumioFibre -job lang:fr',
      'mentions:lumio.bsky.social -job lang:fr',
    ]);
  });

  it('searches a handle from another platform as a word (an X handle is no Bluesky handle)', () => {
    expect(compileBlueskyQuery(spec({ handles: ['@zappmobile', 'zapp.bsky.social'] }))).toEqual(['zappmobile', 'mentions:zapp.bsky.social']);
  });

  it('makes one search of every term with includeMode all, and leaves several languages out', () => {
    expect(
      compileBlueskyQuery(spec({ include: ['lumio', 'panne'], includeMode: 'all', languages: ['fr', 'en'] })),
    ).toEqual(['lumio panne']);
  });

  it('refuses too many searches, naming the limit', () => {
    expect(() =>
      compileBlueskyQuery(spec({ include: Array.from({ length: 25 }, (_, i) => `t${i}`) })),
    ).toThrow('the Bluesky query needs 25 searches (Bluesky search has no OR); at most 20 per query');
  });
});
