import { Injectable } from '@nestjs/common';
import type { HealthComponent } from '@ecoute/contracts';

export type HealthCheck = () => Promise<HealthComponent> | HealthComponent;

/** Components register a check here; GET /api/health runs them all. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async run(): Promise<Record<string, HealthComponent>> {
    const out: Record<string, HealthComponent> = {};
    for (const [name, check] of this.checks) {
      try {
        out[name] = await check();
      } catch (e) {
        out[name] = { status: 'down', error: e instanceof Error ? e.message : String(e) };
      }
    }
    return out;
  }
}
