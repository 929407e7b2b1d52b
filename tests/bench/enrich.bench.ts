/**
 * `npm run bench -- enrich [--seconds=5]`: posts per second through the full enrichment (language detection,
 * sentiment, intents with their evidence, abuse) on one core, in this process. Issue 4's target: 50,000 posts/s.
 * Input: the 2,000 real English and French tweets of tests/fixtures/understanding (no language tag, so the
 * detector runs on every post), and the same posts with their language given, as most platforms tag it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileTuning, enrich, type EnrichmentInput } from '@ecoute/api-enrichment';
import { machine } from './machine';

const FIXTURE = join(__dirname, '../../../../tests/fixtures/understanding/tweets-sample.tsv');

function run(label: string, inputs: readonly EnrichmentInput[], seconds: number, tuning?: ReturnType<typeof compileTuning>): string {
  // warm up: the JIT, the models' first use
  for (let i = 0; i < 5_000; i++) enrich(inputs[i % inputs.length], tuning);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let posts = 0;
  let checksum = 0;
  while (performance.now() - t0 < seconds * 1000) {
    for (const input of inputs) checksum += enrich(input, tuning).sentiment.score;
    posts += inputs.length;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const rate = (posts / ms) * 1000;
  return `  ${label}: ${Math.round(rate).toLocaleString('en')} posts/s (${((ms * 1000) / posts).toFixed(1)} µs/post), ${posts.toLocaleString('en')} posts in ${(ms / 1000).toFixed(1)} s, CPU ${Math.round((cpuMs / ms) * 100)}% of one core (checksum ${checksum.toFixed(0)})`;
}

function main(): void {
  const seconds = Number(/--seconds=(\d+(?:\.\d+)?)/.exec(process.argv.join(' '))?.[1] ?? 5);
  const rows = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split('\t'));
  const detected = rows.map(([, , text]) => ({ text, language: null }));
  const tagged = rows.map(([, language, text]) => ({ text, language }));
  const tuning = compileTuning({ lexicon: { sick: 3, wicked: 3 }, ignored: ['Orange', 'Virgin', 'Delta'] });
  const lines = [
    `enrichment benchmark: ${rows.length} real tweets (English and French), language + sentiment + intents + abuse, one core`,
    run('language detected (no platform tag)', detected, seconds),
    run('language tagged by the platform', tagged, seconds),
    run('detected, with a workspace tuning', detected, seconds, tuning),
  ];
  const headline = Number(/: ([\d,]+) posts\/s/.exec(lines[1])?.[1]?.replace(/,/g, '') ?? 0);
  lines.push(`  target (issue 4): 50,000 posts/s on one core → ${headline >= 50_000 ? 'met' : 'NOT met'}`);
  lines.push(`  machine: ${machine()}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
