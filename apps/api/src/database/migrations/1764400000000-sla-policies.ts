import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5: an SLA policy per priority (first-response and resolution targets, on business hours or calendar
 * time), and each conversation's due dates under it, stored so that the inbox can sort and filter on them.
 */
export class SlaPolicies1764400000000 implements MigrationInterface {
  name = 'SlaPolicies1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "sla_policy" (
      "workspace_id" uuid NOT NULL, "priority" text NOT NULL,
      "first_response_minutes" integer CONSTRAINT "sla_first_response_positive" CHECK ("first_response_minutes" > 0),
      "resolution_minutes" integer CONSTRAINT "sla_resolution_positive" CHECK ("resolution_minutes" > 0),
      "business_hours" jsonb, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_sla_policy" PRIMARY KEY ("workspace_id", "priority"),
      CONSTRAINT "fk_sla_policy_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE)`);
    await q.query(`ALTER TABLE "conversation" ADD "first_response_due_at" TIMESTAMP WITH TIME ZONE, ADD "resolution_due_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "conversation_first_response_due" ON "conversation" ("workspace_id", "first_response_due_at") WHERE "first_response_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "conversation_first_response_due"`);
    await q.query(`ALTER TABLE "conversation" DROP COLUMN "resolution_due_at", DROP COLUMN "first_response_due_at"`);
    await q.query(`DROP TABLE "sla_policy"`);
  }
}
