import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Enrichment, Platform } from '@ecoute/contracts';
import type { FetchedMention } from '@ecoute/api-connectors';

export interface MentionToStore {
  fetched: FetchedMention;
  enrichment: Enrichment;
  matchedTerms: string[];
}

export interface StoredMention {
  id: string;
  externalId: string;
  authorId: string;
  /** false when the mention was already stored (a replayed page): only its metrics were refreshed */
  inserted: boolean;
  /** the mention was not yet linked to this query (a post found by a second query is not new, but this is) */
  newMatch: boolean;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The idempotent mention upsert (DESIGN §2), one statement per table for the whole batch. Keyed on
 * (workspace, platform, external id): fetching the same page twice stores each post once.
 */
@Injectable()
export class MentionBatchWriter {
  /**
   * Upserts the batch's authors with their latest profile and follower counts, and answers their ids by
   * external id. Authors are reference data, idempotent on (workspace, platform, external id): the caller runs
   * this in its own short statement before the page transaction, so that concurrent pages that share authors
   * (a popular account found by several queries) never wait on each other's author row locks (decision 0008).
   */
  async upsertAuthors(m: EntityManager, workspaceId: string, platform: Platform, batch: readonly MentionToStore[]): Promise<Map<string, string>> {
    if (batch.length === 0) return new Map();
    // rows in key order, so that concurrent statements lock them in one global order and never deadlock
    const authors = [...new Map(batch.map((b) => [b.fetched.author.externalId, b.fetched.author])).values()].sort((a, b) => byKey(a.externalId, b.externalId));
    const authorRows: Array<{ id: string; external_id: string }> = await m.query(
      `INSERT INTO author (workspace_id, platform, external_id, handle, name, followers, verified, avatar_url)
       SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::bool[], $8::text[])
       ON CONFLICT (workspace_id, platform, external_id) DO UPDATE SET
         handle = EXCLUDED.handle, name = EXCLUDED.name, followers = EXCLUDED.followers,
         verified = EXCLUDED.verified, avatar_url = EXCLUDED.avatar_url
       -- an author seen again unchanged is not rewritten (most of a page's authors, most of the time)
       WHERE (author.handle, author.name, author.followers, author.verified, author.avatar_url)
         IS DISTINCT FROM (EXCLUDED.handle, EXCLUDED.name, EXCLUDED.followers, EXCLUDED.verified, EXCLUDED.avatar_url)
       RETURNING id, external_id`,
      [
        workspaceId,
        platform,
        authors.map((a) => a.externalId),
        authors.map((a) => a.handle),
        authors.map((a) => a.name),
        authors.map((a) => Math.min(a.followers, 2_147_483_647)),
        authors.map((a) => a.verified),
        authors.map((a) => a.avatarUrl),
      ],
    );
    const ids = new Map(authorRows.map((r) => [r.external_id, r.id]));
    // the unchanged ones, read in a statement of their own: its snapshot sees an author that a concurrent page
    // inserted after the upsert's snapshot was taken
    const unchanged = authors.filter((a) => !ids.has(a.externalId)).map((a) => a.externalId);
    if (unchanged.length > 0) {
      const rows: Array<{ id: string; external_id: string }> = await m.query(
        `SELECT id, external_id FROM author WHERE workspace_id = $1 AND platform = $2 AND external_id = ANY($3::text[])`,
        [workspaceId, platform, unchanged],
      );
      for (const r of rows) ids.set(r.external_id, r.id);
    }
    return ids;
  }

  /** Mentions and their matches to the query, inside the page transaction; `authorIds` from upsertAuthors. */
  async write(
    m: EntityManager,
    workspaceId: string,
    platform: Platform,
    queryId: string,
    batch: readonly MentionToStore[],
    authorIds: ReadonlyMap<string, string>,
  ): Promise<StoredMention[]> {
    if (batch.length === 0) return [];
    // the same post twice in one page (a platform glitch) must not break the batch
    // rows in key order, so that concurrent pages lock them in one global order and never deadlock
    const unique = [...new Map(batch.map((b) => [b.fetched.externalId, b])).values()].sort((a, b) => byKey(a.fetched.externalId, b.fetched.externalId));
    const authorId = (b: MentionToStore) => {
      const id = authorIds.get(b.fetched.author.externalId);
      if (!id) throw new Error(`author ${b.fetched.author.externalId} of mention ${b.fetched.externalId} was not upserted`);
      return id;
    };
    // the rows as one JSON document, read back by jsonb_to_recordset: one JSON.stringify and one parse, where 27
    // array parameters cost node-pg an escaping pass per element and PostgreSQL an array parse per column
    const rowsJson = JSON.stringify(
      unique.map((b) => ({
        external_id: b.fetched.externalId,
        author_id: authorId(b),
        text: b.fetched.text,
        url: b.fetched.url,
        language: b.enrichment.language,
        created_at: b.fetched.createdAt.toISOString(),
        likes: b.fetched.metrics.likes,
        reposts: b.fetched.metrics.reposts,
        replies: b.fetched.metrics.replies,
        quotes: b.fetched.metrics.quotes,
        bookmarks: b.fetched.metrics.bookmarks,
        views: b.fetched.metrics.views,
        thread_id: b.fetched.threadId,
        parent_external_id: b.fetched.parentExternalId,
        score: b.enrichment.sentiment.score,
        label: b.enrichment.sentiment.label,
        explanation: b.enrichment.sentiment.explanation,
        intents: b.enrichment.intents,
        is_abuse: b.enrichment.isAbuse,
        raw: b.fetched.raw,
        is_repost: b.fetched.isRepost,
        language_confidence: b.enrichment.languageConfidence,
        sentiment_confidence: b.enrichment.sentiment.confidence,
        intent_evidence: b.enrichment.intentEvidence,
        abuse_score: b.enrichment.abuseScore,
      })),
    );
    const rows: Array<{ id: string; external_id: string; author_id: string; inserted: boolean }> = await m.query(
      `INSERT INTO mention (workspace_id, platform, external_id, author_id, text, url, language, created_at,
         likes, reposts, replies, quotes, bookmarks, views, thread_id, parent_external_id,
         sentiment_score, sentiment_label, sentiment_explanation, intents, is_abuse, is_repost, raw,
         language_confidence, sentiment_confidence, intent_evidence, abuse_score)
       SELECT $1, $2, u.external_id, u.author_id, u.text, u.url, u.language, u.created_at,
         u.likes, u.reposts, u.replies, u.quotes, u.bookmarks, u.views, u.thread_id, u.parent_external_id,
         u.score, u.label, u.explanation, u.intents, u.is_abuse, u.is_repost, u.raw,
         u.language_confidence, u.sentiment_confidence, u.intent_evidence, u.abuse_score
       FROM jsonb_to_recordset($3::jsonb)
         AS u(external_id text, author_id uuid, text text, url text, language text, created_at timestamptz,
              likes int, reposts int, replies int, quotes int, bookmarks int, views bigint, thread_id text,
              parent_external_id text, score real, label text, explanation jsonb, intents text[], is_abuse bool,
              raw jsonb, is_repost bool, language_confidence real, sentiment_confidence real,
              intent_evidence jsonb, abuse_score real)
       ON CONFLICT (workspace_id, platform, external_id) DO UPDATE SET
         likes = EXCLUDED.likes, reposts = EXCLUDED.reposts, replies = EXCLUDED.replies,
         quotes = EXCLUDED.quotes, bookmarks = EXCLUDED.bookmarks, views = EXCLUDED.views
       RETURNING id, external_id, author_id, (xmax = 0) AS inserted`,
      [workspaceId, platform, rowsJson],
    );
    const byExternalId = new Map(unique.map((b) => [b.fetched.externalId, b]));
    const sorted = [...rows].sort((a, b) => byKey(a.id, b.id));
    const matched: Array<{ mention_id: string }> = await m.query(
      `INSERT INTO mention_match (mention_id, query_id, workspace_id, matched_terms)
       SELECT u.id, $2, $1, COALESCE(string_to_array(NULLIF(u.terms, ''), E'\\x1f'), '{}')
       FROM unnest($3::uuid[], $4::text[]) AS u(id, terms)
       ON CONFLICT (mention_id, query_id) DO NOTHING
       RETURNING mention_id`,
      [
        workspaceId,
        queryId,
        sorted.map((r) => r.id),
        sorted.map((r) => byExternalId.get(r.external_id)?.matchedTerms.join('\x1f') ?? ''),
      ],
    );
    const newMatches = new Set(matched.map((r) => r.mention_id));
    return rows.map((r) => ({ id: r.id, externalId: r.external_id, authorId: r.author_id, inserted: r.inserted, newMatch: newMatches.has(r.id) }));
  }
}
