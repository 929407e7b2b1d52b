import { readFixtureJson, type Capture } from '../../testing/fixtures';
import { mapRedditLink } from './reddit-mapper';

interface Listing {
  data: { children: Array<{ kind: string; data: Record<string, unknown> }> };
}
const listing = readFixtureJson<Capture>('reddit', 'search_listing_from_praw_cassette.json').body as Listing;
const links = listing.data.children.map((c) => c.data);

describe('mapRedditLink (captured search listing)', () => {
  it('maps every captured post', () => {
    const mentions = links.map((l) => mapRedditLink(l));
    expect(mentions.map((m) => m.externalId)).toEqual([
      't3_3gpbiu',
      't3_3x4kt2',
      't3_3b4erh',
      't3_1qvzkd',
      't3_3qc02b',
      't3_4at068',
    ]);
    const [first] = mentions;
    expect(first).toMatchObject({
      url: 'https://www.reddit.com/r/redditdev/comments/3gpbiu/prawoauth2util_problem_using_get_banned_raise/?ref=search_posts',
      language: null,
      createdAt: new Date(1439370514 * 1000),
      author: { externalId: 'dClauzel', handle: 'dClauzel', name: 'dClauzel', followers: 0, verified: false },
      metrics: { likes: 0, replies: 21, reposts: 0, quotes: 0 },
      threadId: 't3_3gpbiu',
      parentExternalId: null,
      isRepost: false,
      repostOf: null,
    });
    expect(first.text.startsWith('[PRAW][OAuth2Util] Problem using get_banned()')).toBe(true);
    expect(first.text).toContain('\n\n# solved');
    expect(first.raw).toBe(links[0]);
  });

  it('keeps a link post without a body to its title', () => {
    const m = mapRedditLink({ ...links[1], selftext: '' });
    expect(m.text).toBe(links[1]['title']);
  });

  it('folds a crosspost onto its parent', () => {
    // a captured post crossposting another captured post, with the fields Reddit adds since 2017
    const crosspost = {
      ...links[1],
      author_fullname: 't2_abc',
      num_crossposts: 0,
      crosspost_parent: 't3_3gpbiu',
      crosspost_parent_list: [links[0]],
    };
    const m = mapRedditLink(crosspost);
    expect(m.isRepost).toBe(true);
    expect(m.author.externalId).toBe('t2_abc');
    expect(m.repostOf).toMatchObject({ externalId: 't3_3gpbiu', author: { handle: 'dClauzel' } });
  });

  it('calls a link without a fullname malformed', () => {
    expect(() => mapRedditLink({ ...links[0], name: undefined })).toThrow(
      /Reddit sent a malformed body: link at name/,
    );
  });
});
