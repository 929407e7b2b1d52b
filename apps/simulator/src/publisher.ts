/**
 * Publishes the seeded stream over time: a Poisson process at the configured rate, with incident bursts on top,
 * one tick a second; and backfills history at start.
 */
import { arrivals, burstRate } from './schedule';
import { incidentAt } from './incidents';
import { float, seededRng, type Rng } from './random';
import type { Simulation } from './simulation';
import type { Timers } from './timers';
import { RECENT_WINDOW_MS } from './x-params';

export const TICK_MS = 1000;
/** posts older than this are forgotten (search reaches 7 days back) */
export const RETENTION_MS = RECENT_WINDOW_MS + 24 * 3600_000;

export class Publisher {
  private readonly rng: Rng;
  private running = false;

  constructor(
    private readonly sim: Simulation,
    private readonly timers: Timers,
    private readonly postsPerMinute: number,
    private readonly log: (line: string) => void,
    private readonly now: () => number,
  ) {
    this.rng = seededRng(sim.seed, 5);
  }

  /** publishes `count` posts at seeded random times over the `hours` before now, oldest first */
  backfill(count: number, hours: number): number {
    if (count <= 0 || hours <= 0) return 0;
    const nowMs = this.now();
    const spanMs = hours * 3600_000;
    const times = Array.from(
      { length: count },
      () => nowMs - spanMs + Math.floor(float(this.rng) * spanMs),
    ).sort((a, b) => a - b);
    for (const t of times) this.sim.generate(t);
    this.log(`backfilled ${count} posts over the last ${hours} h`);
    return count;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
  }

  private schedule(): void {
    this.timers.after(TICK_MS, () => {
      if (!this.running) return;
      this.tick();
      this.schedule();
    });
  }

  /** one second of the stream */
  tick(): number {
    const nowMs = this.now();
    const incident = incidentAt(this.sim.seed, nowMs);
    const n =
      arrivals(this.rng, this.postsPerMinute, TICK_MS / 1000) +
      arrivals(this.rng, burstRate(this.postsPerMinute, incident), TICK_MS / 1000);
    for (let i = 0; i < n; i++) {
      const post = this.sim.generate(this.now());
      const user = this.sim.store.user(post.authorId);
      this.log(
        `post ${post.id} ${post.platform} @${user?.username ?? '?'} [${post.lang} ${post.intent}]: ${post.text}`,
      );
    }
    const pruned = this.sim.store.prune(nowMs - RETENTION_MS);
    if (pruned > 0) this.log(`forgot ${pruned} posts older than 8 days`);
    return n;
  }
}
