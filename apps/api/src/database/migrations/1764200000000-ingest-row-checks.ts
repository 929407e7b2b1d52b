import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decision 0013: the ingest path writes a mention, its match, its conversation and message in one transaction,
 * each row pointing at rows that same transaction (or the author upsert just before it) wrote. PostgreSQL checks
 * every such foreign key with one locking lookup per row, which was about 40 % of the page transaction's time.
 * These references are now guaranteed by the writers and verified by `findOrphans` (database/integrity.ts), which
 * the fault-injection and ingestion tests run. The keys that protect user actions stay: a deleted query takes its
 * matches with it, a deleted user leaves conversations unassigned, a reply's outbox row cannot vanish.
 */
const DROPPED: ReadonlyArray<readonly [table: string, column: string, target: string, onDelete: string]> = [
  ['author', 'workspace_id', 'workspace', 'CASCADE'],
  ['mention', 'workspace_id', 'workspace', 'CASCADE'],
  ['mention', 'author_id', 'author', 'RESTRICT'],
  ['mention_match', 'mention_id', 'mention', 'CASCADE'],
  ['conversation', 'workspace_id', 'workspace', 'CASCADE'],
  ['conversation', 'subject_mention_id', 'mention', 'RESTRICT'],
  ['conversation', 'author_id', 'author', 'RESTRICT'],
  ['message', 'conversation_id', 'conversation', 'CASCADE'],
  ['message', 'mention_id', 'mention', 'CASCADE'],
];

export class IngestRowChecks1764200000000 implements MigrationInterface {
  name = 'IngestRowChecks1764200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of DROPPED) await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}_${column}"`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column, target, onDelete] of DROPPED)
      await q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_${column}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete}`,
      );
  }
}
