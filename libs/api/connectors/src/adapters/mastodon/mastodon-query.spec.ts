import { ListeningQuerySpec } from '@ecoute/contracts';
import { MAX_REQUESTS_PER_QUERY } from '../../query/terms';
import { compileMastodonQuery, tagOfRequest } from './mastodon-query';

const spec = (s: Partial<ListeningQuerySpec>) => ListeningQuerySpec.parse(s);

describe('compileMastodonQuery', () => {
  it('makes one search per term and handle, and one tag timeline per hashtag', () => {
    const requests = compileMastodonQuery(
      spec({
        include: ['Lumio', 'lumio fibre'],
        handles: ['@lumio'],
        hashtags: ['#LumioFibre'],
        exclude: ['job', 'hiring now'],
        languages: ['fr'],
      }),
    );
    expect(requests).toEqual([
      'Lumio -job -"hiring now" language:fr',
      '"lumio fibre" -job -"hiring now" language:fr',
      '@lumio -job -"hiring now" language:fr',
      '#LumioFibre',
    ]);
    expect(requests.map(tagOfRequest)).toEqual([null, null, null, 'LumioFibre']);
  });

  it('puts every term in one search with includeMode all, and leaves several languages to the local matcher', () => {
    expect(
      compileMastodonQuery(
        spec({ include: ['Lumio', 'panne'], includeMode: 'all', languages: ['fr', 'en'] }),
      ),
    ).toEqual(['Lumio panne']);
  });

  it('drops repeated requests and refuses too many, naming the limit', () => {
    expect(compileMastodonQuery(spec({ include: ['lumio', 'Lumio'] }))).toEqual(['lumio']);
    const many = spec({ include: Array.from({ length: MAX_REQUESTS_PER_QUERY + 1 }, (_, i) => `t${i}`) });
    expect(() => compileMastodonQuery(many)).toThrow(
      `the Mastodon query needs 21 searches (Mastodon search has no OR); at most ${MAX_REQUESTS_PER_QUERY} per query`,
    );
    expect(() => compileMastodonQuery(spec({}))).toThrow(/at least one term/);
  });
});
