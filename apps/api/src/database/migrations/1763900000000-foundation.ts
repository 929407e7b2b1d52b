import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The foundation schema: identity, listening, mentions, routing, inbox and rollups, all scoped by workspace. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "workspace" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca86b6f9b3be5fe26d307d09b49" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_0d706c438a9b1ae0ac9806a201" ON "workspace" ("slug") `);
    await q.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user" ("email") `);
    await q.query(`CREATE TABLE "membership" ("workspace_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c812b1092cf66d72ddac549a6b4" PRIMARY KEY ("workspace_id", "user_id"))`);
    await q.query(`CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "workspace_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_dcf5c3ee6b3682ac4e724dc949" ON "auth_session" ("token_hash") `);
    await q.query(`CREATE TABLE "listening_query" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "spec" jsonb NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb74c0ab48068e0e96ccdc36eb7" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_43ba6c27c0bce32e3d4d45e811" ON "listening_query" ("workspace_id") `);
    await q.query(`CREATE TABLE "source" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "query_id" uuid NOT NULL, "platform" text NOT NULL, "state" text NOT NULL DEFAULT 'active', "cursor" jsonb NOT NULL DEFAULT '{}', "poll_interval_seconds" integer NOT NULL DEFAULT '60', "next_poll_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_owner" text, "lease_expires_at" TIMESTAMP WITH TIME ZONE, "consecutive_failures" integer NOT NULL DEFAULT '0', "last_error" text, "last_polled_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_018c433f8264b58c86363eaadde" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_955f8874f1b25d724d9c9e5f03" ON "source" ("workspace_id", "query_id", "platform") `);
    await q.query(`CREATE TABLE "author" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "platform" text NOT NULL, "external_id" text NOT NULL, "handle" text NOT NULL, "name" text NOT NULL, "followers" integer NOT NULL DEFAULT '0', "verified" boolean NOT NULL DEFAULT false, "avatar_url" text, CONSTRAINT "PK_5a0e79799d372fe56f2f3fa6871" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_e9e49c14b3aa2a545a36c79430" ON "author" ("workspace_id", "platform", "external_id") `);
    await q.query(`CREATE TABLE "mention" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "platform" text NOT NULL, "external_id" text NOT NULL, "author_id" uuid NOT NULL, "text" text NOT NULL, "url" text NOT NULL, "language" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "likes" integer NOT NULL DEFAULT '0', "reposts" integer NOT NULL DEFAULT '0', "replies" integer NOT NULL DEFAULT '0', "quotes" integer NOT NULL DEFAULT '0', "bookmarks" integer NOT NULL DEFAULT '0', "views" bigint NOT NULL DEFAULT '0', "thread_id" text, "parent_external_id" text, "sentiment_score" real NOT NULL DEFAULT '0', "sentiment_label" text NOT NULL DEFAULT 'neutral', "sentiment_explanation" jsonb NOT NULL DEFAULT '{}', "intents" text array NOT NULL DEFAULT '{}', "is_abuse" boolean NOT NULL DEFAULT false, "raw" jsonb, CONSTRAINT "PK_9b02b76c4b65e3c35c1a545bf57" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_940e2891f2f935fa74797ffbb1" ON "mention" ("workspace_id", "created_at", "id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_5d7b12573f8cf9cfb168d1317e" ON "mention" ("workspace_id", "platform", "external_id") `);
    await q.query(`CREATE TABLE "mention_match" ("mention_id" uuid NOT NULL, "query_id" uuid NOT NULL, "workspace_id" uuid NOT NULL, "matched_terms" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_c7b677294901a35d836cac07785" PRIMARY KEY ("mention_id", "query_id"))`);
    await q.query(`CREATE INDEX "IDX_a0b193010e77ea0fba5581f468" ON "mention_match" ("workspace_id") `);
    await q.query(`CREATE TABLE "routing_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "name" text NOT NULL, "position" integer NOT NULL, "conditions" jsonb NOT NULL, "actions" jsonb NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b402e9e6a4d11fbd58e076daa2f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_a480fb80edf3d3e83dbd1e63cd" ON "routing_rule" ("workspace_id", "position") `);
    await q.query(`CREATE TABLE "conversation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "platform" text NOT NULL, "thread_key" text NOT NULL, "status" text NOT NULL DEFAULT 'new', "priority" text NOT NULL DEFAULT 'normal', "author_id" uuid NOT NULL, "subject_mention_id" uuid NOT NULL, "assignee_id" uuid, "routing_rule_id" uuid, "tags" text array NOT NULL DEFAULT '{}', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL, "waiting_since" TIMESTAMP WITH TIME ZONE, "first_response_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "message_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_864528ec4274360a40f66c29845" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_70d116dbbc587deb65031aaf03" ON "conversation" ("workspace_id", "last_message_at") `);
    await q.query(`CREATE TABLE "message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "kind" text NOT NULL, "body" text NOT NULL, "mention_id" uuid, "sent_by_user_id" uuid, "outbox_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ba01f0a3e0123651915008bc578" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_0e0839b3e9fe785d3a39eebec0" ON "message" ("conversation_id", "created_at") `);
    await q.query(`CREATE TABLE "reply_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "idempotency_key" text NOT NULL, "platform" text NOT NULL, "body" text NOT NULL, "in_reply_to_external_id" text NOT NULL, "thread_key" text NOT NULL, "state" text NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "needs_check" boolean NOT NULL DEFAULT false, "last_error" text, "platform_post_id" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sending_since" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_46e19d432b7a8df45998c4f4b71" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_8677ba4484d05ed09320614a91" ON "reply_outbox" ("state", "next_attempt_at") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_89ab05552321dfb3198fb9f17e" ON "reply_outbox" ("workspace_id", "idempotency_key") `);
    await q.query(`CREATE TABLE "mention_rollup_hourly" ("workspace_id" uuid NOT NULL, "bucket" TIMESTAMP WITH TIME ZONE NOT NULL, "query_id" uuid NOT NULL, "platform" text NOT NULL, "sentiment_label" text NOT NULL, "mentions" integer NOT NULL DEFAULT '0', "reach" bigint NOT NULL DEFAULT '0', "engagement" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_d275ae8aa0885e61be58fef8e2c" PRIMARY KEY ("workspace_id", "bucket", "query_id", "platform", "sentiment_label"))`);
    await q.query(`CREATE UNIQUE INDEX "conversation_active_thread" ON "conversation" ("workspace_id", "platform", "thread_key") WHERE status NOT IN ('resolved', 'ignored')`);
    await q.query(`CREATE INDEX "conversation_workspace_status" ON "conversation" ("workspace_id", "status", "last_message_at")`);
    await q.query(`CREATE UNIQUE INDEX "message_outbox" ON "message" ("outbox_id") WHERE outbox_id IS NOT NULL`);
    await q.query(`CREATE INDEX "reply_outbox_platform_post" ON "reply_outbox" ("workspace_id", "platform", "platform_post_id") WHERE platform_post_id IS NOT NULL`);
    await q.query(`CREATE INDEX "source_due" ON "source" ("next_poll_at") WHERE state IN ('active', 'backing_off')`);
    await q.query(`CREATE INDEX "listening_query_name" ON "listening_query" ("workspace_id", "name")`);
    await q.query(`ALTER TABLE "membership" ADD CONSTRAINT "fk_membership_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "membership" ADD CONSTRAINT "fk_membership_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "auth_session" ADD CONSTRAINT "fk_auth_session_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "auth_session" ADD CONSTRAINT "fk_auth_session_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "listening_query" ADD CONSTRAINT "fk_listening_query_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "source" ADD CONSTRAINT "fk_source_query_id" FOREIGN KEY ("query_id") REFERENCES "listening_query"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "author" ADD CONSTRAINT "fk_author_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "mention" ADD CONSTRAINT "fk_mention_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "mention" ADD CONSTRAINT "fk_mention_author_id" FOREIGN KEY ("author_id") REFERENCES "author"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "mention_match" ADD CONSTRAINT "fk_mention_match_mention_id" FOREIGN KEY ("mention_id") REFERENCES "mention"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "mention_match" ADD CONSTRAINT "fk_mention_match_query_id" FOREIGN KEY ("query_id") REFERENCES "listening_query"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "routing_rule" ADD CONSTRAINT "fk_routing_rule_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "conversation" ADD CONSTRAINT "fk_conversation_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "conversation" ADD CONSTRAINT "fk_conversation_subject_mention_id" FOREIGN KEY ("subject_mention_id") REFERENCES "mention"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "conversation" ADD CONSTRAINT "fk_conversation_author_id" FOREIGN KEY ("author_id") REFERENCES "author"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "conversation" ADD CONSTRAINT "fk_conversation_assignee_id" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL`);
    await q.query(`ALTER TABLE "message" ADD CONSTRAINT "fk_message_conversation_id" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "message" ADD CONSTRAINT "fk_message_mention_id" FOREIGN KEY ("mention_id") REFERENCES "mention"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "message" ADD CONSTRAINT "fk_message_outbox_id" FOREIGN KEY ("outbox_id") REFERENCES "reply_outbox"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "reply_outbox" ADD CONSTRAINT "fk_reply_outbox_conversation_id" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "conversation" ADD CONSTRAINT "ck_conversation_status" CHECK ("status" IN ('new','open','pending','snoozed','resolved','ignored'))`);
    await q.query(`ALTER TABLE "conversation" ADD CONSTRAINT "ck_conversation_priority" CHECK ("priority" IN ('low','normal','high','urgent'))`);
    await q.query(`ALTER TABLE "reply_outbox" ADD CONSTRAINT "ck_reply_outbox_state" CHECK ("state" IN ('queued','sending','sent','failed'))`);
    await q.query(`ALTER TABLE "message" ADD CONSTRAINT "ck_message_kind" CHECK ("kind" IN ('inbound','reply','note','event'))`);
    await q.query(`ALTER TABLE "membership" ADD CONSTRAINT "ck_membership_role" CHECK ("role" IN ('admin','lead','agent','analyst'))`);
    await q.query(`ALTER TABLE "source" ADD CONSTRAINT "ck_source_state" CHECK ("state" IN ('active','backing_off','needs_reauth','paused'))`);
    await q.query(`ALTER TABLE "mention" ADD CONSTRAINT "ck_mention_sentiment_label" CHECK ("sentiment_label" IN ('negative','neutral','positive'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "mention_rollup_hourly" CASCADE`);
    await q.query(`DROP TABLE "reply_outbox" CASCADE`);
    await q.query(`DROP TABLE "message" CASCADE`);
    await q.query(`DROP TABLE "conversation" CASCADE`);
    await q.query(`DROP TABLE "routing_rule" CASCADE`);
    await q.query(`DROP TABLE "mention_match" CASCADE`);
    await q.query(`DROP TABLE "mention" CASCADE`);
    await q.query(`DROP TABLE "author" CASCADE`);
    await q.query(`DROP TABLE "source" CASCADE`);
    await q.query(`DROP TABLE "listening_query" CASCADE`);
    await q.query(`DROP TABLE "auth_session" CASCADE`);
    await q.query(`DROP TABLE "membership" CASCADE`);
    await q.query(`DROP TABLE "app_user" CASCADE`);
    await q.query(`DROP TABLE "workspace" CASCADE`);
  }
}
