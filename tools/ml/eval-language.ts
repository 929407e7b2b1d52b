/**
 * `npm run eval:language` (development tool: reads ../shared/data): the product's language detector on short
 * tweets, as decision 0011 measured the candidates. Test set: every French tweet under 100 characters (URLs,
 * @handles, "RT" and "#" removed) and as many English ones, drawn with a fixed seed. Prints the accuracy and speed
 * of eld's own `detect` and of the product (the same database through `NgramScorer`, decision 0012).
 */
import { performance } from 'node:perf_hooks';
import { detectLanguage } from '../../libs/api/enrichment/src/language';
import { loadEld } from '../../libs/api/enrichment/src/language/eld-parts';
import { decodeText, readTsv, sharedData } from './data';

function clean(text: string): string {
  return decodeText(text)
    .replace(/https?:\/\/\S*|\bhttp\b/g, ' ')
    .replace(/@[\w.]+/g, ' ')
    .replace(/\bRT\b/g, ' ')
    .replace(/#/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** mulberry32: a small seeded generator, for a reproducible sample */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const short = (rows: Array<{ text: string }>) => rows.map((r) => clean(r.text)).filter((t) => t.length > 0 && t.length < 100);
  const french = short(readTsv(sharedData('sentiment/fr-train.tsv'), 'fr'));
  const englishAll = short([
    ...readTsv(sharedData('sentiment/en-semeval-2013-2016.tsv'), 'en'),
    ...readTsv(sharedData('sentiment/en-train.tsv'), 'en'),
    ...readTsv(sharedData('offensive/en-train.tsv'), 'en'),
  ]);
  const random = rng(20241123);
  const english = englishAll
    .map((t) => ({ t, k: random() }))
    .sort((a, b) => a.k - b.k)
    .slice(0, french.length)
    .map((x) => x.t);
  const set = [...english.map((text) => ({ text, lang: 'en' })), ...french.map((text) => ({ text, lang: 'fr' }))];

  const measure = (name: string, detect: (text: string) => { language: string | null } | null) => {
    for (let i = 0; i < 2000; i++) detect(set[i % set.length].text);
    let right = 0;
    let answered = 0;
    const t0 = performance.now();
    for (const { text, lang } of set) {
      const r = detect(text);
      if (r && r.language) answered++;
      if (r?.language === lang) right++;
    }
    // speed: repeated passes over the set for a second, after the accuracy pass
    let passes = 1;
    while (performance.now() - t0 < 1000) {
      for (const { text } of set) detect(text);
      passes++;
    }
    const us = ((performance.now() - t0) * 1000) / (set.length * passes);
    const coverage = answered / set.length;
    return `  ${name.padEnd(36)} accuracy ${((right / set.length) * 100).toFixed(1)} %, answers ${(coverage * 100).toFixed(1)} % (accuracy on those ${((right / Math.max(1, answered)) * 100).toFixed(1)} %), ${us.toFixed(1)} µs/post`;
  };
  const eld = loadEld();
  const lines = [
    `language detection on ${set.length} tweets under 100 characters (${english.length} English, ${french.length} French)`,
    measure("eld's own detect (extrasmall)", (t) => eld.detect(t)),
    measure('product (NgramScorer, eld database)', (t) => detectLanguage(t, null)),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
