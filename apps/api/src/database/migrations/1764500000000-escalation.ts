import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 5: a conversation escalated to a lead or a team, with its reason; the snoozed ones, found by wake time. */
export class Escalation1764500000000 implements MigrationInterface {
  name = 'Escalation1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "conversation" ADD "escalated_at" TIMESTAMP WITH TIME ZONE, ADD "escalated_to_user_id" uuid,
      ADD "escalated_to_team_id" uuid, ADD "escalation_reason" text`);
    await q.query(`CREATE INDEX "conversation_escalated" ON "conversation" ("workspace_id", "escalated_at") WHERE "escalated_at" IS NOT NULL`);
    await q.query(`CREATE INDEX "conversation_snoozed" ON "conversation" ("snoozed_until") WHERE "status" = 'snoozed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "conversation_snoozed"`);
    await q.query(`DROP INDEX "conversation_escalated"`);
    await q.query(`ALTER TABLE "conversation" DROP COLUMN "escalation_reason", DROP COLUMN "escalated_to_team_id", DROP COLUMN "escalated_to_user_id", DROP COLUMN "escalated_at"`);
  }
}
