import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import type { Platform } from '@ecoute/contracts';
import { ConnectorError, MENTION_SOURCES, type MentionSources, type RateLimitInfo } from '@ecoute/api-connectors';
import { BackfillJobs, backoffMs, type BackfillWork } from '@ecoute/api-ingestion';
import { RoutingRulesService } from '@ecoute/api-routing';
import { PageCommitter, preparePage } from './page-committer';
import { WorkspaceTuning } from './workspace-tuning';

export interface BackfillRequest {
  workspaceId: string;
  queryName: string;
  since: Date;
  /** only these platforms (default: every source of the query) */
  platforms?: Platform[];
  /** consecutive temporary failures tolerated per source before giving up (default 8) */
  maxRetries?: number;
}

export interface BackfillProgress {
  platform: Platform;
  /** how far back the walk has come, 0..1 of the period */
  fraction: number;
  pages: number;
  fetched: number;
  inserted: number;
  /** set while waiting out a rate limit or a failure */
  waitingUntil: Date | null;
  note: string | null;
}

export interface BackfillSourceResult {
  platform: Platform;
  since: Date;
  pages: number;
  fetched: number;
  inserted: number;
  state: 'done' | 'failed';
  error: string | null;
}

export interface PagesResult {
  done: boolean;
  pages: number;
  fetched: number;
  inserted: number;
  /** the oldest post seen, for progress */
  oldest: Date | null;
  rateLimit: RateLimitInfo | null;
}

const PAGE_SIZE = 100;

/**
 * Fetches a source's history back to a date, page by page through the same pipeline as polling. Each page
 * commits with the job's cursor, so an interrupted run resumes where it stopped and stores nothing twice.
 * Used by `npm run backfill` (waiting out rate limits and retrying failures) and by the scheduler, which runs
 * the look-back of new sources a few pages per round.
 */
@Injectable()
export class BackfillRunner {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MENTION_SOURCES) private readonly sources: MentionSources,
    private readonly jobs: BackfillJobs,
    private readonly rules: RoutingRulesService,
    private readonly tuning: WorkspaceTuning,
    private readonly committer: PageCommitter,
  ) {}

  /** The earliest date the platform can still serve (X recent search: 7 days), with a few minutes of margin. */
  clampSince(platform: Platform, since: Date, nowMs = Date.now()): Date {
    const days = this.sources.get(platform)?.historyDays;
    return days ? new Date(Math.max(since.getTime(), nowMs - days * 86_400_000 + 5 * 60_000)) : since;
  }

  /**
   * Runs up to `maxPages` pages of a job. Throws the ConnectorError of a failed fetch (nothing of that page is
   * stored); `lease` makes each commit check that this process still holds the job.
   */
  async runPages(job: BackfillWork, maxPages: number, lease: { owner: string; seconds: number } | null): Promise<PagesResult> {
    const connector = this.sources.get(job.platform);
    if (!connector) throw new ConnectorError('auth_invalid', `no connector is configured for ${job.platform}`);
    const query = connector.compile(job.spec);
    const rules = await this.rules.forWorkspace(job.workspaceId);
    const tuning = await this.tuning.forWorkspace(job.workspaceId);
    const ctx = { workspaceId: job.workspaceId, sourceId: job.sourceId, queryId: job.queryId, queryKind: job.queryKind, platform: job.platform, spec: job.spec, rules, tuning };
    const result: PagesResult = { done: false, pages: 0, fetched: 0, inserted: 0, oldest: null, rateLimit: null };
    while (result.pages < maxPages) {
      const page = await connector.fetchHistory(query, job.since, job.cursor, PAGE_SIZE);
      const prepared = preparePage(page.mentions, job.spec, tuning);
      const committed = await this.committer.commit(ctx, prepared, (tx, r) =>
        this.jobs.advance(tx, job.id, page.cursor, page.mentions.length, r.inserted, lease),
      );
      job.cursor = page.cursor;
      result.pages++;
      result.fetched += page.mentions.length;
      result.inserted += committed.inserted;
      result.rateLimit = page.rateLimit ?? result.rateLimit;
      for (const m of page.mentions) if (!result.oldest || m.createdAt < result.oldest) result.oldest = m.createdAt;
      if (!page.cursor) {
        result.done = true;
        break;
      }
      if (page.rateLimit?.remaining === 0) break;
    }
    return result;
  }

  /**
   * The scheduler's share: claims one due look-back of a new source and runs a few pages of it under a lease.
   * Failures wait (rate limits until their reset, others with backoff). Returns false when none was due.
   */
  async runDueInitial(owner: string, leaseSeconds: number, maxPages: number): Promise<boolean> {
    const job = await this.jobs.claimInitial(owner, leaseSeconds);
    if (!job) return false;
    try {
      await this.runPages({ ...job, since: this.clampSince(job.platform, job.since) }, maxPages, { owner, seconds: leaseSeconds });
      await this.jobs.release(job.id, owner);
    } catch (e) {
      const error = e instanceof ConnectorError ? e : new ConnectorError('temporary', e instanceof Error ? e.message : String(e));
      const retryAt = error.code === 'rate_limited' && error.retryAt ? error.retryAt : new Date(Date.now() + backoffMs(job.failures + 1));
      await this.jobs.attemptFailed(job.id, owner, error, retryAt);
    }
    return true;
  }

  /** `npm run backfill`: every source of a query, to the end, waiting out rate limits and retrying failures. */
  async run(request: BackfillRequest, onProgress: (p: BackfillProgress) => void = () => undefined): Promise<BackfillSourceResult[]> {
    const rows: Array<{ source_id: string; platform: Platform }> = await this.dataSource.query(
      `SELECT s.id AS source_id, s.platform FROM listening_query q JOIN source s ON s.query_id = q.id
       WHERE q.workspace_id = $1 AND lower(q.name) = lower($2) ORDER BY s.platform`,
      [request.workspaceId, request.queryName],
    );
    if (rows.length === 0) throw new NotFoundException(`no listening query named "${request.queryName}" with sources in this workspace`);
    const results: BackfillSourceResult[] = [];
    for (const row of rows) {
      if (request.platforms && !request.platforms.includes(row.platform)) continue;
      results.push(await this.runToEnd(request, row.source_id, row.platform, onProgress));
    }
    return results;
  }

  private async runToEnd(
    request: BackfillRequest,
    sourceId: string,
    platform: Platform,
    onProgress: (p: BackfillProgress) => void,
  ): Promise<BackfillSourceResult> {
    const nowMs = Date.now();
    const since = this.clampSince(platform, request.since, nowMs);
    const note = since > request.since ? `${platform} keeps ${this.sources.get(platform)?.historyDays} days: from ${since.toISOString()}` : null;
    const job = await this.jobs.open(request.workspaceId, sourceId, since);
    const totals = await this.jobs.get(job.id);
    let { pages, fetched, inserted } = totals;
    let oldest: Date | null = null;
    let failures = 0;
    const fraction = () => (oldest ? Math.min(1, Math.max(0, (nowMs - oldest.getTime()) / Math.max(1, nowMs - since.getTime()))) : 0);
    const report = (waitingUntil: Date | null, text: string | null = note, f = fraction()) =>
      onProgress({ platform, fraction: f, pages, fetched, inserted, waitingUntil, note: text });
    const finish = async (state: 'done' | 'failed', error: string | null): Promise<BackfillSourceResult> => {
      if (state === 'failed' && error) await this.jobs.fail(job.id, error);
      report(null, error ?? note, state === 'done' ? 1 : fraction());
      return { platform, since, pages, fetched, inserted, state, error };
    };
    report(null);
    for (;;) {
      let r: PagesResult;
      try {
        r = await this.runPages(job, 1, null);
        failures = 0;
      } catch (e) {
        const error = e instanceof ConnectorError ? e : new ConnectorError('temporary', e instanceof Error ? e.message : String(e));
        if (!error.retryable) return finish('failed', `${error.code}: ${error.message}`);
        failures++;
        if (failures > (request.maxRetries ?? 8)) return finish('failed', `gave up after ${failures - 1} retries: ${error.message}`);
        const until = error.code === 'rate_limited' && error.retryAt ? error.retryAt : new Date(Date.now() + backoffMs(failures));
        report(until, `${error.code}: ${error.message}`);
        await sleep(Math.max(0, until.getTime() - Date.now()));
        continue;
      }
      pages += r.pages;
      fetched += r.fetched;
      inserted += r.inserted;
      if (r.oldest && (!oldest || r.oldest < oldest)) oldest = r.oldest;
      if (r.done) return finish('done', null);
      report(null);
      const resetAt = r.rateLimit?.remaining === 0 ? r.rateLimit.resetAt : null;
      if (resetAt && resetAt.getTime() > Date.now()) {
        report(resetAt, 'rate limit spent: waiting for the reset');
        await sleep(resetAt.getTime() - Date.now());
      }
    }
  }
}
