import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DryRunRoutingRuleRequest, DryRunRoutingRuleResult, Intent, Platform, QueryKind, SentimentLabel } from '@ecoute/contracts';
import { ruleMatches, type RoutingInput } from './rule';

/** the newest mentions a dry run replays at most */
export const DRY_RUN_LIMIT = 50_000;
const EXAMPLES = 20;

interface ReplayRow {
  id: string;
  platform: Platform;
  external_id: string;
  thread_id: string | null;
  text: string;
  language: string | null;
  created_at: Date;
  sentiment_score: number;
  sentiment_label: SentimentLabel;
  intents: Intent[];
  is_abuse: boolean;
  handle: string;
  followers: number;
  verified: boolean;
  queries: Array<{ id: string; kind: QueryKind }>;
}

/** Replays a rule over a workspace's stored mentions: what it would have caught, storing nothing. */
@Injectable()
export class RoutingDryRunService {
  constructor(private readonly dataSource: DataSource) {}

  async run(workspaceId: string, request: DryRunRoutingRuleRequest): Promise<DryRunRoutingRuleResult> {
    const rows: ReplayRow[] = await this.dataSource.query(
      `SELECT m.id, m.platform, m.external_id, m.thread_id, m.text, m.language, m.created_at, m.sentiment_score,
              m.sentiment_label, m.intents, m.is_abuse, a.handle, a.followers, a.verified,
              coalesce((SELECT json_agg(json_build_object('id', q.id, 'kind', q.kind))
                        FROM mention_match x JOIN listening_query q ON q.id = x.query_id WHERE x.mention_id = m.id), '[]') AS queries
       FROM mention m JOIN author a ON a.id = m.author_id
       WHERE m.workspace_id = $1 AND m.created_at >= now() - make_interval(days => $2)
       ORDER BY m.created_at DESC, m.id LIMIT $3`,
      [workspaceId, request.days, DRY_RUN_LIMIT + 1],
    );
    const truncated = rows.length > DRY_RUN_LIMIT;
    const replayed = truncated ? rows.slice(0, DRY_RUN_LIMIT) : rows;
    const result: DryRunRoutingRuleResult = { days: request.days, replayed: replayed.length, caught: 0, wouldOpen: 0, wouldIgnore: 0, byPlatform: {}, bySentiment: {}, examples: [], truncated };
    const threads = new Set<string>();
    for (const r of replayed) {
      if (!ruleMatches(request.conditions, toInput(r))) continue;
      result.caught++;
      result.byPlatform[r.platform] = (result.byPlatform[r.platform] ?? 0) + 1;
      result.bySentiment[r.sentiment_label] = (result.bySentiment[r.sentiment_label] ?? 0) + 1;
      if (request.actions.ignore) result.wouldIgnore++;
      else if (request.actions.openConversation) threads.add(`${r.platform}:${r.thread_id ?? r.external_id}`);
      if (result.examples.length < EXAMPLES)
        result.examples.push({
          mentionId: r.id,
          platform: r.platform,
          text: r.text,
          authorHandle: r.handle,
          createdAt: new Date(r.created_at).toISOString(),
          sentiment: r.sentiment_label,
          intents: r.intents,
        });
    }
    result.wouldOpen = threads.size;
    return result;
  }
}

function toInput(r: ReplayRow): RoutingInput {
  return {
    platform: r.platform,
    text: r.text,
    author: { followers: r.followers, verified: r.verified, handle: r.handle },
    queries: r.queries,
    enrichment: {
      language: r.language,
      languageConfidence: 1,
      sentiment: { score: r.sentiment_score, label: r.sentiment_label, confidence: 1, explanation: [] },
      intents: r.intents,
      intentEvidence: {},
      isAbuse: r.is_abuse,
      abuseScore: 0,
    },
  };
}
