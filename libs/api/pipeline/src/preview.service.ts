import { Inject, Injectable } from '@nestjs/common';
import type { PreviewListeningQueryRequest, PreviewPlatformDto, PreviewResultDto, Platform, ListeningQuerySpec } from '@ecoute/contracts';
import { ConnectorError, MENTION_SOURCES, type MentionSources } from '@ecoute/api-connectors';
import { enrichBatch, type CompiledTuning } from '@ecoute/api-enrichment';
import { judgeLocally, QueryCompiler } from '@ecoute/api-ingestion';
import { foldReposts } from './page-committer';
import { WorkspaceTuning } from './workspace-tuning';

/** Runs a query once on each platform and shows what would match, storing nothing. */
@Injectable()
export class PreviewService {
  constructor(
    @Inject(MENTION_SOURCES) private readonly sources: MentionSources,
    private readonly compiler: QueryCompiler,
    private readonly tuning: WorkspaceTuning,
  ) {}

  async preview(workspaceId: string, request: PreviewListeningQueryRequest): Promise<PreviewResultDto> {
    const tuning = await this.tuning.forWorkspace(workspaceId);
    const platforms = await Promise.all(request.platforms.map((p) => this.previewOne(request.spec, p, request.limit, tuning)));
    return { platforms };
  }

  private async previewOne(spec: ListeningQuerySpec, platform: Platform, limit: number, tuning: CompiledTuning): Promise<PreviewPlatformDto> {
    const [compiled] = this.compiler.describe(spec, [platform]);
    const connector = this.sources.get(platform);
    if (compiled.error || !connector) {
      return { platform, compiled, mentions: [], error: { code: 'bad_query', message: compiled.error ?? `${platform} is not configured` } };
    }
    try {
      const page = await connector.fetchPage({ platform, requests: compiled.requests }, {}, limit);
      const { mentions } = foldReposts(page.mentions, spec.includeReposts);
      const newest = [...mentions].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
      const enrichments = enrichBatch(
        newest.map((m) => ({ text: m.text, language: m.language })),
        tuning,
      );
      return {
        platform,
        compiled,
        error: null,
        mentions: newest.map((m, i) => {
          const verdict = judgeLocally(spec, m.text, m.language ?? enrichments[i].language, m.author.handle);
          return {
            platform,
            externalId: m.externalId,
            url: m.url,
            text: m.text,
            authorHandle: m.author.handle,
            authorName: m.author.name,
            createdAt: m.createdAt.toISOString(),
            language: m.language ?? enrichments[i].language,
            sentiment: enrichments[i].sentiment.label,
            matchedTerms: verdict.matchedTerms,
            filteredOut: verdict.dropReason !== null,
          };
        }),
      };
    } catch (e) {
      const error = e instanceof ConnectorError ? e : new ConnectorError('temporary', e instanceof Error ? e.message : String(e));
      return { platform, compiled, mentions: [], error: { code: error.code, message: error.message } };
    }
  }
}
