import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Brings snoozed conversations back when their time comes: status open, an event in the trail. One statement, so
 * that two API processes ticking at once wake each conversation once (the second finds it open already).
 */
@Injectable()
export class SnoozeWaker {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns the ids of the conversations woken. */
  async wake(limit = 500): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM conversation WHERE status = 'snoozed' AND snoozed_until <= now() ORDER BY snoozed_until LIMIT $1 FOR UPDATE SKIP LOCKED),
       woken AS (
         UPDATE conversation c SET status = 'open', snoozed_until = NULL, version = c.version + 1
         FROM due WHERE c.id = due.id RETURNING c.id, c.workspace_id),
       trail AS (
         INSERT INTO conversation_event (workspace_id, conversation_id, actor_user_id, kind, data)
         SELECT workspace_id, id, NULL, 'status', '{"from": "snoozed", "to": "open", "reason": "snooze ended"}'::jsonb FROM woken)
       SELECT id FROM woken`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}
