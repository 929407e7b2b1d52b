import { Inject, Injectable, Logger } from '@nestjs/common';
import { MENTIONS_COMMITTED, type MentionsCommittedEvent } from '@ecoute/contracts';
import { APP_CONFIG, DomainEvents, type AppConfig } from '@ecoute/api-platform';
import {
  ConnectorError,
  MENTION_SOURCES,
  type FetchedMention,
  type MentionSources,
  type RateLimitInfo,
  type SourceCursor,
} from '@ecoute/api-connectors';
import { SourceLeases, type ClaimedSource } from '@ecoute/api-ingestion';
import { RoutingRulesService } from '@ecoute/api-routing';
import { PageCommitter, preparePage } from './page-committer';
import { WorkspaceTuning } from './workspace-tuning';

export interface PollOutcome {
  pages: number;
  fetched: number;
  inserted: number;
  dropped: number;
  conversations: number;
  error: ConnectorError | null;
}

const PAGE_SIZE = 100;
const MAX_PAGES_PER_POLL = 5;
/** mentions per transaction: a poll's pages commit together, which is about 30% faster than page by page */
const COMMIT_BATCH = 500;

/**
 * The hot path for one source (DESIGN §1): fetch pages → enrich and match locally (pure) → route (pure) →
 * one transaction in which ingestion stores mentions, the inbox opens or extends conversations, analytics
 * bumps rollups and, last, the source's cursor moves to the last page's. A poll's pages (up to COMMIT_BATCH
 * mentions) commit together; a crash replays the whole batch or none of it.
 */
@Injectable()
export class PollSourceJob {
  private readonly logger = new Logger(PollSourceJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: DomainEvents,
    @Inject(MENTION_SOURCES) private readonly sources: MentionSources,
    private readonly leases: SourceLeases,
    private readonly rules: RoutingRulesService,
    private readonly tuning: WorkspaceTuning,
    private readonly committer: PageCommitter,
  ) {}

  async run(source: ClaimedSource, owner: string): Promise<PollOutcome> {
    const outcome: PollOutcome = { pages: 0, fetched: 0, inserted: 0, dropped: 0, conversations: 0, error: null };
    const connector = this.sources.get(source.platform);
    let rateLimit: RateLimitInfo | null = null;
    try {
      if (!connector) throw new ConnectorError('auth_invalid', `no connector is configured for ${source.platform}`);
      const query = connector.compile(source.spec);
      const rules = await this.rules.forWorkspace(source.workspaceId);
      const tuning = await this.tuning.forWorkspace(source.workspaceId);
      const ctx = { workspaceId: source.workspaceId, sourceId: source.id, queryId: source.queryId, queryKind: source.queryKind, platform: source.platform, spec: source.spec, rules, tuning };
      let cursor = source.cursor;
      let hasMore = false;
      // fetched pages wait here until a batch is worth a transaction; the cursor is the last page's
      let batch: FetchedMention[] = [];
      let batchCursor: SourceCursor | null = null;
      const flush = async () => {
        if (batchCursor === null) return;
        const upTo = batchCursor;
        const prepared = preparePage(batch, source.spec, tuning);
        batch = [];
        batchCursor = null;
        outcome.dropped += prepared.dropped;
        const committed = await this.committer.commit(ctx, prepared, (tx) =>
          this.leases.advanceCursor(tx, source.id, owner, upTo, this.config.scheduler.leaseSeconds),
        );
        outcome.inserted += committed.inserted;
        outcome.conversations += committed.conversationIds.length;
        if (committed.mentionIds.length > 0 || committed.conversationIds.length > 0) {
          const event: MentionsCommittedEvent = {
            workspaceId: committed.workspaceId,
            sourceId: committed.sourceId,
            mentionIds: committed.mentionIds,
            conversationIds: committed.conversationIds,
          };
          this.events.emit<MentionsCommittedEvent>(MENTIONS_COMMITTED, event);
        }
      };
      for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
        let fetched;
        try {
          fetched = await connector.fetchPage(query, cursor, PAGE_SIZE);
        } catch (e) {
          // keep what the earlier pages of this poll brought, then report the failure
          await flush();
          throw e;
        }
        rateLimit = fetched.rateLimit ?? rateLimit;
        outcome.pages++;
        outcome.fetched += fetched.mentions.length;
        batch.push(...fetched.mentions);
        batchCursor = fetched.cursor;
        cursor = fetched.cursor;
        hasMore = fetched.hasMore;
        if (batch.length >= COMMIT_BATCH) await flush();
        if (!hasMore || rateLimit?.remaining === 0) break;
      }
      await flush();
      // pages left over (a long backlog) are fetched on the next tick rather than in one long poll
      await this.leases.completed(source, owner, hasMore ? 0 : source.pollIntervalSeconds, rateLimit);
    } catch (e) {
      const error = e instanceof ConnectorError ? e : new ConnectorError('temporary', e instanceof Error ? e.message : String(e));
      outcome.error = error;
      const retryAt = await this.leases.failed(source, owner, error, rateLimit);
      this.logger.warn(`source ${source.id} (${source.platform}) failed: ${error.code}: ${error.message}; next poll ${retryAt.toISOString()}`);
    }
    return outcome;
  }
}
