import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { compileTuning, type CompiledTuning } from '@ecoute/api-enrichment';
import { SentimentTermsService } from '@ecoute/api-ingestion';

/**
 * A workspace's compiled sentiment tuning for enrichment. Read on every poll (one small query), compiled only
 * when the terms changed, so an admin's new word scores the next page.
 */
@Injectable()
export class WorkspaceTuning {
  private readonly compiled = new Map<string, { key: string; tuning: CompiledTuning }>();

  constructor(private readonly terms: SentimentTermsService) {}

  async forWorkspace(workspaceId: string, m?: EntityManager): Promise<CompiledTuning> {
    const tuning = await this.terms.tuning(workspaceId, m);
    const key = JSON.stringify(tuning);
    const cached = this.compiled.get(workspaceId);
    if (cached?.key === key) return cached.tuning;
    const fresh = { key, tuning: compileTuning(tuning) };
    this.compiled.set(workspaceId, fresh);
    return fresh.tuning;
  }
}
