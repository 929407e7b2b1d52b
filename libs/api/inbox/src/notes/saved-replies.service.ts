import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REPLY_MAX_LENGTH, type RenderedReplyDto, type SavedReplyDto, type SavedReplyRequest } from '@ecoute/contracts';
import { firstName, renderTemplate } from './template';

interface Row {
  id: string;
  name: string;
  body: string;
  language: string | null;
  created_by_id: string | null;
  created_by_name: string | null;
  updated_at: Date;
}

const toDto = (r: Row): SavedReplyDto => ({
  id: r.id,
  name: r.name,
  body: r.body,
  language: r.language,
  createdBy: r.created_by_id && r.created_by_name ? { id: r.created_by_id, name: r.created_by_name } : null,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const SELECT = `SELECT s.id, s.name, s.body, s.language, s.created_by_user_id AS created_by_id, u.name AS created_by_name, s.updated_at
  FROM saved_reply s LEFT JOIN app_user u ON u.id = s.created_by_user_id`;

/** The team's saved replies, and one filled in for a conversation ({{author.name}}, {{agent.first_name}}…). */
@Injectable()
export class SavedRepliesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(workspaceId: string): Promise<SavedReplyDto[]> {
    return (await this.dataSource.query(`${SELECT} WHERE s.workspace_id = $1 ORDER BY lower(s.name)`, [workspaceId])).map(toDto);
  }

  async create(workspaceId: string, userId: string, body: SavedReplyRequest): Promise<SavedReplyDto> {
    await this.requireUniqueName(workspaceId, body.name, null);
    const [{ id }]: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO saved_reply (workspace_id, name, body, language, created_by_user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [workspaceId, body.name, body.body, body.language, userId],
    );
    return this.get(workspaceId, id);
  }

  async update(workspaceId: string, id: string, body: SavedReplyRequest): Promise<SavedReplyDto> {
    await this.requireUniqueName(workspaceId, body.name, id);
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE saved_reply SET name = $3, body = $4, language = $5, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, body.name, body.body, body.language],
    );
    if (!affected) throw new NotFoundException(`saved reply ${id} not found`);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const [, affected]: [unknown, number] = await this.dataSource.query(`DELETE FROM saved_reply WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    if (!affected) throw new NotFoundException(`saved reply ${id} not found`);
  }

  /** The saved reply filled in for this conversation's author, signed by the agent asking. */
  async render(workspaceId: string, agentId: string, conversationId: string, savedReplyId: string): Promise<RenderedReplyDto> {
    const saved = await this.get(workspaceId, savedReplyId);
    const [c]: Array<{ author_name: string; handle: string; brand: string; agent: string }> = await this.dataSource.query(
      `SELECT a.name AS author_name, a.handle, w.name AS brand, (SELECT name FROM app_user WHERE id = $3) AS agent
       FROM conversation c JOIN author a ON a.id = c.author_id JOIN workspace w ON w.id = c.workspace_id
       WHERE c.workspace_id = $1 AND c.id = $2`,
      [workspaceId, conversationId, agentId],
    );
    if (!c) throw new NotFoundException(`conversation ${conversationId} not found`);
    const text = renderTemplate(saved.body, {
      'author.name': c.author_name || c.handle,
      'author.handle': `@${c.handle.replace(/^@/, '')}`,
      'agent.name': c.agent,
      'agent.first_name': firstName(c.agent),
      'brand.name': c.brand,
    });
    return { text, length: [...text].length, tooLong: [...text].length > REPLY_MAX_LENGTH };
  }

  private async get(workspaceId: string, id: string): Promise<SavedReplyDto> {
    const [row]: Row[] = await this.dataSource.query(`${SELECT} WHERE s.workspace_id = $1 AND s.id = $2`, [workspaceId, id]);
    if (!row) throw new NotFoundException(`saved reply ${id} not found`);
    return toDto(row);
  }

  private async requireUniqueName(workspaceId: string, name: string, except: string | null): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM saved_reply WHERE workspace_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3`, [workspaceId, name, except]);
    if (rows.length > 0) throw new ConflictException(`a saved reply named "${name}" already exists`);
  }
}
