import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5: teams and their members, each agent's capacity (open conversations at most), a conversation's team,
 * version (optimistic concurrency), snooze time and auto-assignment queue, and the trail of what happened to it.
 */
export class InboxTeams1764300000000 implements MigrationInterface {
  name = 'InboxTeams1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "team" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "name" text NOT NULL,
      "round_robin_last_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_team" PRIMARY KEY ("id"),
      CONSTRAINT "fk_team_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "team_workspace_name" ON "team" ("workspace_id", lower("name"))`);
    await q.query(`CREATE TABLE "team_member" (
      "team_id" uuid NOT NULL, "user_id" uuid NOT NULL, "workspace_id" uuid NOT NULL,
      CONSTRAINT "PK_team_member" PRIMARY KEY ("team_id", "user_id"),
      CONSTRAINT "fk_team_member_team_id" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE,
      CONSTRAINT "fk_team_member_membership" FOREIGN KEY ("workspace_id", "user_id") REFERENCES "membership"("workspace_id", "user_id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "team_member_user" ON "team_member" ("workspace_id", "user_id")`);
    await q.query(`ALTER TABLE "membership" ADD "capacity" integer CONSTRAINT "membership_capacity_positive" CHECK ("capacity" >= 0)`);
    await q.query(`ALTER TABLE "conversation" ADD "team_id" uuid`);
    await q.query(`ALTER TABLE "conversation" ADD CONSTRAINT "fk_conversation_team_id" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL`);
    await q.query(`ALTER TABLE "conversation" ADD "version" integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE "conversation" ADD "snoozed_until" TIMESTAMP WITH TIME ZONE`);
    // 'round_robin' or 'least_loaded' while every agent of the team is at capacity: the next one freed takes it
    await q.query(`ALTER TABLE "conversation" ADD "queued_strategy" text`);
    await q.query(`CREATE INDEX "conversation_assignee_load" ON "conversation" ("workspace_id", "assignee_id", "status") WHERE "assignee_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "conversation_team_queue" ON "conversation" ("workspace_id", "team_id", "opened_at") WHERE "queued_strategy" IS NOT NULL`);
    await q.query(`CREATE TABLE "conversation_event" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "conversation_id" uuid NOT NULL,
      "actor_user_id" uuid, "kind" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_conversation_event" PRIMARY KEY ("id"),
      CONSTRAINT "fk_conversation_event_conversation_id" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "conversation_event_conversation" ON "conversation_event" ("conversation_id", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "conversation_event"`);
    await q.query(`DROP INDEX "conversation_team_queue"`);
    await q.query(`DROP INDEX "conversation_assignee_load"`);
    await q.query(`ALTER TABLE "conversation" DROP COLUMN "queued_strategy", DROP COLUMN "snoozed_until", DROP COLUMN "version", DROP COLUMN "team_id"`);
    await q.query(`ALTER TABLE "membership" DROP COLUMN "capacity"`);
    await q.query(`DROP TABLE "team_member"`);
    await q.query(`DROP TABLE "team"`);
  }
}
