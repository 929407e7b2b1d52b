import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 5: the inbox list's two other orders walk an index too (`npm run bench -- inbox`: p95 116 and 170 ms before). */
export class InboxListIndexes1764700000000 implements MigrationInterface {
  name = 'InboxListIndexes1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "conversation_oldest" ON "conversation" ("workspace_id", "opened_at", "id")`);
    // the expression of ConversationReadService's "due" order, exactly
    await q.query(`CREATE INDEX "conversation_due" ON "conversation" ("workspace_id", (coalesce("first_response_due_at", 'infinity'::timestamptz)), "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "conversation_due"`);
    await q.query(`DROP INDEX "conversation_oldest"`);
  }
}
