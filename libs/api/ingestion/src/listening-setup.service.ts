import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ecoute/api-platform';
import { DataSource } from 'typeorm';
import { ListeningQuerySpec, type Platform, type QueryKind } from '@ecoute/contracts';
import { BackfillJobs } from './backfill-jobs';
import { ListeningQueryEntity } from './entities';

export interface QueryDefinition {
  name: string;
  kind: QueryKind;
  spec: Partial<ListeningQuerySpec>;
  platforms: Platform[];
  pollIntervalSeconds: number;
}

/** Creates listening queries and their sources, idempotently by name (demo seed, tests). */
@Injectable()
export class ListeningSetupService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly jobs: BackfillJobs,
  ) {}

  async ensureQuery(workspaceId: string, def: QueryDefinition): Promise<ListeningQueryEntity> {
    const spec = ListeningQuerySpec.parse(def.spec);
    return this.dataSource.transaction(async (m) => {
      let query = await m.findOneBy(ListeningQueryEntity, { workspaceId, name: def.name });
      if (!query) query = await m.save(ListeningQueryEntity, { workspaceId, name: def.name, kind: def.kind, spec, active: true });
      const created: Array<{ id: string }> = await m.query(
        `INSERT INTO source (workspace_id, query_id, platform, poll_interval_seconds)
         SELECT $1, $2, p, $4 FROM unnest($3::text[]) AS p
         ON CONFLICT (workspace_id, query_id, platform) DO NOTHING RETURNING id`,
        [workspaceId, query.id, def.platforms, def.pollIntervalSeconds],
      );
      await this.jobs.scheduleInitial(m, created.map((r) => r.id), this.config.initialBackfillHours);
      return query;
    });
  }
}
