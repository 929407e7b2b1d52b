import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 5: teammates notified by @mentions in internal notes; saved replies with variables. */
export class NotesSavedReplies1764600000000 implements MigrationInterface {
  name = 'NotesSavedReplies1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "notification" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "user_id" uuid NOT NULL,
      "kind" text NOT NULL, "conversation_id" uuid, "message_id" uuid, "actor_user_id" uuid, "text" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_notification" PRIMARY KEY ("id"),
      CONSTRAINT "fk_notification_membership" FOREIGN KEY ("workspace_id", "user_id") REFERENCES "membership"("workspace_id", "user_id") ON DELETE CASCADE,
      CONSTRAINT "fk_notification_conversation_id" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "notification_user" ON "notification" ("workspace_id", "user_id", "created_at")`);
    await q.query(`CREATE TABLE "saved_reply" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "name" text NOT NULL, "body" text NOT NULL,
      "language" text, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_saved_reply" PRIMARY KEY ("id"),
      CONSTRAINT "fk_saved_reply_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "saved_reply_workspace_name" ON "saved_reply" ("workspace_id", lower("name"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "saved_reply"`);
    await q.query(`DROP TABLE "notification"`);
  }
}
