import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared labeled tweets (read-only, `../shared/data` from the repository root): loading, decoding and
 * de-duplication. Only the tools read them; tests never do.
 */

export interface LabeledText {
  text: string;
  label: string;
  /** file it came from */
  source: string;
}

/** the repository root: the tools run from dist/tools/tools/ml or from tools/ml */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'ecoute') return dir;
    } catch {
      // not here: go up
    }
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

export function sharedData(...parts: string[]): string {
  return join(process.env.ECOUTE_SHARED_DATA ?? join(repoRoot(), '..', 'shared', 'data'), ...parts);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** literal escapes of the files (`\u002c`, `\u2019`) and HTML entities (`&amp;`) decoded; "URL" placeholders as URLs */
export function decodeText(raw: string): string {
  return raw
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\bURL\b/g, 'http://url');
}

/** the key two copies of a tweet share: lowercase letters, digits and emoji, mentions and URLs blanked */
export function dedupKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S*|www\.\S*/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/[^\p{L}\p{N}\p{Extended_Pictographic}]+/gu, '');
}

export function readTsv(path: string, source: string): LabeledText[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const out: LabeledText[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    out.push({ label: line.slice(0, tab).trim(), text: decodeText(line.slice(tab + 1)), source });
  }
  return out;
}

export interface Dedup {
  rows: LabeledText[];
  duplicates: number;
  /** duplicates whose label differed from the kept copy's */
  conflicts: number;
}

/** keeps the first copy of each tweet (by {@link dedupKey}) */
export function deduplicate(rows: readonly LabeledText[]): Dedup {
  const seen = new Map<string, LabeledText>();
  const kept: LabeledText[] = [];
  let duplicates = 0;
  let conflicts = 0;
  for (const r of rows) {
    const key = dedupKey(r.text);
    const first = key.length > 0 ? seen.get(key) : undefined;
    if (first !== undefined) {
      duplicates++;
      if (first.label !== r.label) conflicts++;
      continue;
    }
    if (key.length > 0) seen.set(key, r);
    kept.push(r);
  }
  return { rows: kept, duplicates, conflicts };
}

export interface Datasets {
  english: Dedup;
  french: Dedup;
  abuse: Dedup;
}

export function loadDatasets(): Datasets {
  const english = deduplicate([
    ...readTsv(sharedData('sentiment', 'en-semeval-2013-2016.tsv'), 'en-semeval-2013-2016'),
    ...readTsv(sharedData('sentiment', 'en-train.tsv'), 'en-train'),
  ]);
  const french = deduplicate(readTsv(sharedData('sentiment', 'fr-train.tsv'), 'fr-train'));
  const abuse = deduplicate(readTsv(sharedData('offensive', 'en-train.tsv'), 'offensive-en-train'));
  return { english, french, abuse };
}

/**
 * Stratified k-fold assignment with a fixed seed: within each label, rows are shuffled and dealt round-robin.
 */
export function stratifiedFolds(labels: readonly number[], k: number, random: () => number): Int32Array {
  const fold = new Int32Array(labels.length);
  const byLabel = new Map<number, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l) ?? [];
    list.push(i);
    byLabel.set(l, list);
  });
  let offset = 0;
  for (const l of [...byLabel.keys()].sort((a, b) => a - b)) {
    const idx = byLabel.get(l) ?? [];
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((row, n) => (fold[row] = (n + offset) % k));
    offset += idx.length;
  }
  return fold;
}
