/**
 * The references the ingest path guarantees without a foreign key (decision 0013), each as a query that lists
 * the rows breaking it: a reference to a row that does not exist, or that belongs to another workspace.
 * `npm run db:check` runs them; so do the fault-injection and pipeline tests.
 */
export const REFERENCES: ReadonlyArray<{ reference: string; sql: string }> = [
  ...(['author', 'mention', 'conversation'] as const).map((table) => ({
    reference: `${table}.workspace_id → workspace`,
    sql: `SELECT t.id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM workspace w WHERE w.id = t.workspace_id)`,
  })),
  {
    reference: 'mention.author_id → author of its workspace',
    sql: `SELECT m.id FROM mention m WHERE NOT EXISTS (SELECT 1 FROM author a WHERE a.id = m.author_id AND a.workspace_id = m.workspace_id)`,
  },
  {
    reference: 'mention_match.mention_id → mention of its workspace',
    sql: `SELECT x.mention_id AS id FROM mention_match x WHERE NOT EXISTS (SELECT 1 FROM mention m WHERE m.id = x.mention_id AND m.workspace_id = x.workspace_id)`,
  },
  {
    reference: 'conversation.subject_mention_id → mention of its workspace',
    sql: `SELECT c.id FROM conversation c WHERE c.subject_mention_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mention m WHERE m.id = c.subject_mention_id AND m.workspace_id = c.workspace_id)`,
  },
  {
    reference: 'conversation.author_id → author of its workspace',
    sql: `SELECT c.id FROM conversation c WHERE c.author_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM author a WHERE a.id = c.author_id AND a.workspace_id = c.workspace_id)`,
  },
  {
    reference: 'message.conversation_id → conversation of its workspace',
    sql: `SELECT g.id FROM message g WHERE NOT EXISTS (SELECT 1 FROM conversation c WHERE c.id = g.conversation_id AND c.workspace_id = g.workspace_id)`,
  },
  {
    reference: 'message.mention_id → mention of its workspace',
    sql: `SELECT g.id FROM message g WHERE g.mention_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mention m WHERE m.id = g.mention_id AND m.workspace_id = g.workspace_id)`,
  },
];

export interface BrokenReference {
  reference: string;
  rows: number;
  /** up to five of the offending rows' ids */
  examples: string[];
}

/** Every reference of {@link REFERENCES} that some row breaks (empty when the database is sound). */
export async function findBrokenReferences(query: (sql: string) => Promise<Array<{ id: string }>>): Promise<BrokenReference[]> {
  const broken: BrokenReference[] = [];
  for (const { reference, sql } of REFERENCES) {
    const rows = await query(sql);
    if (rows.length > 0) broken.push({ reference, rows: rows.length, examples: rows.slice(0, 5).map((r) => r.id) });
  }
  return broken;
}
