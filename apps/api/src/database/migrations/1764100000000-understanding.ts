import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The explanation was {positive: [{token, weight}], negative: [...], negated: [token]}; it becomes one list of
 * evidence, strongest first (exported for its test).
 */
export const CONVERT_EXPLANATIONS = `
  UPDATE "mention" m SET "sentiment_explanation" = COALESCE((
    SELECT jsonb_agg(jsonb_build_object('text', w->>'token', 'weight', (w->>'weight')::numeric, 'source', 'lexicon',
                                        'negated', COALESCE(m.sentiment_explanation->'negated', '[]'::jsonb) ? (w->>'token'))
                     ORDER BY abs((w->>'weight')::numeric) DESC)
    FROM (SELECT jsonb_array_elements(COALESCE(m.sentiment_explanation->'positive', '[]'::jsonb)) AS w
          UNION ALL SELECT jsonb_array_elements(COALESCE(m.sentiment_explanation->'negative', '[]'::jsonb))) x
  ), '[]'::jsonb)
  WHERE jsonb_typeof(m."sentiment_explanation") = 'object'`;

/**
 * Understanding mentions: language confidence, sentiment confidence, intent evidence and the abuse score on each
 * mention; explanations become one list of evidence; per-workspace sentiment terms; agents' corrections.
 */
export class Understanding1764100000000 implements MigrationInterface {
  name = 'Understanding1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mention" ADD "language_confidence" real NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "mention" ADD "sentiment_confidence" real NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "mention" ADD "intent_evidence" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "mention" ADD "abuse_score" real NOT NULL DEFAULT 0`);
    // an agent's correction replaces the label; the machine's own stays in mention_correction.before
    await q.query(`ALTER TABLE "mention" ADD "sentiment_corrected" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "mention" ADD "intents_corrected" boolean NOT NULL DEFAULT false`);
    await q.query(CONVERT_EXPLANATIONS);
    await q.query(`ALTER TABLE "mention" ALTER COLUMN "sentiment_explanation" SET DEFAULT '[]'`);

    await q.query(
      `CREATE TABLE "sentiment_term" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "term" text NOT NULL, "kind" text NOT NULL, "weight" smallint, "note" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_sentiment_term" PRIMARY KEY ("id"))`,
    );
    // one entry per term and workspace, whatever its case: a term is either weighted or ignored
    await q.query(`CREATE UNIQUE INDEX "sentiment_term_unique" ON "sentiment_term" ("workspace_id", lower("term"))`);
    await q.query(`ALTER TABLE "sentiment_term" ADD CONSTRAINT "fk_sentiment_term_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "sentiment_term" ADD CONSTRAINT "fk_sentiment_term_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL`);
    await q.query(`ALTER TABLE "sentiment_term" ADD CONSTRAINT "ck_sentiment_term_kind" CHECK ("kind" IN ('lexicon','ignored'))`);
    await q.query(
      `ALTER TABLE "sentiment_term" ADD CONSTRAINT "ck_sentiment_term_weight" CHECK (("kind" = 'lexicon' AND "weight" BETWEEN -5 AND 5 AND "weight" <> 0) OR ("kind" = 'ignored' AND "weight" IS NULL))`,
    );

    await q.query(
      `CREATE TABLE "mention_correction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "mention_id" uuid NOT NULL, "kind" text NOT NULL, "before" jsonb NOT NULL, "after" jsonb NOT NULL, "note" text, "status" text NOT NULL DEFAULT 'pending', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "term_id" uuid, CONSTRAINT "PK_mention_correction" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "mention_correction_review" ON "mention_correction" ("workspace_id", "status", "created_at")`);
    await q.query(`CREATE INDEX "mention_correction_mention" ON "mention_correction" ("mention_id")`);
    await q.query(`ALTER TABLE "mention_correction" ADD CONSTRAINT "fk_mention_correction_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "mention_correction" ADD CONSTRAINT "fk_mention_correction_mention_id" FOREIGN KEY ("mention_id") REFERENCES "mention"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "mention_correction" ADD CONSTRAINT "fk_mention_correction_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL`);
    await q.query(`ALTER TABLE "mention_correction" ADD CONSTRAINT "fk_mention_correction_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "app_user"("id") ON DELETE SET NULL`);
    await q.query(`ALTER TABLE "mention_correction" ADD CONSTRAINT "fk_mention_correction_term_id" FOREIGN KEY ("term_id") REFERENCES "sentiment_term"("id") ON DELETE SET NULL`);
    await q.query(`ALTER TABLE "mention_correction" ADD CONSTRAINT "ck_mention_correction_kind" CHECK ("kind" IN ('sentiment','intents'))`);
    await q.query(`ALTER TABLE "mention_correction" ADD CONSTRAINT "ck_mention_correction_status" CHECK ("status" IN ('pending','accepted','rejected'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "mention_correction"`);
    await q.query(`DROP TABLE "sentiment_term"`);
    await q.query(`ALTER TABLE "mention" ALTER COLUMN "sentiment_explanation" SET DEFAULT '{}'`);
    for (const column of ['intents_corrected', 'sentiment_corrected', 'abuse_score', 'intent_evidence', 'sentiment_confidence', 'language_confidence']) {
      await q.query(`ALTER TABLE "mention" DROP COLUMN "${column}"`);
    }
  }
}
