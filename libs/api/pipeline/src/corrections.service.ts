import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnalyzeTextRequest, CorrectionListDto, CorrectionListQuery, CorrectMentionRequest, Enrichment, ReviewCorrectionRequest } from '@ecoute/contracts';
import { enrich } from '@ecoute/api-enrichment';
import { MentionCorrections, type AppliedCorrection } from '@ecoute/api-ingestion';
import { ALL_QUERIES, RollupWriter } from '@ecoute/api-analytics';
import { retryTransient } from '@ecoute/api-platform';
import { WorkspaceTuning } from './workspace-tuning';

/**
 * Corrections span two stages: ingestion records the correction and relabels the mention, analytics moves the
 * mention between sentiment labels in its rollups, in one transaction.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly corrections: MentionCorrections,
    private readonly rollups: RollupWriter,
    private readonly tuning: WorkspaceTuning,
  ) {}

  correct(workspaceId: string, userId: string, mentionId: string, input: CorrectMentionRequest): Promise<void> {
    return retryTransient(() =>
      this.dataSource.transaction(async (tx) => {
        const applied = await this.corrections.apply(tx, workspaceId, userId, mentionId, input);
        await this.moveRollups(tx, workspaceId, applied);
      }),
    );
  }

  review(workspaceId: string, userId: string, id: string, input: ReviewCorrectionRequest): Promise<void> {
    return retryTransient(() =>
      this.dataSource.transaction(async (tx) => {
        const reverted = await this.corrections.review(tx, workspaceId, userId, id, input);
        if (reverted) await this.moveRollups(tx, workspaceId, reverted);
      }),
    );
  }

  async list(workspaceId: string, q: CorrectionListQuery): Promise<CorrectionListDto> {
    const [items, stats] = await Promise.all([this.corrections.list(workspaceId, q), this.corrections.stats(workspaceId)]);
    return { items, stats };
  }

  /** Scores a text as a new mention of this workspace would be scored (the tuning page's "try it"). */
  async analyze(workspaceId: string, input: AnalyzeTextRequest): Promise<Enrichment> {
    return enrich({ text: input.text, language: input.language ?? null }, await this.tuning.forWorkspace(workspaceId));
  }

  private async moveRollups(tx: EntityManager, workspaceId: string, applied: AppliedCorrection): Promise<void> {
    if (!applied.sentiment) return;
    const mention = { createdAt: applied.createdAt, sentiment: applied.sentiment.from, reach: applied.reach, metrics: applied.metrics };
    await this.rollups.moveLabel(tx, workspaceId, [ALL_QUERIES, ...applied.queryIds], applied.platform, mention, applied.sentiment.to);
  }
}
