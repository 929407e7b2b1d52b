import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboxLiveService } from './live/inbox-live.service';

/**
 * Brings snoozed conversations back when their time comes: status open, an event in the trail. One statement, so
 * that two API processes ticking at once wake each conversation once (the second finds it open already).
 */
@Injectable()
export class SnoozeWaker {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: InboxLiveService,
  ) {}

  /** Returns the ids of the conversations woken. */
  async wake(limit = 500): Promise<string[]> {
    const rows: Array<{ id: string; workspace_id: string }> = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM conversation WHERE status = 'snoozed' AND snoozed_until <= now() ORDER BY snoozed_until LIMIT $1 FOR UPDATE SKIP LOCKED),
       woken AS (
         UPDATE conversation c SET status = 'open', snoozed_until = NULL, version = c.version + 1
         FROM due WHERE c.id = due.id RETURNING c.id, c.workspace_id),
       trail AS (
         INSERT INTO conversation_event (workspace_id, conversation_id, actor_user_id, kind, data)
         SELECT workspace_id, id, NULL, 'status', '{"from": "snoozed", "to": "open", "reason": "snooze ended"}'::jsonb FROM woken)
       SELECT id, workspace_id FROM woken`,
      [limit],
    );
    for (const workspaceId of new Set(rows.map((r) => r.workspace_id)))
      await this.live.publish(workspaceId, { kind: 'conversations', conversationIds: rows.filter((r) => r.workspace_id === workspaceId).map((r) => r.id) });
    return rows.map((r) => r.id);
  }
}
