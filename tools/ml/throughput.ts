/**
 * Throughput of `analyzeText` with the committed models, on one core: warm loops over 1,000 English tweets, over
 * all the shared English tweets (its per-word caches then see far more words), over the French ones; CPU time of
 * the process, median of the rounds; plain `sentiment.analyze` on the same tweets, for scale. Run by `eval:sentiment` in a
 * fresh process (training code in the same process would make the scoring code paths polymorphic), or alone:
 * `node dist/tools/tools/ml/throughput.js`.
 */
import { analyzeText, plainSentiment } from '../../libs/api/enrichment/src/sentiment';
import { loadDatasets } from './data';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** CPU µs per call of `f` over `texts`, `times` times */
function cpuMicros(texts: readonly string[], f: (t: string) => unknown, times: number): number {
  const c0 = process.cpuUsage();
  for (let k = 0; k < times; k++) for (const t of texts) f(t);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / (texts.length * times);
}

function main(): void {
  const data = loadDatasets();
  const en = data.english.rows.map((r) => r.text);
  const fr = data.french.rows.map((r) => r.text);
  const warm = en.slice(0, 1000);
  const chars = (xs: string[]): string => (xs.reduce((a, t) => a + t.length, 0) / xs.length).toFixed(0);
  const english = (t: string): unknown => analyzeText(t, 'en');
  const french = (t: string): unknown => analyzeText(t, 'fr');
  const plain = (t: string): unknown => plainSentiment(t, 'en');
  // warm up (the JIT, the per-word caches), then rounds that take turns, so that all share the machine's state
  const runs: Array<[string, string[], (t: string) => unknown, number, string]> = [
    [
      `analyzeText, ${warm.length} English tweets (${chars(warm)} chars)`,
      warm,
      english,
      20,
      'sentiment + abuse',
    ],
    [`analyzeText, ${en.length} English tweets (${chars(en)} chars)`, en, english, 1, 'sentiment + abuse'],
    [`analyzeText, ${fr.length} French tweets (${chars(fr)} chars)`, fr, french, 10, 'sentiment'],
    [`plain sentiment.analyze, ${warm.length} English tweets`, warm, plain, 20, 'for scale'],
    [`plain sentiment.analyze, ${en.length} English tweets`, en, plain, 1, 'for scale'],
  ];
  for (const [, texts, f, times] of runs) cpuMicros(texts, f, times);
  const results = runs.map((): number[] => []);
  for (let round = 0; round < 5; round++)
    runs.forEach(([, texts, f, times], k) => results[k].push(cpuMicros(texts, f, times)));
  console.log(`Throughput, one core, warm loops, CPU time (median of 5 rounds):`);
  runs.forEach(([name, , , , what], k) => {
    const us = median(results[k]);
    const perSecond = Math.round(1e6 / us).toLocaleString('en');
    console.log(
      `  ${name.padEnd(46)} ${us.toFixed(2).padStart(6)} µs/post ${perSecond.padStart(9)} posts/s  (${what})`,
    );
  });
}

main();
