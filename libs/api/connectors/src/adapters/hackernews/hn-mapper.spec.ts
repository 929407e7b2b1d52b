import { readFixtureJson } from '../../testing/fixtures';
import { mapHackerNewsHit } from './hn-mapper';

const capture = readFixtureJson<{ hits: Array<Record<string, unknown>> }>(
  'hackernews',
  'hn_algolia_search_hello_hitsPerPage1.json',
);

describe('mapHackerNewsHit', () => {
  it('maps the captured story', () => {
    const m = mapHackerNewsHit(capture.hits[0]);
    expect(m).toMatchObject({
      externalId: '18717168',
      url: 'https://news.ycombinator.com/item?id=18717168',
      text: 'Bye Bye Mongo, Hello Postgres',
      language: null,
      createdAt: new Date('2018-12-19T17:08:53Z'),
      author: { externalId: 'philliphaydon', handle: 'philliphaydon', followers: 0 },
      metrics: { likes: 1562, replies: 417, reposts: 0 },
      threadId: '18717168',
      parentExternalId: null,
      isRepost: false,
      repostOf: null,
    });
  });

  it('adds a story’s text after its title', () => {
    const m = mapHackerNewsHit({ ...capture.hits[0], story_text: 'We moved<p>It went &quot;well&quot;' });
    expect(m.text).toBe('Bye Bye Mongo, Hello Postgres\n\nWe moved\n\nIt went "well"');
  });

  it('maps a comment: its HTML as text, threaded on its story and parent', () => {
    // written from the documented field set (no comment hit was captured)
    const comment = {
      _tags: ['comment', 'author_tcas', 'story_9998227'],
      author: 'tcas',
      comment_text: 'I&#x27;d use <i>Postgres</i>.<p>See <a href="https:&#x2F;&#x2F;example.com">this</a>',
      created_at: '2015-08-03T21:32:01Z',
      created_at_i: 1438637521,
      objectID: '9999999',
      parent_id: 9999826,
      points: null,
      story_id: 9998227,
      story_title: 'Why Write Python in Visual Studio?',
    };
    expect(mapHackerNewsHit(comment)).toMatchObject({
      externalId: '9999999',
      text: "I'd use Postgres.\n\nSee this",
      threadId: '9998227',
      parentExternalId: '9999826',
      metrics: { likes: 0, replies: 0 },
    });
  });

  it('calls a hit without objectID malformed', () => {
    expect(() => mapHackerNewsHit({ created_at_i: 1 }, 'hit 3')).toThrow(
      /Hacker News sent a malformed body: hit 3 at objectID/,
    );
  });
});
