import { existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { enrich } from '@ecoute/api-enrichment';
import { FORMATS, formatOf, InputError, outputOf, readRows, type RowFormat } from './classify-rows';

const USAGE = `usage: npm run -s classify -- <file> [--text-column text] [--language-column <name>] [--format tsv|csv|jsonl]

Reads a file of posts and writes one JSON line per row to stdout:
  {"language","sentiment":{"label","score","confidence"},"intents":[...],"abusive":bool,"explanation":[...]}
The format comes from the extension (.csv, .tsv, .jsonl) unless --format says otherwise. CSV is RFC 4180 (quoted
fields may hold commas, quotes and line breaks); TSV has no quoting; both need a header row. Malformed rows are
reported on stderr with their line number and skipped. Without a language column, the language is detected.`;

function fail(message: string): never {
  process.stderr.write(`classify: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'text-column': { type: 'string', default: 'text' },
        'language-column': { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1) fail(positionals.length === 0 ? 'give the file to classify' : `one file at a time (got ${positionals.length})`);
  const file = positionals[0];
  if (!existsSync(file) || !statSync(file).isFile()) fail(`${file}: no such file`);
  let format: RowFormat | null;
  if (values.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(values.format)) fail(`--format: "${values.format}" is not one of ${FORMATS.join(', ')}`);
    format = values.format as RowFormat;
  } else {
    format = formatOf(file);
  }
  if (!format) fail(`${file}: cannot tell the format from its extension; add --format ${FORMATS.join('|')}`);

  const started = Date.now();
  let rows = 0;
  let skipped = 0;
  const out = process.stdout;
  // a reader that stops early (`| head`) is not an error
  out.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const ok = out.write(buffer);
    buffer = '';
    if (!ok) await once(out, 'drain');
  };
  try {
    for await (const row of readRows(file, format, values['text-column'], values['language-column'] ?? null)) {
      if ('error' in row) {
        skipped++;
        process.stderr.write(`classify: ${file}:${row.line}: skipped: ${row.error}\n`);
        continue;
      }
      buffer += `${outputOf(enrich({ text: row.text, language: row.language }))}\n`;
      rows++;
      if (buffer.length > 64_000) await flush();
    }
    await flush();
  } catch (e) {
    if (e instanceof InputError) fail(e.message);
    throw e;
  }
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(`classify: ${rows} rows classified${skipped ? `, ${skipped} skipped` : ''} in ${seconds.toFixed(1)} s\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`classify: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
