import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CreateListeningQueryRequest,
  ListeningQueryDto,
  Platform,
  UpdateListeningQueryRequest,
} from '@ecoute/contracts';
import { APP_CONFIG, type AppConfig } from '@ecoute/api-platform';
import { BackfillJobs } from '../backfill-jobs';
import { ListeningQueryEntity, SourceEntity } from '../entities';
import { QueryCompiler } from './query-compiler';

/** Listening queries and the sources (one per platform) that poll them. */
@Injectable()
export class ListeningQueryService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly compiler: QueryCompiler,
    private readonly jobs: BackfillJobs,
  ) {}

  async list(workspaceId: string): Promise<ListeningQueryDto[]> {
    const queries = await this.dataSource.getRepository(ListeningQueryEntity).find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
    const sources = await this.dataSource.getRepository(SourceEntity).find({ where: { workspaceId } });
    return queries.map((q) => this.toDto(q, sources.filter((s) => s.queryId === q.id)));
  }

  async get(workspaceId: string, id: string): Promise<ListeningQueryDto> {
    const query = await this.find(this.dataSource.manager, workspaceId, id);
    const sources = await this.dataSource.getRepository(SourceEntity).find({ where: { workspaceId, queryId: id } });
    return this.toDto(query, sources);
  }

  async create(workspaceId: string, input: CreateListeningQueryRequest): Promise<ListeningQueryDto> {
    this.assertCompiles(input.spec, input.platforms);
    const id = await this.dataSource.transaction(async (m) => {
      await this.assertNameFree(m, workspaceId, input.name, null);
      const saved = await m.save(ListeningQueryEntity, m.create(ListeningQueryEntity, {
        workspaceId,
        name: input.name,
        kind: input.kind,
        spec: input.spec,
        active: input.active,
      }));
      await this.syncSources(m, workspaceId, saved.id, input.platforms, input.pollIntervalSeconds);
      return saved.id;
    });
    return this.get(workspaceId, id);
  }

  async update(workspaceId: string, id: string, input: UpdateListeningQueryRequest): Promise<ListeningQueryDto> {
    await this.dataSource.transaction(async (m) => {
      const query = await this.find(m, workspaceId, id, true);
      const sources = await m.find(SourceEntity, { where: { workspaceId, queryId: id } });
      const spec = input.spec ?? query.spec;
      const platforms = input.platforms ?? sources.map((s) => s.platform);
      if (input.spec || input.platforms) this.assertCompiles(spec, platforms);
      if (input.name !== undefined) await this.assertNameFree(m, workspaceId, input.name, id);
      await m.update(ListeningQueryEntity, { id, workspaceId }, {
        name: input.name ?? query.name,
        kind: input.kind ?? query.kind,
        spec,
        active: input.active ?? query.active,
      });
      const interval = input.pollIntervalSeconds ?? sources[0]?.pollIntervalSeconds ?? 60;
      await this.syncSources(m, workspaceId, id, platforms, interval);
      if (input.pollIntervalSeconds !== undefined) {
        await m.update(SourceEntity, { workspaceId, queryId: id }, { pollIntervalSeconds: input.pollIntervalSeconds });
      }
      // a changed query looks for other posts: its sources restart from now, and look back again
      if (input.spec) {
        await m.update(SourceEntity, { workspaceId, queryId: id }, { cursor: {}, nextPollAt: new Date() });
        const all = await m.find(SourceEntity, { where: { workspaceId, queryId: id } });
        await this.jobs.scheduleInitial(m, all.map((x) => x.id), this.config.initialBackfillHours);
      }
    });
    return this.get(workspaceId, id);
  }

  /** Deletes the query and its sources; mentions stay (their match to this query goes). */
  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.dataSource.getRepository(ListeningQueryEntity).delete({ workspaceId, id });
    if (!result.affected) throw new NotFoundException(`listening query ${id} not found`);
  }

  private async find(m: EntityManager, workspaceId: string, id: string, lock = false): Promise<ListeningQueryEntity> {
    const query = await m.findOne(ListeningQueryEntity, { where: { workspaceId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!query) throw new NotFoundException(`listening query ${id} not found`);
    return query;
  }

  private async assertNameFree(m: EntityManager, workspaceId: string, name: string, exceptId: string | null): Promise<void> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT id FROM listening_query WHERE workspace_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [workspaceId, name, exceptId],
    );
    if (rows.length > 0) throw new ConflictException(`a listening query named "${name}" already exists`);
  }

  private assertCompiles(spec: CreateListeningQueryRequest['spec'], platforms: readonly Platform[]): void {
    const failed = this.compiler.describe(spec, platforms).filter((c) => c.error);
    if (failed.length > 0) throw new BadRequestException(failed.map((c) => c.error).join('; '));
  }

  /**
   * Adds a source for each new platform and removes those no longer listed. A new source also gets its
   * look-back (INITIAL_BACKFILL_HOURS), which the scheduler fetches in the background.
   */
  private async syncSources(m: EntityManager, workspaceId: string, queryId: string, platforms: readonly Platform[], interval: number): Promise<void> {
    await m.query(`DELETE FROM source WHERE workspace_id = $1 AND query_id = $2 AND NOT (platform = ANY($3::text[]))`, [workspaceId, queryId, [...platforms]]);
    const created: Array<{ id: string }> = await m.query(
      `INSERT INTO source (workspace_id, query_id, platform, poll_interval_seconds)
       SELECT $1, $2, p, $4 FROM unnest($3::text[]) AS p
       ON CONFLICT (workspace_id, query_id, platform) DO NOTHING RETURNING id`,
      [workspaceId, queryId, [...platforms], interval],
    );
    await this.jobs.scheduleInitial(m, created.map((r) => r.id), this.config.initialBackfillHours);
  }

  private toDto(q: ListeningQueryEntity, sources: readonly SourceEntity[]): ListeningQueryDto {
    const platforms = sources.map((s) => s.platform).sort();
    return {
      id: q.id,
      name: q.name,
      kind: q.kind,
      spec: q.spec,
      platforms,
      active: q.active,
      pollIntervalSeconds: sources[0]?.pollIntervalSeconds ?? 60,
      compiled: this.compiler.describe(q.spec, platforms),
      createdAt: q.createdAt.toISOString(),
      updatedAt: q.updatedAt.toISOString(),
    };
  }
}
