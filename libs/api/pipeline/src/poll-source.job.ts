import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MENTIONS_COMMITTED, type MentionsCommittedEvent } from '@ecoute/contracts';
import { DomainEvents } from '@ecoute/api-platform';
import { ConnectorError, MENTION_SOURCES, type FetchedMention, type MentionSources } from '@ecoute/api-connectors';
import { enrichBatch } from '@ecoute/api-enrichment';
import { MentionBatchWriter, SourceLeases, matchTerms, type ClaimedSource } from '@ecoute/api-ingestion';
import { evaluateRules, RoutingRulesService } from '@ecoute/api-routing';
import { ConversationBatchWriter } from '@ecoute/api-inbox';
import { RollupWriter } from '@ecoute/api-analytics';

export interface PollOutcome {
  pages: number;
  fetched: number;
  inserted: number;
  conversations: number;
  error: ConnectorError | null;
}

const PAGE_SIZE = 100;
const MAX_PAGES_PER_POLL = 5;

/**
 * The hot path for one source (DESIGN §1): fetch a page → enrich (pure) → route (pure) → one transaction in
 * which ingestion stores mentions, the inbox opens or extends conversations, analytics bumps rollups and,
 * last, the source's cursor moves. A crash replays the whole page or none of it.
 */
@Injectable()
export class PollSourceJob {
  private readonly logger = new Logger(PollSourceJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    @Inject(MENTION_SOURCES) private readonly sources: MentionSources,
    private readonly leases: SourceLeases,
    private readonly mentions: MentionBatchWriter,
    private readonly rules: RoutingRulesService,
    private readonly conversations: ConversationBatchWriter,
    private readonly rollups: RollupWriter,
  ) {}

  async run(source: ClaimedSource, owner: string): Promise<PollOutcome> {
    const outcome: PollOutcome = { pages: 0, fetched: 0, inserted: 0, conversations: 0, error: null };
    const connector = this.sources.get(source.platform);
    try {
      if (!connector) throw new ConnectorError('auth_invalid', `no connector is configured for ${source.platform}`);
      const query = connector.compile(source.spec);
      const rules = await this.rules.forWorkspace(source.workspaceId);
      let cursor = source.cursor;
      for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
        const fetched = await connector.fetchPage(query, cursor, PAGE_SIZE);
        outcome.pages++;
        outcome.fetched += fetched.mentions.length;
        const committed = await this.commitPage(source, owner, fetched.mentions, fetched.cursor, rules);
        outcome.inserted += committed.mentionIds.length;
        outcome.conversations += committed.conversationIds.length;
        if (committed.mentionIds.length > 0 || committed.conversationIds.length > 0) {
          this.events.emit<MentionsCommittedEvent>(MENTIONS_COMMITTED, committed);
        }
        cursor = fetched.cursor;
        if (!fetched.hasMore) break;
      }
      // pages left over (a long backlog) are fetched on the next tick rather than in one long poll
      const again = cursor.nextToken ? 0 : source.pollIntervalSeconds;
      await this.leases.completed(source.id, owner, again);
    } catch (e) {
      const error = e instanceof ConnectorError ? e : new ConnectorError('temporary', e instanceof Error ? e.message : String(e));
      outcome.error = error;
      const retryAt = await this.leases.failed(source, owner, error);
      this.logger.warn(`source ${source.id} (${source.platform}) failed: ${error.code}: ${error.message}; next poll ${retryAt.toISOString()}`);
    }
    return outcome;
  }

  private async commitPage(
    source: ClaimedSource,
    owner: string,
    page: readonly FetchedMention[],
    cursor: ClaimedSource['cursor'],
    rules: Awaited<ReturnType<RoutingRulesService['forWorkspace']>>,
  ): Promise<MentionsCommittedEvent> {
    const { workspaceId, platform, queryId } = source;
    const candidates = page.filter((m) => !m.isRepost || source.spec.includeReposts);
    const enrichments = enrichBatch(candidates.map((m) => ({ text: m.text, language: m.language })));
    return this.dataSource.transaction(async (tx) => {
      const own = await this.conversations.ownPostIds(tx, workspaceId, platform, candidates.map((m) => m.externalId));
      const batch = candidates
        .map((fetched, i) => ({ fetched, enrichment: enrichments[i], matchedTerms: matchTerms(source.spec, fetched.text) }))
        .filter((b) => !own.has(b.fetched.externalId));
      const stored = await this.mentions.write(tx, workspaceId, platform, queryId, batch);
      const byExternalId = new Map(batch.map((b) => [b.fetched.externalId, b]));
      const fresh = stored.filter((s) => s.inserted);
      const inbound = fresh.map((s) => {
        const b = byExternalId.get(s.externalId);
        if (!b) throw new Error(`stored mention ${s.externalId} is not in the batch`);
        const decision = evaluateRules(rules, { platform, enrichment: b.enrichment, authorFollowers: b.fetched.author.followers });
        return {
          mentionId: s.id,
          externalId: s.externalId,
          authorId: s.authorId,
          threadKey: b.fetched.threadId ?? b.fetched.externalId,
          text: b.fetched.text,
          createdAt: b.fetched.createdAt,
          open: decision.openConversation,
          priority: decision.priority,
          ruleId: decision.ruleId,
        };
      });
      const conversationIds = await this.conversations.apply(tx, workspaceId, platform, inbound);
      await this.rollups.bump(
        tx,
        workspaceId,
        queryId,
        platform,
        fresh.map((s) => {
          const b = byExternalId.get(s.externalId);
          if (!b) throw new Error(`stored mention ${s.externalId} is not in the batch`);
          return { createdAt: b.fetched.createdAt, sentiment: b.enrichment.sentiment.label, reach: b.fetched.author.followers, metrics: b.fetched.metrics };
        }),
      );
      await this.leases.advanceCursor(tx, source.id, owner, cursor);
      return { workspaceId, sourceId: source.id, mentionIds: fresh.map((s) => s.id), conversationIds };
    });
  }
}
