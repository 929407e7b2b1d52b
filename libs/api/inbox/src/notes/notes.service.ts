import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { roleHasPermission, type CreateNoteRequest, type NotificationDto, type Role } from '@ecoute/contracts';
import { InboxLiveService } from '../live/inbox-live.service';

/** Internal notes on a conversation (never posted), and the notifications of the teammates they @mention. */
@Injectable()
export class NotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: InboxLiveService,
  ) {}

  /** Returns the note's message id. */
  async create(workspaceId: string, actorId: string, conversationId: string, req: CreateNoteRequest): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const found: unknown[] = await m.query(`SELECT 1 FROM conversation WHERE workspace_id = $1 AND id = $2`, [workspaceId, conversationId]);
      if (found.length === 0) throw new NotFoundException(`conversation ${conversationId} not found`);
      const mentioned = [...new Set(req.mentions)];
      const members: Array<{ user_id: string; role: Role }> = mentioned.length
        ? await m.query(`SELECT user_id, role FROM membership WHERE workspace_id = $1 AND user_id = ANY($2::uuid[])`, [workspaceId, mentioned])
        : [];
      const strangers = mentioned.filter((id) => !members.some((x) => x.user_id === id));
      if (strangers.length > 0) throw new BadRequestException(`not members of this workspace: ${strangers.join(', ')}`);
      const blind = members.filter((x) => !roleHasPermission(x.role, 'inbox.read'));
      if (blind.length > 0) throw new BadRequestException(`these members cannot read the inbox: ${blind.map((b) => b.user_id).join(', ')}`);
      const [note]: Array<{ id: string }> = await m.query(
        `INSERT INTO message (workspace_id, conversation_id, kind, body, sent_by_user_id, created_at) VALUES ($1, $2, 'note', $3, $4, now()) RETURNING id`,
        [workspaceId, conversationId, req.text, actorId],
      );
      const told = mentioned.filter((id) => id !== actorId);
      await notify(m, workspaceId, told, 'mention', conversationId, note.id, actorId, req.text);
      await this.live.publish(workspaceId, { kind: 'conversation', conversationId, version: null, byUserId: actorId }, m);
      for (const userId of told) await this.live.publish(workspaceId, { kind: 'notification', userId }, m);
      return note.id;
    });
  }

  async list(workspaceId: string, userId: string, unreadOnly: boolean): Promise<NotificationDto[]> {
    const rows: Array<{ id: string; kind: NotificationDto['kind']; conversation_id: string | null; message_id: string | null; actor_id: string | null; actor_name: string | null; text: string; created_at: Date; read_at: Date | null }> =
      await this.dataSource.query(
        `SELECT n.id, n.kind, n.conversation_id, n.message_id, n.actor_user_id AS actor_id, u.name AS actor_name, n.text, n.created_at, n.read_at
         FROM notification n LEFT JOIN app_user u ON u.id = n.actor_user_id
         WHERE n.workspace_id = $1 AND n.user_id = $2 ${unreadOnly ? 'AND n.read_at IS NULL' : ''}
         ORDER BY n.created_at DESC, n.id DESC LIMIT 200`,
        [workspaceId, userId],
      );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      conversationId: r.conversation_id,
      messageId: r.message_id,
      actor: r.actor_id && r.actor_name ? { id: r.actor_id, name: r.actor_name } : null,
      text: r.text,
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    }));
  }

  /** Marks the user's notifications read: these ids, or all of them. Returns how many changed. */
  async markRead(workspaceId: string, userId: string, ids: readonly string[] | undefined): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE workspace_id = $1 AND user_id = $2 AND read_at IS NULL ${ids ? 'AND id = ANY($3::uuid[])' : ''}`,
      ids ? [workspaceId, userId, ids] : [workspaceId, userId],
    );
    return affected;
  }
}

/** One notification per user, in the caller's transaction; the text is cut to a preview. */
export async function notify(
  m: EntityManager,
  workspaceId: string,
  userIds: readonly string[],
  kind: NotificationDto['kind'],
  conversationId: string,
  messageId: string | null,
  actorId: string,
  text: string,
): Promise<void> {
  if (userIds.length === 0) return;
  const preview = text.length > 140 ? `${text.slice(0, 139)}…` : text;
  await m.query(
    `INSERT INTO notification (workspace_id, user_id, kind, conversation_id, message_id, actor_user_id, text)
     SELECT $1, u, $3, $4, $5, $6, $7 FROM unnest($2::uuid[]) AS u`,
    [workspaceId, userIds, kind, conversationId, messageId, actorId, preview],
  );
}
