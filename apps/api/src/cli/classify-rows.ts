import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { Enrichment } from '@ecoute/contracts';

export const FORMATS = ['csv', 'tsv', 'jsonl'] as const;
export type RowFormat = (typeof FORMATS)[number];

/** A row of the input: its text (and language, when the file has a language column), or why it was skipped. */
export type InputRow = { line: number; text: string; language: string | null } | { line: number; error: string };

export class InputError extends Error {}

/** The format from the file's extension: .csv, .tsv/.tab, .jsonl/.ndjson. */
export function formatOf(file: string): RowFormat | null {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  return null;
}

/**
 * Streams the rows of a file. CSV follows RFC 4180 (quoted fields with commas, quotes and line breaks inside);
 * TSV follows the IANA text/tab-separated-values rules (no quoting: a field never holds a tab or a line break);
 * both need a header row. JSONL is one object per line. A malformed row is reported and skipped; a missing
 * text column stops the run before any row.
 */
export async function* readRows(file: string, format: RowFormat, textColumn: string, languageColumn: string | null): AsyncGenerator<InputRow> {
  if (format === 'jsonl') {
    yield* readJsonl(file, textColumn, languageColumn);
    return;
  }
  const parser = createReadStream(file).pipe(
    parse({
      delimiter: format === 'csv' ? ',' : '\t',
      quote: format === 'csv' ? '"' : false,
      bom: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        if (!names.includes(textColumn)) throw new InputError(`column "${textColumn}" not found; the columns are: ${names.join(', ')} (choose one with --text-column)`);
        if (languageColumn && !names.includes(languageColumn)) throw new InputError(`column "${languageColumn}" not found; the columns are: ${names.join(', ')}`);
        return names;
      },
      relax_column_count: false,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
    }),
  );
  const skipped: InputRow[] = [];
  parser.on('skip', (err: Error & { lines?: number }) => skipped.push({ line: err.lines ?? 0, error: err.message }));
  try {
    for await (const record of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      while (skipped.length > 0) yield skipped.shift() as InputRow;
      const text = record.record[textColumn];
      yield { line: record.info.lines, text: text ?? '', language: languageColumn ? normaliseLanguage(record.record[languageColumn]) : null };
    }
  } catch (e) {
    // the header check throws from inside the parser
    const cause = e instanceof InputError ? e : e instanceof Error && e.cause instanceof InputError ? e.cause : null;
    if (cause) throw cause;
    if (e instanceof Error && /Invalid Opening Quote|Quote Not Closed|Invalid Closing Quote/i.test(e.message)) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
  while (skipped.length > 0) yield skipped.shift() as InputRow;
}

async function* readJsonl(file: string, textColumn: string, languageColumn: string | null): AsyncGenerator<InputRow> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      yield { line, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, error: 'not a JSON object' };
      continue;
    }
    const record = value as Record<string, unknown>;
    const text = record[textColumn];
    if (typeof text !== 'string') {
      yield { line, error: `no string field "${textColumn}"` };
      continue;
    }
    const language = languageColumn ? record[languageColumn] : null;
    yield { line, text, language: typeof language === 'string' ? normaliseLanguage(language) : null };
  }
}

function normaliseLanguage(value: string | undefined): string | null {
  const v = value?.trim().toLowerCase().slice(0, 2);
  return v && /^[a-z]{2}$/.test(v) ? v : null;
}

/** The output line of one row (issue 4's shape). */
export function outputOf(e: Enrichment): string {
  return JSON.stringify({
    language: e.language,
    sentiment: { label: e.sentiment.label, score: e.sentiment.score, confidence: e.sentiment.confidence },
    intents: e.intents,
    abusive: e.isAbuse,
    explanation: e.sentiment.explanation,
  });
}
