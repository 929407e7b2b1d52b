import { extractEntities } from './entities';
import { matches, matchTarget } from './query-matcher';
import { parseQuery, QuerySyntaxError } from './query-parser';

interface PostLike {
  text: string;
  lang?: string;
  author?: string;
  verified?: boolean;
  reply?: { userId: string; username: string };
  retweet?: boolean;
  conversationId?: string;
}

function target(p: PostLike) {
  return matchTarget(
    {
      text: p.text,
      lang: p.lang ?? 'en',
      authorId: '100',
      conversationId: p.conversationId ?? '555',
      entities: extractEntities(p.text, []),
      inReplyTo: p.reply ? { userId: p.reply.userId } : undefined,
      retweetOf: p.retweet ? '999' : undefined,
    },
    { username: p.author ?? 'someone', verified: p.verified ?? false },
    p.reply?.username ?? null,
  );
}

const hit = (query: string, post: PostLike) => matches(parseQuery(query), target(post));

describe('parseQuery', () => {
  it('builds AND of bare terms, with AND binding tighter than OR', () => {
    expect(parseQuery('lumio outage')).toEqual({
      kind: 'and',
      children: [
        { kind: 'keyword', tokens: ['lumio'] },
        { kind: 'keyword', tokens: ['outage'] },
      ],
    });
    expect(parseQuery('a b OR c')).toEqual({
      kind: 'or',
      children: [
        {
          kind: 'and',
          children: [
            { kind: 'keyword', tokens: ['a'] },
            { kind: 'keyword', tokens: ['b'] },
          ],
        },
        { kind: 'keyword', tokens: ['c'] },
      ],
    });
  });

  it('reads phrases, hashtags, handles, negation and operators', () => {
    expect(
      parseQuery('"Down Again" #LumioFibre @Lumio -is:retweet lang:FR from:julie_d conversation_id:123'),
    ).toEqual({
      kind: 'and',
      children: [
        { kind: 'phrase', tokens: ['down', 'again'] },
        { kind: 'hashtag', tag: 'lumiofibre' },
        { kind: 'mention', handle: 'lumio' },
        { kind: 'not', child: { kind: 'is', what: 'retweet' } },
        { kind: 'lang', lang: 'fr' },
        { kind: 'from', user: 'julie_d' },
        { kind: 'conversation', id: '123' },
      ],
    });
  });

  it('negates a parenthesised group', () => {
    expect(parseQuery('lumio -(spam OR giveaway)')).toEqual({
      kind: 'and',
      children: [
        { kind: 'keyword', tokens: ['lumio'] },
        {
          kind: 'not',
          child: {
            kind: 'or',
            children: [
              { kind: 'keyword', tokens: ['spam'] },
              { kind: 'keyword', tokens: ['giveaway'] },
            ],
          },
        },
      ],
    });
  });

  const refused: [string, RegExp][] = [
    ['', /empty/],
    ['   ', /empty/],
    ['(lumio OR nordlink', /Missing closing parenthesis/],
    ['lumio)', /Unexpected '\)'/],
    ['lumio OR', /Ambiguous use of OR/],
    ['OR lumio', /Ambiguous use of OR/],
    ['lumio OR OR zapp', /Ambiguous use of OR/],
    ['()', /Empty parentheses/],
    ['"unterminated phrase', /Missing closing quote/],
    ['lumio has:unicorns', /invalid operator 'has:unicorns'/],
    ['lumio place:paris', /invalid operator 'place'/],
    ['lumio is:awesome', /invalid operator 'is:awesome'/],
    ['lumio lang:', /requires a value/],
    ['-lumio', /non-negation/],
    ['-lumio -(zapp OR nordlink)', /non-negation/],
    ['@not-a-handle!', /Invalid username/],
    ['conversation_id:abc', /invalid operator/],
    ['x'.repeat(513), /maximum is 512/],
  ];
  const label = (q: string) => (q.length > 40 ? `${q.slice(0, 12)}… (${q.length} characters)` : q);
  it.each(refused.map(([q, m]) => [label(q), q, m] as const))('refuses %j', (_label, query, message) => {
    expect(() => parseQuery(query)).toThrow(QuerySyntaxError);
    expect(() => parseQuery(query)).toThrow(message);
  });

  it('reports the position of the problem, 1-based', () => {
    try {
      parseQuery('lumio (zapp');
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(QuerySyntaxError);
      expect((e as QuerySyntaxError).position).toBe(7);
      expect((e as QuerySyntaxError).message).toMatch(
        /^There were errors processing your request: .*\(at position 7\)$/,
      );
    }
  });
});

describe('matching', () => {
  it('matches words case-insensitively, as tokens, inside hashtags and mentions too', () => {
    expect(hit('lumio', { text: 'My LUMIO box is dead' })).toBe(true);
    expect(hit('lumio', { text: 'thanks @lumio' })).toBe(true);
    expect(hit('lumio', { text: 'go #Lumio!' })).toBe(true);
    expect(hit('lumio', { text: "Lumio's app" })).toBe(true);
    expect(hit('lumio', { text: 'lumiofibre is here' })).toBe(false);
    expect(hit('box', { text: 'my boxes' })).toBe(false);
  });

  it('ANDs bare terms and ORs alternatives', () => {
    expect(hit('lumio down', { text: 'Lumio down in Lyon?' })).toBe(true);
    expect(hit('lumio down', { text: 'Lumio is great' })).toBe(false);
    expect(hit('zapp OR lumio', { text: 'Lumio is great' })).toBe(true);
    expect(hit('(zapp OR nordlink) down', { text: 'Lumio down' })).toBe(false);
    expect(hit('(zapp OR nordlink) down', { text: 'nordlink down again' })).toBe(true);
  });

  it('matches a quoted phrase as consecutive tokens', () => {
    expect(hit('"down again"', { text: 'Lumio is down, again.' })).toBe(true);
    expect(hit('"down again"', { text: 'again, Lumio is down' })).toBe(false);
    expect(hit('coca-cola', { text: 'I like coca cola' })).toBe(true);
  });

  it('matches #hashtag exactly (case-insensitive), not as a keyword', () => {
    expect(hit('#LumioFibre', { text: 'Got #lumiofibre today' })).toBe(true);
    expect(hit('#LumioFibre', { text: 'Got Lumio Fibre today' })).toBe(false);
    expect(hit('#Lumio', { text: 'Got #LumioFibre today' })).toBe(false);
  });

  it('matches @handle as a mention of, or a post by, the account', () => {
    expect(hit('@lumio', { text: 'hey @Lumio help' })).toBe(true);
    expect(hit('@lumio', { text: 'We are on it!', author: 'lumio' })).toBe(true);
    expect(hit('@lumio', { text: 'lumio help' })).toBe(false);
    expect(hit('@lumio', { text: 'hey @lumiofan' })).toBe(false);
  });

  it('negates any clause', () => {
    expect(hit('lumio -spam', { text: 'lumio spam spam' })).toBe(false);
    expect(hit('lumio -#giveaway', { text: 'lumio #giveaway' })).toBe(false);
    expect(hit('lumio -@zappmobile', { text: 'lumio vs @zappmobile' })).toBe(false);
    expect(hit('lumio -"free airdrop"', { text: 'lumio free airdrop' })).toBe(false);
    expect(hit('lumio -"free airdrop"', { text: 'lumio airdrop free' })).toBe(true);
  });

  it('applies lang:, is:retweet, is:reply, is:verified, from:, to:, conversation_id:, has:', () => {
    expect(hit('lumio lang:fr', { text: 'panne lumio', lang: 'fr' })).toBe(true);
    expect(hit('lumio lang:fr', { text: 'lumio down', lang: 'en' })).toBe(false);
    expect(hit('lumio -is:retweet', { text: 'RT @x: lumio', retweet: true })).toBe(false);
    expect(hit('lumio is:retweet', { text: 'RT @x: lumio', retweet: true })).toBe(true);
    expect(hit('lumio is:reply', { text: '@lumio thanks', reply: { userId: '1', username: 'lumio' } })).toBe(
      true,
    );
    expect(hit('lumio -is:reply', { text: '@lumio thanks', reply: { userId: '1', username: 'lumio' } })).toBe(
      false,
    );
    expect(hit('lumio is:verified', { text: 'lumio', verified: true })).toBe(true);
    expect(hit('lumio from:JulieD', { text: 'lumio', author: 'juliED' })).toBe(true);
    expect(hit('lumio from:100', { text: 'lumio' })).toBe(true);
    expect(hit('lumio from:other', { text: 'lumio', author: 'julied' })).toBe(false);
    expect(hit('to:lumio', { text: 'thanks', reply: { userId: '1', username: 'lumio' } })).toBe(true);
    expect(hit('conversation_id:42', { text: 'x', conversationId: '42' })).toBe(true);
    expect(hit('conversation_id:42', { text: 'x', conversationId: '43' })).toBe(false);
    expect(hit('lumio has:hashtags', { text: 'lumio #fail' })).toBe(true);
    expect(hit('lumio has:mentions', { text: 'lumio sucks' })).toBe(false);
    expect(hit('lumio has:media', { text: 'lumio #fail' })).toBe(false);
  });

  it('matches the listening queries the demo compiles', () => {
    const brand = '(Lumio OR #Lumio OR @lumio) -is:retweet';
    expect(hit(brand, { text: '@lumio my internet is down' })).toBe(true);
    expect(hit(brand, { text: 'No signal on #Lumio' })).toBe(true);
    expect(hit(brand, { text: 'RT @x: @lumio is down', retweet: true })).toBe(false);
    expect(hit(brand, { text: '@zappmobile is down' })).toBe(false);
    expect(hit('(Zapp OR #ZappMobile OR @zappmobile) -is:retweet', { text: 'Zapp Mobile is down' })).toBe(
      true,
    );
    expect(hit('#LumioFibre -is:retweet', { text: 'finally on #LumioFibre' })).toBe(true);
  });
});
