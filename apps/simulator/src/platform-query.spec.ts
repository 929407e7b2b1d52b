import { matches, matchTarget } from './query-matcher';
import {
  blueskyDialect,
  HACKERNEWS_DIALECT,
  MASTODON_DIALECT,
  parseDialectQuery,
  REDDIT_DIALECT,
  type Dialect,
} from './platform-query';
import { extractEntities } from './entities';

function post(text: string, lang = 'en', username = 'someone') {
  return matchTarget(
    { text, lang, authorId: '1', conversationId: '1', entities: extractEntities(text, []) },
    { username, verified: false },
    null,
  );
}

function finds(dialect: Dialect, query: string, text: string, lang = 'en', username = 'someone'): boolean {
  return matches(parseDialectQuery(query, dialect), post(text, lang, username));
}

describe('platform query dialects', () => {
  it('AND bare words, case-insensitively, on word boundaries', () => {
    for (const d of [MASTODON_DIALECT, REDDIT_DIALECT, HACKERNEWS_DIALECT]) {
      expect(finds(d, 'lumio down', 'Is LUMIO down again?')).toBe(true);
      expect(finds(d, 'lumio down', 'Lumio is up')).toBe(false);
      expect(finds(d, 'lumi', 'Lumio is up')).toBe(false);
      expect(finds(d, 'coca-cola', 'I like Coca Cola')).toBe(true);
    }
  });

  it('quoted phrases are consecutive words; an unclosed quote runs to the end', () => {
    expect(finds(HACKERNEWS_DIALECT, '"is down"', 'lumio is down')).toBe(true);
    expect(finds(HACKERNEWS_DIALECT, '"down is"', 'lumio is down')).toBe(false);
    expect(finds(MASTODON_DIALECT, '"is down', 'lumio is down')).toBe(true);
  });

  it('-exclusion; a query of exclusions only matches everything else', () => {
    expect(finds(MASTODON_DIALECT, 'lumio -zapp', 'lumio and zapp')).toBe(false);
    expect(finds(MASTODON_DIALECT, 'lumio -zapp', 'lumio alone')).toBe(true);
    expect(finds(HACKERNEWS_DIALECT, '-zapp', 'lumio alone')).toBe(true);
    expect(finds(REDDIT_DIALECT, '-"and zapp"', 'lumio and zapp')).toBe(false);
  });

  it('Reddit: OR, AND, NOT and parentheses (AND binds tighter than OR)', () => {
    expect(finds(REDDIT_DIALECT, 'lumio OR zapp', 'zapp only')).toBe(true);
    expect(finds(REDDIT_DIALECT, 'lumio AND zapp', 'zapp only')).toBe(false);
    expect(finds(REDDIT_DIALECT, '(lumio OR zapp) NOT nordlink', 'zapp vs nordlink')).toBe(false);
    expect(finds(REDDIT_DIALECT, '(lumio OR zapp) NOT nordlink', 'zapp wins')).toBe(true);
    expect(finds(REDDIT_DIALECT, 'a b OR c', 'c')).toBe(true);
    expect(finds(REDDIT_DIALECT, 'a b OR c', 'a')).toBe(false);
    expect(finds(REDDIT_DIALECT, 'author:Someone lumio', 'lumio')).toBe(true);
    expect(finds(REDDIT_DIALECT, 'author:other lumio', 'lumio')).toBe(false);
    // lenient: stray or missing parentheses, dangling OR
    expect(finds(REDDIT_DIALECT, 'lumio) OR', 'lumio')).toBe(true);
    expect(finds(REDDIT_DIALECT, '(lumio OR zapp', 'zapp')).toBe(true);
  });

  it('Mastodon and Hacker News have no OR: it is a word', () => {
    expect(finds(MASTODON_DIALECT, 'lumio OR zapp', 'zapp only')).toBe(false);
    expect(finds(HACKERNEWS_DIALECT, 'lumio OR zapp', 'lumio or zapp')).toBe(true);
  });

  it('Mastodon: language: and #hashtags', () => {
    expect(finds(MASTODON_DIALECT, 'lumio language:fr', 'Lumio en panne', 'fr')).toBe(true);
    expect(finds(MASTODON_DIALECT, 'lumio language:fr', 'Lumio down', 'en')).toBe(false);
    expect(finds(MASTODON_DIALECT, '#LumioFibre', 'yay #lumiofibre')).toBe(true);
    expect(finds(MASTODON_DIALECT, '#LumioFibre', 'yay lumiofibre')).toBe(false);
    expect(finds(HACKERNEWS_DIALECT, '#LumioFibre', 'yay lumiofibre')).toBe(true);
  });

  it('Bluesky: lang:, #tags, from: a handle resolved to a user', () => {
    const dialect = blueskyDialect((h) => (h === 'julie-dupont.bsky.social' ? 'julie_dupont' : null));
    expect(finds(dialect, 'from:julie-dupont.bsky.social lumio', 'lumio', 'en', 'julie_dupont')).toBe(true);
    expect(finds(dialect, 'from:@julie-dupont.bsky.social', 'lumio', 'en', 'someone')).toBe(false);
    expect(finds(dialect, 'from:nobody.bsky.social', 'lumio', 'en', 'julie_dupont')).toBe(false);
    expect(finds(dialect, 'lumio lang:fr', 'lumio', 'fr')).toBe(true);
    expect(finds(dialect, '#lumio', 'lumio')).toBe(false);
  });
});
