import { readFixtureJson } from '../../testing/fixtures';
import { mapXSearchBody, type XSearchBody } from './x-mapper';

const CAPTURE = 'Recent_search__200_Success_Request_Tweet_Fields_with_Expanded_User_Fields.body';

describe('mapXSearchBody (captured recent search)', () => {
  const body = readFixtureJson<XSearchBody>('x', CAPTURE);

  it('maps every post with its author from includes.users and its reply parent', () => {
    const mentions = mapXSearchBody(body);
    expect(mentions.map((m) => m.externalId)).toEqual([
      '1276035977375477760',
      '1275882613572583424',
      '1275763727908798470',
      '1275653067283759104',
    ]);
    expect(mentions[0]).toMatchObject({
      url: 'https://x.com/happycamper/status/1276035977375477760',
      language: 'en',
      createdAt: new Date('2020-06-25T06:14:19.000Z'),
      author: { externalId: '63046977', handle: 'happycamper', name: 'Emily Waligoske 🏕', followers: 0 },
      parentExternalId: '1275653067283759104',
      isRepost: false,
      repostOf: null,
    });
    expect(mentions[0].text).toMatch(/^@snowman Ooo, thanks error message/);
  });

  it('folds a retweet onto its original from includes.tweets, with the original author', () => {
    // a retweet added to the captured page, pointing at a captured original (the capture has no retweet)
    const original = body.includes?.tweets?.[0];
    if (!original) throw new Error('the capture has included tweets');
    const retweet = {
      id: '1276100000000000000',
      text: `RT @x: ${original.text}`,
      author_id: '63046977',
      created_at: '2020-06-25T10:00:00.000Z',
      referenced_tweets: [{ type: 'retweeted' as const, id: original.id }],
      edit_history_tweet_ids: ['1276100000000000000'],
    };
    const [mapped] = mapXSearchBody({ ...body, data: [retweet] });
    expect(mapped.isRepost).toBe(true);
    expect(mapped.repostOf).toMatchObject({ externalId: original.id, text: original.text, isRepost: false });
    expect(mapped.repostOf?.author.externalId).toBe(original.author_id);
  });

  it('keeps one copy of a post repeated in a page', () => {
    const data = body.data ?? [];
    expect(mapXSearchBody({ ...body, data: [...data, ...data] })).toHaveLength(data.length);
  });
});
