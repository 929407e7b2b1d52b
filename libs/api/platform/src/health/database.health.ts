import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthRegistry } from './health.registry';

@Injectable()
export class DatabaseHealth implements OnModuleInit {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register('database', async () => {
      const started = performance.now();
      await this.dataSource.query('SELECT 1');
      const pending = await this.dataSource.showMigrations();
      return {
        status: pending ? 'degraded' : 'ok',
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        pendingMigrations: pending,
      };
    });
  }
}
