import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Enrichment, ListeningQuerySpec, MentionsCommittedEvent, Platform, QueryKind } from '@ecoute/contracts';
import type { FetchedMention } from '@ecoute/api-connectors';
import { enrichBatch, type CompiledTuning } from '@ecoute/api-enrichment';
import { judgeLocally, MentionBatchWriter } from '@ecoute/api-ingestion';
import { evaluateRules, type RoutingRule } from '@ecoute/api-routing';
import { ConversationBatchWriter } from '@ecoute/api-inbox';
import { ALL_QUERIES, RollupWriter } from '@ecoute/api-analytics';
import { retryTransient } from '@ecoute/api-platform';

export interface PageContext {
  workspaceId: string;
  sourceId: string;
  queryId: string;
  queryKind: QueryKind;
  platform: Platform;
  spec: ListeningQuerySpec;
  rules: readonly RoutingRule[];
  /** the workspace's sentiment tuning (extra lexicon words, ignored terms) */
  tuning?: CompiledTuning;
}

export interface PreparedPage {
  items: Array<{ fetched: FetchedMention; enrichment: Enrichment; matchedTerms: string[] }>;
  /** posts the local matcher dropped (an exclude term, another language) */
  dropped: number;
  /** reposts folded into their original */
  folded: number;
}

export interface CommittedPage extends MentionsCommittedEvent {
  /** mentions stored for the first time */
  inserted: number;
  /** mentions newly linked to this query */
  matched: number;
}

/**
 * Reposts fold into their original by default (its repost count still counts); with `includeReposts` each
 * repost is a mention of its own. A repost whose original the platform did not embed is dropped when folding.
 */
export function foldReposts(page: readonly FetchedMention[], includeReposts: boolean): { mentions: FetchedMention[]; folded: number } {
  if (includeReposts) return { mentions: [...page], folded: 0 };
  const out = new Map<string, FetchedMention>();
  let folded = 0;
  for (const m of page) {
    const post = m.isRepost ? m.repostOf : m;
    if (m.isRepost) folded++;
    if (post && !post.isRepost && !out.has(post.externalId)) out.set(post.externalId, post);
  }
  return { mentions: [...out.values()], folded };
}

/** The pure half of a page: fold reposts, enrich (with the workspace's tuning), and keep what the local matcher accepts. */
export function preparePage(page: readonly FetchedMention[], spec: ListeningQuerySpec, tuning?: CompiledTuning): PreparedPage {
  const { mentions, folded } = foldReposts(page, spec.includeReposts);
  const enrichments = enrichBatch(
    mentions.map((m) => ({ text: m.text, language: m.language })),
    tuning,
  );
  const items: PreparedPage['items'] = [];
  let dropped = 0;
  mentions.forEach((fetched, i) => {
    const enrichment = enrichments[i];
    const verdict = judgeLocally(spec, fetched.text, fetched.language ?? enrichment.language, fetched.author.handle);
    if (verdict.dropReason) dropped++;
    else items.push({ fetched, enrichment, matchedTerms: verdict.matchedTerms });
  });
  return { items, dropped, folded };
}

/**
 * The write half (DESIGN §1). Authors first, in a short statement of their own (decision 0008); then one
 * transaction in which ingestion stores mentions and matches, the inbox opens or extends conversations for new
 * mentions, analytics bumps the rollups of the query for every mention newly matched to it, and `advance` (the
 * caller's cursor or job) runs last. Deadlocks and serialization failures retry the whole transaction.
 */
@Injectable()
export class PageCommitter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mentions: MentionBatchWriter,
    private readonly conversations: ConversationBatchWriter,
    private readonly rollups: RollupWriter,
  ) {}

  async commit(ctx: PageContext, prepared: PreparedPage, advance: (tx: EntityManager, page: CommittedPage) => Promise<unknown>): Promise<CommittedPage> {
    const authorIds = await retryTransient(() => this.mentions.upsertAuthors(this.dataSource.manager, ctx.workspaceId, ctx.platform, prepared.items));
    return retryTransient(() =>
      this.dataSource.transaction(async (tx) => {
        const page = await this.write(tx, ctx, prepared, authorIds);
        await advance(tx, page);
        return page;
      }),
    );
  }

  /** The transaction's statements; `tx` may be wrapped (the ingest benchmark times each statement). */
  async write(tx: EntityManager, ctx: PageContext, prepared: PreparedPage, authorIds: ReadonlyMap<string, string>): Promise<CommittedPage> {
    const { workspaceId, platform, queryId } = ctx;
    const own = await this.conversations.ownPostIds(tx, workspaceId, platform, prepared.items.map((b) => b.fetched.externalId));
    const batch = prepared.items.filter((b) => !own.has(b.fetched.externalId));
    const stored = await this.mentions.write(tx, workspaceId, platform, queryId, batch, authorIds);
    const byExternalId = new Map(batch.map((b) => [b.fetched.externalId, b]));
    const item = (externalId: string) => {
      const b = byExternalId.get(externalId);
      if (!b) throw new Error(`stored mention ${externalId} is not in the batch`);
      return b;
    };
    const fresh = stored.filter((s) => s.inserted);
    const inbound = fresh.map((s) => {
      const b = item(s.externalId);
      const { author } = b.fetched;
      const decision = evaluateRules(ctx.rules, {
        platform,
        enrichment: b.enrichment,
        text: b.fetched.text,
        author: { followers: author.followers, verified: author.verified, handle: author.handle },
        queries: [{ id: queryId, kind: ctx.queryKind }],
      });
      return {
        mentionId: s.id,
        externalId: s.externalId,
        authorId: s.authorId,
        threadKey: b.fetched.threadId ?? b.fetched.externalId,
        text: b.fetched.text,
        createdAt: b.fetched.createdAt,
        open: decision.openConversation,
        priority: decision.priority,
        tags: decision.tags,
        ruleId: decision.ruleId,
        teamId: decision.teamId,
        assign: decision.assign,
        assignedBy: decision.assignedBy,
      };
    });
    const conversationIds = await this.conversations.apply(tx, workspaceId, platform, inbound);
    const newlyMatched = stored.filter((s) => s.newMatch);
    const rollupOf = (s: { externalId: string }) => {
      const b = item(s.externalId);
      return { createdAt: b.fetched.createdAt, sentiment: b.enrichment.sentiment.label, reach: b.fetched.author.followers, metrics: b.fetched.metrics };
    };
    await this.rollups.bump(tx, workspaceId, queryId, platform, newlyMatched.map(rollupOf));
    await this.rollups.bump(tx, workspaceId, ALL_QUERIES, platform, fresh.map(rollupOf));
    return {
      workspaceId,
      sourceId: ctx.sourceId,
      mentionIds: fresh.map((s) => s.id),
      conversationIds,
      inserted: fresh.length,
      matched: newlyMatched.length,
    };
  }
}
