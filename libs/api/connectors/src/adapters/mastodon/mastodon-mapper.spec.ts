import { ConnectorError } from '../../connector-error';
import { readFixtureJson, type Capture } from '../../testing/fixtures';
import { mapMastodonStatuses } from './mastodon-mapper';

const gargron = readFixtureJson<Record<string, unknown>>('mastodon', 'docs_Status_example.json');
const hoot = readFixtureJson<Capture>('mastodon', 'test_hashtag_tl_2.json');

describe('mapMastodonStatuses (captured statuses)', () => {
  it('maps the documented mastodon.social status', () => {
    const [m] = mapMastodonStatuses([gargron]);
    expect(m).toMatchObject({
      externalId: '103270115826048975',
      url: 'https://mastodon.social/@Gargron/103270115826048975',
      text:
        '"I lost my inheritance with one wrong digit on my sort code"\n\n' +
        'https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
      language: 'en',
      createdAt: new Date('2019-12-08T03:48:33.901Z'),
      author: {
        externalId: '1',
        handle: 'Gargron',
        name: 'Eugen',
        followers: 322930,
        verified: false,
        avatarUrl: 'https://files.mastodon.social/accounts/avatars/000/000/001/original/d96d39a0abb45b92.jpg',
      },
      metrics: { likes: 11, reposts: 6, replies: 5, quotes: 2, bookmarks: 0, views: 0 },
      threadId: '103270115826048975',
      parentExternalId: null,
      isRepost: false,
      repostOf: null,
    });
    expect(m.raw).toBe(gargron);
  });

  it('maps a captured tag timeline (no display name: the username)', () => {
    const [m] = mapMastodonStatuses(hoot.body as unknown[]);
    expect(m).toMatchObject({
      externalId: '117020593741189701',
      text: '#hoot (hashtag toot)',
      language: 'ja',
    });
    expect(m.author).toMatchObject({ handle: 'mastodonpy_test_2', name: 'mastodonpy_test_2', followers: 0 });
  });

  it('folds a reblog onto the reblogged status, and threads a reply on its parent', () => {
    // two captured statuses combined: Gargron's reblogging the timeline's, then a reply
    const [original] = hoot.body as Array<Record<string, unknown>>;
    const reblog = { ...gargron, id: '103270115826049000', content: '', reblog: original };
    const reply = {
      ...gargron,
      id: '103270115826049001',
      in_reply_to_id: '103270115826048975',
      spoiler_text: 'CW: money',
    };
    const [boosted, answer] = mapMastodonStatuses([reblog, reply]);
    expect(boosted.isRepost).toBe(true);
    expect(boosted.repostOf).toMatchObject({
      externalId: '117020593741189701',
      text: '#hoot (hashtag toot)',
      isRepost: false,
    });
    expect(boosted.repostOf?.raw).toBe(original);
    expect(answer).toMatchObject({ threadId: '103270115826048975', parentExternalId: '103270115826048975' });
    expect(answer.text.startsWith('CW: money\n\n"I lost')).toBe(true);
  });

  it('calls a status without an account or a date malformed (temporary)', () => {
    const { account: _account, ...noAccount } = gargron;
    expect(() => mapMastodonStatuses([noAccount])).toThrow(ConnectorError);
    expect(() => mapMastodonStatuses([{ ...gargron, created_at: 'yesterday' }])).toThrow(
      /Mastodon sent a malformed body: status 0 at created_at/,
    );
  });
});
