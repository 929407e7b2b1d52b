import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CorrectionListQuery,
  CorrectionStatsDto,
  CorrectMentionRequest,
  EvidenceTerm,
  Intent,
  MentionCorrectionDto,
  Platform,
  ReviewCorrectionRequest,
  SentimentLabel,
} from '@ecoute/contracts';
import { suggestLexiconTerms } from './suggest-terms';

/** What a correction changed, for the caller's other writers (analytics moves the mention between labels). */
export interface AppliedCorrection {
  mentionId: string;
  platform: Platform;
  createdAt: Date;
  /** the queries the mention matched */
  queryIds: string[];
  /** set when the sentiment label changed */
  sentiment: { from: SentimentLabel; to: SentimentLabel } | null;
  reach: number;
  metrics: { likes: number; reposts: number; replies: number; quotes: number; bookmarks: number; views: number };
}

interface MentionState {
  sentiment_label: SentimentLabel;
  intents: Intent[];
  platform: Platform;
  created_at: Date;
  followers: number;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  bookmarks: number;
  views: string;
  query_ids: string[] | null;
}

function applied(mentionId: string, s: MentionState, sentiment: AppliedCorrection['sentiment']): AppliedCorrection {
  return {
    mentionId,
    platform: s.platform,
    createdAt: new Date(s.created_at),
    queryIds: s.query_ids ?? [],
    sentiment,
    reach: s.followers,
    metrics: { likes: s.likes, reposts: s.reposts, replies: s.replies, quotes: s.quotes, bookmarks: s.bookmarks, views: Number(s.views) },
  };
}

interface CorrectionRow {
  id: string;
  mention_id: string;
  text: string;
  language: string | null;
  explanation: EvidenceTerm[] | Record<string, unknown>;
  kind: 'sentiment' | 'intents';
  before: SentimentLabel | Intent[];
  after: SentimentLabel | Intent[];
  note: string | null;
  status: 'pending' | 'accepted' | 'rejected';
  created_at: Date;
  created_by: string | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  term: string | null;
  term_weight: number | null;
  ignored: string[];
}

/**
 * Agents' corrections of a mention's sentiment and intents. A correction applies to the mention at once (its
 * label is replaced and marked corrected; the machine's label stays in the correction) and waits for an admin,
 * who accepts it (a sentiment correction may then feed a word into the workspace lexicon) or rejects it.
 */
@Injectable()
export class MentionCorrections {
  constructor(private readonly dataSource: DataSource) {}

  async apply(m: EntityManager, workspaceId: string, userId: string, mentionId: string, input: CorrectMentionRequest): Promise<AppliedCorrection> {
    const current = await this.lockMention(m, workspaceId, mentionId);
    const sentimentChanges = input.sentiment !== undefined && input.sentiment !== current.sentiment_label;
    const intentsBefore = [...current.intents].sort();
    const intentsAfter = input.intents ? [...input.intents].sort() : null;
    const intentsChange = intentsAfter !== null && intentsAfter.join(',') !== intentsBefore.join(',');
    if (!sentimentChanges && !intentsChange) throw new BadRequestException('nothing to correct: the mention already has this sentiment and these intents');
    const note = input.note ?? null;
    if (sentimentChanges && input.sentiment) {
      await m.query(
        `INSERT INTO mention_correction (workspace_id, mention_id, kind, before, after, note, created_by) VALUES ($1, $2, 'sentiment', $3, $4, $5, $6)`,
        [workspaceId, mentionId, JSON.stringify(current.sentiment_label), JSON.stringify(input.sentiment), note, userId],
      );
      await m.query(`UPDATE mention SET sentiment_label = $2, sentiment_corrected = true WHERE id = $1`, [mentionId, input.sentiment]);
    }
    if (intentsChange && intentsAfter) {
      await m.query(
        `INSERT INTO mention_correction (workspace_id, mention_id, kind, before, after, note, created_by) VALUES ($1, $2, 'intents', $3, $4, $5, $6)`,
        [workspaceId, mentionId, JSON.stringify(intentsBefore), JSON.stringify(intentsAfter), note, userId],
      );
      await this.setIntents(m, mentionId, intentsAfter, true);
    }
    return applied(mentionId, current, sentimentChanges && input.sentiment ? { from: current.sentiment_label, to: input.sentiment } : null);
  }

  private async setIntents(m: EntityManager, mentionId: string, intents: readonly string[], corrected: boolean): Promise<void> {
    await m.query(`UPDATE mention SET intents = $2::text[], intents_corrected = $3, is_abuse = $4 WHERE id = $1`, [
      mentionId,
      intents,
      corrected,
      intents.includes('abuse'),
    ]);
  }

  private async lockMention(m: EntityManager, workspaceId: string, mentionId: string): Promise<MentionState> {
    const rows: MentionState[] = await m.query(
      `SELECT m.sentiment_label, m.intents, m.platform, m.created_at, a.followers, m.likes, m.reposts, m.replies, m.quotes,
              m.bookmarks, m.views, (SELECT array_agg(mm.query_id) FROM mention_match mm WHERE mm.mention_id = m.id) AS query_ids
       FROM mention m JOIN author a ON a.id = m.author_id
       WHERE m.workspace_id = $1 AND m.id = $2 FOR UPDATE OF m`,
      [workspaceId, mentionId],
    );
    if (!rows[0]) throw new NotFoundException(`mention ${mentionId} not found`);
    return rows[0];
  }

  async list(workspaceId: string, q: CorrectionListQuery): Promise<MentionCorrectionDto[]> {
    const params: unknown[] = [workspaceId, q.limit];
    let where = 'c.workspace_id = $1';
    if (q.status) {
      params.push(q.status);
      where += ` AND c.status = $${params.length}`;
    }
    const rows: CorrectionRow[] = await this.dataSource.query(
      `SELECT c.id, c.mention_id, m.text, m.language, m.sentiment_explanation AS explanation, c.kind, c.before, c.after, c.note,
              c.status, c.created_at, cu.name AS created_by, c.reviewed_at, ru.name AS reviewed_by, t.term, t.weight AS term_weight,
              ARRAY(SELECT st.term FROM sentiment_term st WHERE st.workspace_id = c.workspace_id AND st.kind = 'ignored') AS ignored
       FROM mention_correction c
         JOIN mention m ON m.id = c.mention_id
         LEFT JOIN app_user cu ON cu.id = c.created_by
         LEFT JOIN app_user ru ON ru.id = c.reviewed_by
         LEFT JOIN sentiment_term t ON t.id = c.term_id
       WHERE ${where}
       ORDER BY (c.status = 'pending') DESC, c.created_at DESC, c.id DESC LIMIT $2`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      mentionId: r.mention_id,
      mentionText: r.text,
      mentionLanguage: r.language,
      kind: r.kind,
      before: r.before,
      after: r.after,
      note: r.note,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      createdBy: r.created_by,
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
      reviewedBy: r.reviewed_by,
      term: r.term ? { term: r.term, weight: r.term_weight } : null,
      suggestedTerms:
        r.kind === 'sentiment' && typeof r.after === 'string'
          ? suggestLexiconTerms(r.text, r.after, Array.isArray(r.explanation) ? r.explanation : [], r.ignored)
          : [],
    }));
  }

  async stats(workspaceId: string): Promise<CorrectionStatsDto> {
    const [counts]: Array<{ total: number; pending: number; accepted: number; rejected: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'accepted')::int AS accepted, count(*) FILTER (WHERE status = 'rejected')::int AS rejected
       FROM mention_correction WHERE workspace_id = $1`,
      [workspaceId],
    );
    const transitions: Array<{ from: SentimentLabel; to: SentimentLabel; count: number }> = await this.dataSource.query(
      `SELECT before #>> '{}' AS "from", after #>> '{}' AS "to", count(*)::int AS count
       FROM mention_correction WHERE workspace_id = $1 AND kind = 'sentiment' AND status <> 'rejected'
       GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      [workspaceId],
    );
    const intentChanges: Array<{ intent: Intent; added: number; removed: number }> = await this.dataSource.query(
      `SELECT i AS intent,
              count(*) FILTER (WHERE after ? i AND NOT before ? i)::int AS added,
              count(*) FILTER (WHERE before ? i AND NOT after ? i)::int AS removed
       FROM mention_correction c, LATERAL (SELECT jsonb_array_elements_text(c.before || c.after) AS i) x
       WHERE c.workspace_id = $1 AND c.kind = 'intents' AND c.status <> 'rejected'
       GROUP BY i HAVING count(*) FILTER (WHERE (after ? i) <> (before ? i)) > 0 ORDER BY i`,
      [workspaceId],
    );
    return {
      total: counts.total,
      byStatus: { pending: counts.pending, accepted: counts.accepted, rejected: counts.rejected },
      sentimentTransitions: transitions,
      intentChanges,
    };
  }

  /**
   * An admin's decision. Accepting a sentiment correction with a lexicon word adds it to the workspace lexicon
   * (or re-weights the word already there), which scores every later mention. Rejecting one restores the
   * machine's label on the mention, unless a later correction changed it again; the restored change is returned.
   */
  async review(m: EntityManager, workspaceId: string, userId: string, id: string, input: ReviewCorrectionRequest): Promise<AppliedCorrection | null> {
    const rows: Array<{ status: string; kind: string; before: unknown; after: unknown; mention_id: string }> = await m.query(
      `SELECT status, kind, before, after, mention_id FROM mention_correction WHERE workspace_id = $1 AND id = $2 FOR UPDATE`,
      [workspaceId, id],
    );
    const correction = rows[0];
    if (!correction) throw new NotFoundException(`correction ${id} not found`);
    if (correction.status !== 'pending') throw new ConflictException(`this correction was already ${correction.status}`);
    let termId: string | null = null;
    if (input.decision === 'accept' && input.lexicon) {
      if (correction.kind !== 'sentiment') throw new BadRequestException('only a sentiment correction can feed the lexicon');
      const { term, weight } = input.lexicon;
      const existing: Array<{ id: string; kind: string }> = await m.query(
        `SELECT id, kind FROM sentiment_term WHERE workspace_id = $1 AND lower(term) = lower($2) FOR UPDATE`,
        [workspaceId, term],
      );
      if (existing[0]?.kind === 'ignored') throw new ConflictException(`"${term}" is an ignored term in this workspace: remove it first to give it a weight`);
      if (existing[0]) {
        await m.query(`UPDATE sentiment_term SET weight = $2 WHERE id = $1`, [existing[0].id, weight]);
        termId = existing[0].id;
      } else {
        const inserted: Array<{ id: string }> = await m.query(
          `INSERT INTO sentiment_term (workspace_id, term, kind, weight, note, created_by) VALUES ($1, $2, 'lexicon', $3, $4, $5) RETURNING id`,
          [workspaceId, term, weight, 'from a correction', userId],
        );
        termId = inserted[0].id;
      }
    }
    await m.query(`UPDATE mention_correction SET status = $2, reviewed_by = $3, reviewed_at = now(), term_id = $4 WHERE id = $1`, [
      id,
      input.decision === 'accept' ? 'accepted' : 'rejected',
      userId,
      termId,
    ]);
    if (input.decision === 'accept') return null;
    const mention = await this.lockMention(m, workspaceId, correction.mention_id);
    if (correction.kind === 'sentiment') {
      const before = correction.before as SentimentLabel;
      if (mention.sentiment_label !== correction.after) return null;
      await m.query(`UPDATE mention SET sentiment_label = $2, sentiment_corrected = false WHERE id = $1`, [correction.mention_id, before]);
      return applied(correction.mention_id, mention, { from: mention.sentiment_label, to: before });
    }
    if ([...mention.intents].sort().join(',') === (correction.after as string[]).join(',')) {
      await this.setIntents(m, correction.mention_id, correction.before as string[], false);
    }
    return null;
  }
}
