/**
 * `npm run eval:sentiment`: 5-fold stratified cross-validation (fixed seed) of the product's classifiers on the
 * shared labeled tweets, against plain `sentiment` (the package as is, French AFINN registered; label = sign of
 * the score) and, for abuse, against a word-list rule. Each fold's models are trained on the other four folds
 * with the product's training configuration and scored through the product's own `createAnalyzer` path; the
 * tweets are de-duplicated first (normalised text), so no test tweet is also a training tweet. Then the
 * throughput of `analyzeText` with the committed models.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createAnalyzer, plainSentiment, type Analyze } from '../../libs/api/enrichment/src/sentiment';
import { OFFENSIVE_WORDS, plainAbusive } from '../../libs/api/enrichment/src/abuse';
import type { LexiconLanguage } from '../../libs/api/enrichment/src/sentiment/lexicon';
import { Pipeline, encodeRow, type EncodedRow } from '../../libs/api/enrichment/src/sentiment/pipeline';
import {
  mulberry32,
  trainLinearModel,
  type TrainConfig,
} from '../../libs/api/enrichment/src/sentiment/train';
import type { LinearModel } from '../../libs/api/enrichment/src/sentiment/linear-model';
import { ENGLISH_ABUSE, ENGLISH_SENTIMENT, FRENCH_SENTIMENT, SEED } from './config';
import { dedupKey, loadDatasets, stratifiedFolds, type LabeledText } from './data';
import { score, type Scores } from './metrics';

const FOLDS = 5;
const SENTIMENT = ['neutral', 'negative', 'positive'];
const ABUSE = ['not-offensive', 'offensive'];

interface Task {
  name: string;
  rows: LabeledText[];
  classes: string[];
  language: LexiconLanguage;
  config: TrainConfig;
  labels: number[];
  folds: Int32Array;
  encoded: EncodedRow[];
  /** out-of-fold predictions of the product */
  predicted: Int32Array;
}

function makeTask(
  name: string,
  rows: LabeledText[],
  classes: string[],
  language: LexiconLanguage,
  config: TrainConfig,
  seed: number,
  pipeline: Pipeline,
): Task {
  const labels = rows.map((r) => {
    const k = classes.indexOf(r.label);
    if (k < 0) throw new Error(`${name}: unknown label ${r.label}`);
    return k;
  });
  return {
    name,
    rows,
    classes,
    language,
    config,
    labels,
    folds: stratifiedFolds(labels, FOLDS, mulberry32(seed)),
    encoded: rows.map((r) => encodeRow(r.text, language, config.features, pipeline)),
    predicted: new Int32Array(rows.length).fill(-1),
  };
}

function trainFold(task: Task, fold: number): LinearModel {
  const rows: EncodedRow[] = [];
  const labels: number[] = [];
  const train = new Set<string>();
  task.encoded.forEach((r, i) => {
    if (task.folds[i] === fold) return;
    rows.push(r);
    labels.push(task.labels[i]);
    train.add(dedupKey(task.rows[i].text));
  });
  // the de-duplication guarantees it; check anyway: no test tweet is a training tweet
  task.rows.forEach((r, i) => {
    if (task.folds[i] === fold && train.has(dedupKey(r.text)))
      throw new Error(`${task.name}: fold ${fold} tests a training tweet: ${r.text}`);
  });
  return trainLinearModel(rows, labels, task.config);
}

function pct(x: number): string {
  return x.toFixed(3);
}

function signed(x: number): string {
  return (x >= 0 ? '+' : '') + x.toFixed(3);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string =>
    '| ' + cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]) : s.padStart(widths[c]))).join(' | ') + ' |';
  return [
    line(header),
    '|' + widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|',
    ...rows.map(line),
  ].join('\n');
}

function main(): void {
  const started = Date.now();
  const data = loadDatasets();
  console.log(
    'Data (../shared/data), de-duplicated on normalised text (mentions, URLs, punctuation and case ignored):',
  );
  console.log(
    `  English sentiment: ${data.english.rows.length} tweets (en-semeval-2013-2016 + en-train; ${data.english.duplicates} duplicates dropped, ${data.english.conflicts} with another label)`,
  );
  console.log(
    `  French sentiment:  ${data.french.rows.length} tweets (${data.french.duplicates} duplicates dropped)`,
  );
  console.log(
    `  English abuse:     ${data.abuse.rows.length} tweets (${data.abuse.duplicates} duplicates dropped)`,
  );

  const pipeline = new Pipeline();
  const tasks = [
    makeTask('English', data.english.rows, SENTIMENT, 'en', ENGLISH_SENTIMENT, SEED + 1, pipeline),
    makeTask('French', data.french.rows, SENTIMENT, 'fr', FRENCH_SENTIMENT, SEED + 2, pipeline),
    makeTask('Abuse (English)', data.abuse.rows, ABUSE, 'en', ENGLISH_ABUSE, SEED + 3, pipeline),
  ];
  const [english, french, abuse] = tasks;

  // cross-validation: fold k's three models are trained without fold k, and score fold k through the product path
  for (let k = 0; k < FOLDS; k++) {
    const analyze: Analyze = createAnalyzer({
      en: trainFold(english, k),
      fr: trainFold(french, k),
      abuse: trainFold(abuse, k),
    });
    for (const task of [english, french]) {
      task.rows.forEach((r, i) => {
        if (task.folds[i] === k)
          task.predicted[i] = SENTIMENT.indexOf(analyze(r.text, task.language).sentiment.label);
      });
    }
    abuse.rows.forEach((r, i) => {
      if (abuse.folds[i] === k) abuse.predicted[i] = analyze(r.text, 'en').abuse.abusive ? 1 : 0;
    });
    process.stderr.write(`fold ${k + 1}/${FOLDS} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  for (const task of tasks)
    if (task.predicted.some((p) => p < 0)) throw new Error(`${task.name}: a row was never scored`);

  // baselines
  const plain = (task: Task): Scores =>
    score(
      task.labels,
      task.rows.map((r) => SENTIMENT.indexOf(plainSentiment(r.text, task.language as 'en' | 'fr'))),
      3,
    );

  const rows: string[][] = [];
  for (const task of [english, french]) {
    const p = plain(task);
    const m = score(task.labels, task.predicted, 3);
    rows.push([
      task.name,
      String(task.rows.length),
      pct(p.macroF1),
      pct(m.macroF1),
      signed(m.macroF1 - p.macroF1),
      pct(p.accuracy),
      pct(m.accuracy),
      m.f1.map(pct).join(' / '),
    ]);
  }
  console.log(
    `\nSentiment, ${FOLDS}-fold stratified cross-validation (seed ${SEED}), macro-F1 over negative, neutral, positive:\n`,
  );
  console.log(
    table(
      [
        'language',
        'tweets',
        'plain `sentiment`',
        'product',
        'difference',
        'plain accuracy',
        'product accuracy',
        'product F1 neu / neg / pos',
      ],
      rows,
    ),
  );

  const majority = score(
    abuse.labels,
    abuse.labels.map(() => 0),
    2,
  );
  const list = score(
    abuse.labels,
    abuse.rows.map((r) => (plainAbusive(r.text) ? 1 : 0)),
    2,
  );
  const model = score(abuse.labels, abuse.predicted, 2);
  console.log(
    `\nAbuse (offensive v not), ${FOLDS}-fold stratified cross-validation, macro-F1 over the two classes:\n`,
  );
  console.log(
    table(
      ['classifier', 'tweets', 'macro-F1', 'accuracy', 'F1 not-off / offensive'],
      [
        [
          'majority class (never offensive)',
          String(abuse.rows.length),
          pct(majority.macroF1),
          pct(majority.accuracy),
          majority.f1.map(pct).join(' / '),
        ],
        [
          `word list (${OFFENSIVE_WORDS.size} insults and profanities)`,
          String(abuse.rows.length),
          pct(list.macroF1),
          pct(list.accuracy),
          list.f1.map(pct).join(' / '),
        ],
        [
          'product model',
          String(abuse.rows.length),
          pct(model.macroF1),
          pct(model.accuracy),
          model.f1.map(pct).join(' / '),
        ],
      ],
    ),
  );
  console.log(`  product − word list: ${signed(model.macroF1 - list.macroF1)}`);

  // throughput, with the committed models, in a fresh process
  console.log('');
  const child = spawnSync(process.execPath, [join(__dirname, 'throughput.js')], { stdio: 'inherit' });
  if (child.status !== 0) console.log(`(throughput: exit code ${String(child.status)})`);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
}

main();
