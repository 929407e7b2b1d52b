import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EldParts, NgramDatabase } from './ngram-scorer';

/** the installed eld package's folder of sources */
function eldSources(): string {
  const dir = require.resolve.paths('eld')
    ?.map((p) => join(p, 'eld', 'src'))
    .find((p) => existsSync(join(p, 'languageDetector.js')));
  if (!dir) throw new Error('the eld package is not installed');
  return dir;
}

/**
 * eld publishes ESM only, with an `import`-only export map, so its modules are loaded by file path (Node ≥ 20.19
 * can `require` synchronous ESM).
 */
function load<T>(file: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path: eld's export map has no `require` entry
  return require(join(eldSources(), file)) as T;
}

/** eld's smallest n-gram database (60 languages), its byte dictionary and its separators pattern */
export function loadEldParts(): EldParts {
  return {
    database: load<{ ngramsData: NgramDatabase }>('ngrams/extrasmall.js').ngramsData,
    dictionary: load<{ dictionary: string[] }>('dictionary.js').dictionary,
    separators: load<{ separators: RegExp }>('regexPatterns.js').separators,
  };
}

interface EldResult {
  language: string;
  getScores(): Record<string, number>;
}

/** eld's own detector on the same database, for the tests and tools that check `NgramScorer` against it */
export function loadEld(): { detect(text: string): EldResult } {
  return load<{ eld: { detect(text: string): EldResult } }>('entries/static.extrasmall.js').eld;
}
