import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REPLY_QUEUED, type ReplyQueuedEvent } from '@ecoute/contracts';
import { APP_CONFIG, DomainEvents, type AppConfig } from '@ecoute/api-platform';
import { ConnectorError, REPLY_TARGETS, type ReplyRequest, type ReplyTargets } from '@ecoute/api-connectors';

const MAX_ATTEMPTS = 6;
/** a row left in `sending` longer than this belongs to a process that died mid-send */

interface OutboxRow {
  id: string;
  platform: 'x' | 'mastodon' | 'reddit' | 'hackernews' | 'bluesky';
  body: string;
  in_reply_to_external_id: string;
  thread_key: string;
  attempts: number;
  needs_check: boolean;
}

/**
 * Posts queued replies exactly once. A row is claimed atomically (queued → sending), so one process sends it.
 * When an attempt's outcome is unknown (timeout, server error, crash mid-send), the next attempt first looks
 * for the reply on the platform, and only posts when it is not there.
 */
@Injectable()
export class ReplyDispatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReplyDispatcher.name);
  private unsubscribe: (() => void) | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    @Inject(REPLY_TARGETS) private readonly targets: ReplyTargets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.on<ReplyQueuedEvent>(REPLY_QUEUED, (e) => this.track(this.dispatch(e.outboxId)));
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Sends every reply that is due, and recovers rows abandoned mid-send. Called by the scheduler. */
  async sweep(limit = 20): Promise<number> {
    await this.dataSource.query(
      `UPDATE reply_outbox SET state = 'queued', needs_check = true, sending_since = NULL,
         last_error = 'the process sending this reply stopped; checking the platform before retrying'
       WHERE state = 'sending' AND sending_since < now() - make_interval(secs => $1)`,
      [this.config.scheduler.replyStaleSendingSeconds],
    );
    const due: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM reply_outbox WHERE state = 'queued' AND next_attempt_at <= now() ORDER BY created_at LIMIT $1`,
      [limit],
    );
    for (const row of due) await this.track(this.dispatch(row.id));
    return due.length;
  }

  async dispatch(outboxId: string): Promise<void> {
    const claimed: OutboxRow[] = (
      await this.dataSource.query(
        `UPDATE reply_outbox SET state = 'sending', attempts = attempts + 1, sending_since = now()
         WHERE id = $1 AND state = 'queued' AND next_attempt_at <= now()
         RETURNING id, platform, body, in_reply_to_external_id, thread_key, attempts, needs_check`,
        [outboxId],
      )
    )[0];
    const row = claimed[0];
    if (!row) return; // another process has it, or it is not due
    const target = this.targets.get(row.platform);
    if (!target) {
      await this.fail(row.id, `no reply connector is configured for ${row.platform}`);
      return;
    }
    const request: ReplyRequest = { text: row.body, inReplyToExternalId: row.in_reply_to_external_id, threadKey: row.thread_key };
    try {
      const already = row.needs_check ? await target.findPostedReply(request) : null;
      const posted = already ?? (await target.postReply(request));
      await this.dataSource.query(
        `UPDATE reply_outbox SET state = 'sent', platform_post_id = $2, sent_at = now(), sending_since = NULL,
           needs_check = false, last_error = NULL WHERE id = $1`,
        [row.id, posted.externalId],
      );
    } catch (e) {
      const error = e instanceof ConnectorError ? e : new ConnectorError('temporary', e instanceof Error ? e.message : String(e));
      if (!error.retryable || row.attempts >= MAX_ATTEMPTS) {
        await this.fail(row.id, `${error.code}: ${error.message}`);
        return;
      }
      // a rate limit was refused before anything was posted; anything else may have reached the platform
      const ambiguous = error.code !== 'rate_limited';
      const retryAt = error.retryAt ?? new Date(Date.now() + Math.min(300, 2 ** row.attempts) * 1000);
      await this.dataSource.query(
        `UPDATE reply_outbox SET state = 'queued', next_attempt_at = $2, last_error = $3, sending_since = NULL,
           needs_check = needs_check OR $4 WHERE id = $1`,
        [row.id, retryAt, `${error.code}: ${error.message}`.slice(0, 1000), ambiguous],
      );
      this.logger.warn(`reply ${row.id} attempt ${row.attempts} failed (${error.code}); retrying at ${retryAt.toISOString()}`);
    }
  }

  private async fail(id: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reply_outbox SET state = 'failed', last_error = $2, sending_since = NULL WHERE id = $1`,
      [id, message.slice(0, 1000)],
    );
    this.logger.error(`reply ${id} failed: ${message}`);
  }

  private track(p: Promise<void>): Promise<void> {
    const guarded = p.catch((e: unknown) => this.logger.error(e instanceof Error ? e.stack : String(e)));
    this.inFlight.add(guarded);
    void guarded.finally(() => this.inFlight.delete(guarded));
    return guarded;
  }
}
