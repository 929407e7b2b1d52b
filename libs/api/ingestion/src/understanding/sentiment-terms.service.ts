import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateSentimentTermRequest, SentimentTermDto, SentimentTuning } from '@ecoute/contracts';

interface TermRow {
  id: string;
  term: string;
  kind: 'lexicon' | 'ignored';
  weight: number | null;
  note: string | null;
  created_at: Date;
  created_by: string | null;
  from_corrections: number;
}

/** A workspace's sentiment tuning: lexicon words with their weight, and terms that carry no sentiment. */
@Injectable()
export class SentimentTermsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The workspace's terms, or only the one with id `onlyId`. */
  async list(workspaceId: string, onlyId?: string): Promise<SentimentTermDto[]> {
    const rows: TermRow[] = await this.dataSource.query(
      `SELECT t.id, t.term, t.kind, t.weight, t.note, t.created_at, u.name AS created_by,
              (SELECT count(*)::int FROM mention_correction c WHERE c.term_id = t.id) AS from_corrections
       FROM sentiment_term t LEFT JOIN app_user u ON u.id = t.created_by
       WHERE t.workspace_id = $1 AND ($2::uuid IS NULL OR t.id = $2) ORDER BY t.kind, lower(t.term)`,
      [workspaceId, onlyId ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      term: r.term,
      kind: r.kind,
      weight: r.weight,
      note: r.note,
      createdAt: new Date(r.created_at).toISOString(),
      createdBy: r.created_by,
      fromCorrections: r.from_corrections,
    }));
  }

  /** What enrichment needs: the lexicon words and the ignored terms. */
  async tuning(workspaceId: string, m: EntityManager = this.dataSource.manager): Promise<SentimentTuning> {
    const rows: Array<{ term: string; kind: 'lexicon' | 'ignored'; weight: number | null }> = await m.query(
      `SELECT term, kind, weight FROM sentiment_term WHERE workspace_id = $1 ORDER BY lower(term)`,
      [workspaceId],
    );
    const tuning: SentimentTuning = { lexicon: {}, ignored: [] };
    for (const r of rows) {
      if (r.kind === 'ignored') tuning.ignored.push(r.term);
      else if (r.weight !== null) tuning.lexicon[r.term.toLowerCase()] = r.weight;
    }
    return tuning;
  }

  async create(workspaceId: string, userId: string, input: CreateSentimentTermRequest, m: EntityManager = this.dataSource.manager): Promise<string> {
    const weight = input.kind === 'lexicon' ? (input.weight ?? null) : null;
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO sentiment_term (workspace_id, term, kind, weight, note, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workspace_id, lower(term)) DO NOTHING RETURNING id`,
      [workspaceId, input.term, input.kind, weight, input.note ?? null, userId],
    );
    if (rows.length === 0) throw new ConflictException(`"${input.term}" is already in this workspace's tuning: remove it first to change it`);
    return rows[0].id;
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const [, affected]: [unknown, number] = await this.dataSource.query(`DELETE FROM sentiment_term WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    if (!affected) throw new NotFoundException(`sentiment term ${id} not found`);
  }
}
