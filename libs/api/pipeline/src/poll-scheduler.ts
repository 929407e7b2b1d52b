import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, HealthRegistry, type AppConfig } from '@ecoute/api-platform';
import { SourceLeases } from '@ecoute/api-ingestion';
import { ReplyDispatcher, SnoozeWaker } from '@ecoute/api-inbox';
import { BackfillRunner } from './backfill.runner';
import { PollSourceJob } from './poll-source.job';

/** sources polled at once by one process; each waits on its platform, so they overlap well */
const SOURCES_PER_TICK = 4;
const MAX_BATCHES_PER_ROUND = 25;
const INITIAL_BACKFILLS_PER_ROUND = 4;
const INITIAL_BACKFILL_PAGES = 5;

/**
 * A tick only hands out work (DESIGN §7): it claims the sources that are due, runs each in its own
 * try/catch, and sends queued replies. Several API processes can tick at once: leases keep them apart.
 */
@Injectable()
export class PollScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PollScheduler.name);
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastTickAt: Date | null = null;
  private lastTickError: string | null = null;
  private ticks = 0;
  /** source polls run by this process */
  private polls = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly leases: SourceLeases,
    private readonly job: PollSourceJob,
    private readonly replies: ReplyDispatcher,
    private readonly backfills: BackfillRunner,
    private readonly snoozes: SnoozeWaker,
    health: HealthRegistry,
  ) {
    health.register('scheduler', async () => ({
      status: !this.config.scheduler.enabled ? 'ok' : this.lastTickError ? 'degraded' : 'ok',
      enabled: this.config.scheduler.enabled,
      owner: this.owner,
      ticks: this.ticks,
      polls: this.polls,
      lastTickAt: this.lastTickAt?.toISOString() ?? null,
      lastError: this.lastTickError,
      sources: await this.leases.stateCounts(),
    }));
  }

  onApplicationBootstrap(): void {
    if (!this.config.scheduler.enabled) return;
    const interval = setInterval(() => void this.tick(), this.config.scheduler.tickMs);
    this.registry.addInterval('poll-sources', interval);
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.registry.doesExist('interval', 'poll-sources')) this.registry.deleteInterval('poll-sources');
    await this.running;
  }

  /** One round of work; overlapping ticks are skipped. Returns when the round is done. */
  tick(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<void> {
    try {
      // batches of due sources until none is left (or the round has run long enough)
      for (let batch = 0; batch < MAX_BATCHES_PER_ROUND && !this.stopped; batch++) {
        const due = await this.leases.claimDue(this.owner, SOURCES_PER_TICK, this.config.scheduler.leaseSeconds);
        if (due.length === 0) break;
        this.polls += due.length;
        await Promise.all(due.map((source) => this.job.run(source, this.owner)));
      }
      // then a little of the look-back of new sources, so that live polling always goes first
      for (let i = 0; i < INITIAL_BACKFILLS_PER_ROUND && !this.stopped; i++) {
        if (!(await this.backfills.runDueInitial(this.owner, this.config.scheduler.leaseSeconds, INITIAL_BACKFILL_PAGES))) break;
      }
      await this.replies.sweep();
      await this.snoozes.wake();
      this.lastTickError = null;
    } catch (e) {
      this.lastTickError = e instanceof Error ? e.message : String(e);
      this.logger.error(`scheduler tick failed: ${this.lastTickError}`);
    } finally {
      this.ticks++;
      this.lastTickAt = new Date();
    }
  }
}
