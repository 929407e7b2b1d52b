import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';

/**
 * Development tool for writing a migration: prints the SQL that would bring DATABASE_URL's schema in line with
 * the entities. Copy it into a new file under database/migrations (see CONTRIBUTING.md).
 */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required');
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  const sql = await ds.driver.createSchemaBuilder().log();
  for (const q of sql.upQueries) process.stdout.write(`${q.query};\n`);
  await ds.destroy();
}

void main();
