/**
 * `npm run train:sentiment`: trains the product's English and French sentiment models and its English abuse
 * model on all the shared labeled tweets (../shared/data), with a fixed seed, and writes them to
 * libs/api/enrichment/src/models/. Two runs write byte-identical files.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';
import { Pipeline, encodeRow } from '../../libs/api/enrichment/src/sentiment/pipeline';
import type { LexiconLanguage } from '../../libs/api/enrichment/src/sentiment/lexicon';
import { trainLinearModel, type TrainConfig } from '../../libs/api/enrichment/src/sentiment/train';
import { ENGLISH_ABUSE, ENGLISH_SENTIMENT, FRENCH_SENTIMENT } from './config';
import { loadDatasets, repoRoot, type Dedup } from './data';

async function main(): Promise<void> {
  const started = Date.now();
  const data = loadDatasets();
  const outDir = join(repoRoot(), 'libs', 'api', 'enrichment', 'src', 'models');
  mkdirSync(outDir, { recursive: true });
  const pipeline = new Pipeline();
  const jobs: Array<[TrainConfig, Dedup, LexiconLanguage, string]> = [
    [
      ENGLISH_SENTIMENT,
      data.english,
      'en',
      'sentiment/en-semeval-2013-2016.tsv + sentiment/en-train.tsv, de-duplicated',
    ],
    [FRENCH_SENTIMENT, data.french, 'fr', 'sentiment/fr-train.tsv, de-duplicated'],
    [ENGLISH_ABUSE, data.abuse, 'en', 'offensive/en-train.tsv, de-duplicated'],
  ];
  let total = 0;
  for (const [config, set, language, source] of jobs) {
    const t0 = Date.now();
    const rows = set.rows.map((r) => encodeRow(r.text, language, config.features, pipeline));
    const labels = set.rows.map((r) => {
      const k = config.classes.indexOf(r.label);
      if (k < 0) throw new Error(`${config.name}: unknown label ${r.label}`);
      return k;
    });
    const model = trainLinearModel(rows, labels, config);
    const json = model.toJSON();
    json.training = {
      ...json.training,
      data: source,
      duplicatesDropped: set.duplicates,
      optimizer: config.optimizer ?? 'sgd',
      averageEpochs: config.averageEpochs,
    };
    const file = join(outDir, `${config.name}.json`);
    // formatted as the repository formats JSON, so that `npm run format:check` passes
    const options = (await resolveConfig(file)) ?? {};
    writeFileSync(file, await format(JSON.stringify(json), { ...options, parser: 'json' }));
    const bytes = statSync(file).size;
    total += bytes;
    console.log(
      `${config.name.padEnd(13)} ${String(rows.length).padStart(6)} rows  ${(bytes / 1024).toFixed(0).padStart(5)} KiB  ${((Date.now() - t0) / 1000).toFixed(1)} s  → ${file}`,
    );
  }
  console.log(
    `total ${(total / 1024 / 1024).toFixed(2)} MiB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
