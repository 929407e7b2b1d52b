import { readFixtureJson, type Capture } from '../../testing/fixtures';
import { mapBlueskyPost } from './bluesky-mapper';

const body = readFixtureJson<Capture>('bluesky', 'searchPosts_redistricting_bskyr_cassette.json').body as {
  posts: unknown[];
  cursor: string;
};

describe('mapBlueskyPost (captured searchPosts)', () => {
  const [bot, link, reply] = body.posts.map((p) => mapBlueskyPost(p));

  it('maps a post: at:// URI as id, bsky.app URL, record text, author', () => {
    expect(bot.mention).toMatchObject({
      externalId: 'at://did:plc:kkergqgbhb56ptpwj2wenkje/app.bsky.feed.post/3lpk2u6qo222m',
      url: 'https://bsky.app/profile/socpaperbot.bsky.social/post/3lpk2u6qo222m',
      language: null,
      createdAt: new Date('2025-05-19T17:10:09.561Z'),
      author: {
        externalId: 'did:plc:kkergqgbhb56ptpwj2wenkje',
        handle: 'socpaperbot.bsky.social',
        name: 'Sociology papers (journals + SocArXiv)',
        followers: 0,
        verified: false,
      },
      threadId: 'at://did:plc:kkergqgbhb56ptpwj2wenkje/app.bsky.feed.post/3lpk2u6qo222m',
      parentExternalId: null,
      isRepost: false,
      repostOf: null,
    });
    expect(
      bot.mention.text.startsWith(
        'Ends Versus Means: Public Opinion on Congressional Redistricting https://osf.io/v87fn',
      ),
    ).toBe(true);
    expect(bot.sortAt).toEqual(new Date('2025-05-19T17:10:09.561Z'));
  });

  it('maps the language and the counts', () => {
    expect(link.mention).toMatchObject({
      language: 'en',
      metrics: { likes: 4, reposts: 3, replies: 0, quotes: 0, bookmarks: 0, views: 0 },
    });
    expect(link.mention.author.avatarUrl).toMatch(/^https:\/\/cdn\.bsky\.app\/img\/avatar\//);
  });

  it('threads a reply on its root, with its parent', () => {
    expect(reply.mention).toMatchObject({
      threadId: 'at://did:plc:7nagdvjqrzaquzk7mueohne5/app.bsky.feed.post/3lpjy3eabqs2l',
      parentExternalId: 'at://did:plc:7nagdvjqrzaquzk7mueohne5/app.bsky.feed.post/3lpjzgltpa22l',
    });
    expect(reply.mention.text).toBe(
      "And last but not least, here's the state defendants trial brief in the Texas redistricting cases.\n\ndrive.google.com/file/d/1rpor...",
    );
  });

  it('sorts a post dated in the future at its indexing time', () => {
    const future = { ...(body.posts[0] as Record<string, unknown>) };
    future['record'] = { ...(future['record'] as object), createdAt: '2099-01-01T00:00:00Z' };
    expect(mapBlueskyPost(future).sortAt).toEqual(new Date('2025-05-19T17:10:09.813Z'));
  });

  it('calls a post without an at:// URI malformed', () => {
    expect(() => mapBlueskyPost({ ...(body.posts[0] as object), uri: 'https://x' })).toThrow(
      /Bluesky sent a malformed body: post at uri/,
    );
  });
});
