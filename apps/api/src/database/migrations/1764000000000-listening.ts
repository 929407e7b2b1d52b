import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Listening: query timestamps, per-source rate-limit state, reposts kept as mentions, and resumable backfills. */
export class Listening1764000000000 implements MigrationInterface {
  name = 'Listening1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "listening_query" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    // query names are unique per workspace, whatever their case
    await q.query(`DROP INDEX "listening_query_name"`);
    await q.query(`CREATE UNIQUE INDEX "listening_query_name" ON "listening_query" ("workspace_id", lower("name"))`);
    await q.query(`ALTER TABLE "source" ADD "rate_limit_remaining" integer`);
    await q.query(`ALTER TABLE "source" ADD "rate_limit_reset_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "mention" ADD "is_repost" boolean NOT NULL DEFAULT false`);
    // matches are read by mention (the primary key) and by query; the workspace index only slowed the ingest
    await q.query(`DROP INDEX "IDX_a0b193010e77ea0fba5581f468"`);
    await q.query(`CREATE INDEX "mention_match_query" ON "mention_match" ("query_id", "mention_id")`);
    await q.query(
      `CREATE TABLE "backfill_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "source_id" uuid NOT NULL, "since" TIMESTAMP WITH TIME ZONE NOT NULL, "cursor" jsonb, "state" text NOT NULL DEFAULT 'running', "pages" integer NOT NULL DEFAULT '0', "fetched" integer NOT NULL DEFAULT '0', "inserted" integer NOT NULL DEFAULT '0', "last_error" text, "kind" text NOT NULL DEFAULT 'manual', "lease_owner" text, "lease_expires_at" TIMESTAMP WITH TIME ZONE, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "failures" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_backfill_job" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_c9da77bee249438af46055a468" ON "backfill_job" ("source_id", "since") `);
    await q.query(`ALTER TABLE "backfill_job" ADD CONSTRAINT "fk_backfill_job_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "backfill_job" ADD CONSTRAINT "fk_backfill_job_source_id" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "backfill_job" ADD CONSTRAINT "ck_backfill_job_state" CHECK ("state" IN ('running','done','failed'))`);
    await q.query(`ALTER TABLE "backfill_job" ADD CONSTRAINT "ck_backfill_job_kind" CHECK ("kind" IN ('initial','manual'))`);
    await q.query(`CREATE INDEX "backfill_job_due" ON "backfill_job" ("next_attempt_at") WHERE state = 'running' AND kind = 'initial'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "backfill_job" CASCADE`);
    await q.query(`DROP INDEX "mention_match_query"`);
    await q.query(`CREATE INDEX "IDX_a0b193010e77ea0fba5581f468" ON "mention_match" ("workspace_id") `);
    await q.query(`ALTER TABLE "mention" DROP COLUMN "is_repost"`);
    await q.query(`ALTER TABLE "source" DROP COLUMN "rate_limit_reset_at"`);
    await q.query(`ALTER TABLE "source" DROP COLUMN "rate_limit_remaining"`);
    await q.query(`DROP INDEX "listening_query_name"`);
    await q.query(`CREATE INDEX "listening_query_name" ON "listening_query" ("workspace_id", "name")`);
    await q.query(`ALTER TABLE "listening_query" DROP COLUMN "updated_at"`);
  }
}
