import { ListeningQuerySpec } from '@ecoute/contracts';
import type { FetchedMention } from '@ecoute/api-connectors';
import { foldReposts, preparePage } from './page-committer';

const post = (id: string, text: string, extra: Partial<FetchedMention> = {}): FetchedMention => ({
  externalId: id,
  url: `https://x.com/a/status/${id}`,
  text,
  language: 'en',
  createdAt: new Date('2026-11-20T10:00:00Z'),
  author: { externalId: 'u1', handle: 'ana', name: 'Ana', followers: 10, verified: false, avatarUrl: null },
  metrics: { likes: 0, reposts: 3, replies: 0, quotes: 0, bookmarks: 0, views: 0 },
  threadId: id,
  parentExternalId: null,
  isRepost: false,
  repostOf: null,
  raw: {},
  ...extra,
});

describe('foldReposts', () => {
  const original = post('1', 'Lumio rocks');
  const page = [post('2', 'RT Lumio rocks', { isRepost: true, repostOf: original }), post('3', 'RT Lumio rocks', { isRepost: true, repostOf: original }), post('4', 'RT lost', { isRepost: true })];

  it('folds reposts into their original, once, and drops those without one', () => {
    const { mentions, folded } = foldReposts(page, false);
    expect(mentions.map((m) => m.externalId)).toEqual(['1']);
    expect(folded).toBe(3);
  });
  it('keeps every repost when the query includes reposts', () => {
    expect(foldReposts(page, true).mentions.map((m) => m.externalId)).toEqual(['2', '3', '4']);
  });
});

describe('preparePage', () => {
  it('enriches, records matched terms and drops what the local matcher excludes', () => {
    const spec = ListeningQuerySpec.parse({ include: ['Lumio'], exclude: ['giveaway'] });
    const prepared = preparePage([post('1', 'Lumio is terrible, the worst service ever'), post('2', 'Lumio giveaway, retweet to win')], spec);
    expect(prepared.dropped).toBe(1);
    expect(prepared.items).toHaveLength(1);
    expect(prepared.items[0].matchedTerms).toEqual(['Lumio']);
    expect(prepared.items[0].enrichment.sentiment.label).toBe('negative');
  });
});
