import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListeningQuerySpec, type Platform, type QueryKind } from '@ecoute/contracts';
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
  constructor(private readonly dataSource: DataSource) {}

  async ensureQuery(workspaceId: string, def: QueryDefinition): Promise<ListeningQueryEntity> {
    const spec = ListeningQuerySpec.parse(def.spec);
    return this.dataSource.transaction(async (m) => {
      let query = await m.findOneBy(ListeningQueryEntity, { workspaceId, name: def.name });
      if (!query) query = await m.save(ListeningQueryEntity, { workspaceId, name: def.name, kind: def.kind, spec, active: true });
      for (const platform of def.platforms) {
        await m.query(
          `INSERT INTO source (workspace_id, query_id, platform, poll_interval_seconds)
           VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, query_id, platform) DO NOTHING`,
          [workspaceId, query.id, platform, def.pollIntervalSeconds],
        );
      }
      return query;
    });
  }
}
