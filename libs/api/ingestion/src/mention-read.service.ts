import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EvidenceTerm, Intent, MentionDto, MentionListQuery, MentionLookup, Page, Platform, SentimentExplanation, SentimentLabel } from '@ecoute/contracts';
import { decodeCursor, encodeCursor } from '@ecoute/api-platform';

interface MentionRow {
  id: string;
  platform: Platform;
  external_id: string;
  url: string;
  text: string;
  language: string | null;
  created_at: Date;
  fetched_at: Date;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  bookmarks: number;
  views: string;
  sentiment_score: number;
  sentiment_label: SentimentLabel;
  sentiment_explanation: SentimentExplanation | Record<string, unknown>;
  sentiment_confidence: number;
  sentiment_corrected: boolean;
  language_confidence: number;
  intents: Intent[];
  intent_evidence: Partial<Record<Intent, EvidenceTerm[]>> | null;
  intents_corrected: boolean;
  is_abuse: boolean;
  abuse_score: number;
  a_id: string;
  a_external_id: string;
  a_handle: string;
  a_name: string;
  a_followers: number;
  a_verified: boolean;
  a_avatar_url: string | null;
  matches: Array<{ queryId: string; queryName: string; terms: string[] }> | null;
}

const SELECT = `
  SELECT m.id, m.platform, m.external_id, m.url, m.text, m.language, m.created_at, m.fetched_at, m.likes, m.reposts,
         m.replies, m.quotes, m.bookmarks, m.views, m.sentiment_score, m.sentiment_label, m.sentiment_explanation,
         m.sentiment_confidence, m.sentiment_corrected, m.language_confidence, m.intents, m.intent_evidence,
         m.intents_corrected, m.is_abuse, m.abuse_score, a.id AS a_id, a.external_id AS a_external_id, a.handle AS a_handle, a.name AS a_name,
         a.followers AS a_followers, a.verified AS a_verified, a.avatar_url AS a_avatar_url,
         (SELECT json_agg(json_build_object('queryId', mm.query_id, 'queryName', q.name, 'terms', mm.matched_terms) ORDER BY q.name)
            FROM mention_match mm JOIN listening_query q ON q.id = mm.query_id WHERE mm.mention_id = m.id) AS matches
  FROM mention m JOIN author a ON a.id = m.author_id`;

/** The read side of mentions: the list endpoint and lookups by id for other libraries. */
@Injectable()
export class MentionReadService implements MentionLookup {
  constructor(private readonly dataSource: DataSource) {}

  async list(workspaceId: string, q: MentionListQuery): Promise<Page<MentionDto>> {
    const params: unknown[] = [workspaceId, q.limit + 1];
    let where = 'm.workspace_id = $1';
    if (q.platform) {
      params.push(q.platform);
      where += ` AND m.platform = $${params.length}`;
    }
    if (q.queryId) {
      params.push(q.queryId);
      where += ` AND EXISTS (SELECT 1 FROM mention_match f WHERE f.mention_id = m.id AND f.query_id = $${params.length})`;
    }
    if (q.cursor) {
      const c = decodeCursor(q.cursor, 2);
      if (!c) throw new BadRequestException('cursor is invalid: pass back the nextCursor of a previous page');
      params.push(String(c[0]), String(c[1]));
      where += ` AND (m.created_at, m.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    const rows: MentionRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${where} ORDER BY m.created_at DESC, m.id DESC LIMIT $2`,
      params,
    );
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map(toDto);
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor([last.createdAt, last.id]) : null };
  }

  async findByIds(workspaceId: string, ids: readonly string[]): Promise<Map<string, MentionDto>> {
    if (ids.length === 0) return new Map();
    const rows: MentionRow[] = await this.dataSource.query(`${SELECT} WHERE m.workspace_id = $1 AND m.id = ANY($2::uuid[])`, [
      workspaceId,
      [...ids],
    ]);
    return new Map(rows.map((r) => [r.id, toDto(r)]));
  }
}

function toDto(r: MentionRow): MentionDto {
  return {
    id: r.id,
    platform: r.platform,
    externalId: r.external_id,
    url: r.url,
    text: r.text,
    language: r.language,
    languageConfidence: r.language_confidence,
    createdAt: new Date(r.created_at).toISOString(),
    fetchedAt: new Date(r.fetched_at).toISOString(),
    author: {
      id: r.a_id,
      platform: r.platform,
      externalId: r.a_external_id,
      handle: r.a_handle,
      name: r.a_name,
      followers: r.a_followers,
      verified: r.a_verified,
      avatarUrl: r.a_avatar_url,
    },
    metrics: {
      likes: r.likes,
      reposts: r.reposts,
      replies: r.replies,
      quotes: r.quotes,
      bookmarks: r.bookmarks,
      views: Number(r.views),
    },
    sentiment: {
      score: r.sentiment_score,
      label: r.sentiment_label,
      confidence: r.sentiment_confidence,
      // the migration turned older explanations into lists; anything else reads as no explanation
      explanation: Array.isArray(r.sentiment_explanation) ? r.sentiment_explanation : [],
    },
    intents: r.intents ?? [],
    intentEvidence: r.intent_evidence ?? {},
    abuse: { abusive: r.is_abuse, score: r.abuse_score },
    corrected: { sentiment: r.sentiment_corrected, intents: r.intents_corrected },
    queryIds: (r.matches ?? []).map((x) => x.queryId),
    matches: r.matches ?? [],
  };
}
