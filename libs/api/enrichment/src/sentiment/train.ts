import type { FeatureConfig } from './features';
import * as linear from './linear-model';
import { LinearModel, copySalts, quantise } from './linear-model';
import type { EncodedRow } from './pipeline';

/**
 * Training of a {@link LinearModel}: stochastic gradient on the L2-regularised, class-weighted cross-entropy, one
 * post at a time in an order drawn from a seeded generator; AdaGrad (per-weight steps, L2 on the weights a post
 * touches) or plain SGD (η_t = η₀ / (1 + η₀λt), L2 on all weights through a scale); the weights of the last
 * epochs averaged, then quantised. Deterministic: same rows, same labels, same config → the same weights, bit for
 * bit (plain float arithmetic in a fixed order).
 */

export interface TrainConfig {
  name: string;
  classes: string[];
  bits: number;
  shared: boolean;
  languages: string[];
  features: FeatureConfig;
  epochs: number;
  /** the last epochs whose end weights are averaged (1 = the final weights) */
  averageEpochs: number;
  learningRate: number;
  /** L2 penalty per example */
  l2: number;
  seed: number;
  /** class weight = (n / (K · n_class)) ^ power; 0 = unweighted, 1 = balanced */
  classWeightPower: number;
  /** weight of each row of a language (joint training: French rows count more than English ones) */
  languageWeight?: Record<string, number>;
  precision: 8 | 16;
  /** 'sgd': plain SGD, L2 on all weights; 'adagrad': per-weight steps, L2 on the weights a post touches */
  optimizer?: 'sgd' | 'adagrad';
  /** the model does not read the lexicon block (which still counts in the normalisation) */
  skipLexiconBlock?: boolean;
  /** stored with the model: the weight of the lexicon's own vote at scoring (see LinearModelJson.lexiconPrior) */
  lexiconPrior?: number;
}

// swc compiles imported bindings to getter calls on the module object at every use: hot code reads local copies
const { bucketOf, softmax } = linear;

/** mulberry32: a small, fast, seedable generator */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace(a: Int32Array | number[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

interface Compiled {
  offsets: Int32Array;
  index: Int32Array;
  value: Float32Array;
}

/** the bucket indices of each row's features, all copies included */
function compile(rows: readonly EncodedRow[], config: TrainConfig): Compiled {
  const mask = (1 << config.bits) - 1;
  const saltsOf = new Map<string, number[]>();
  let total = 0;
  for (const r of rows) {
    let s = saltsOf.get(r.language);
    if (s === undefined)
      saltsOf.set(r.language, (s = copySalts(config.shared, config.languages, r.language)));
    let kept = 0;
    for (let f = 0; f < r.hashes.length; f++)
      if (!(config.skipLexiconBlock === true && r.lexicon[f] === 1)) kept++;
    total += kept * s.length;
  }
  const offsets = new Int32Array(rows.length + 1);
  const index = new Int32Array(total);
  const value = new Float32Array(total);
  let p = 0;
  rows.forEach((r, i) => {
    offsets[i] = p;
    const salts = saltsOf.get(r.language) ?? [];
    for (let f = 0; f < r.hashes.length; f++) {
      if (config.skipLexiconBlock === true && r.lexicon[f] === 1) continue;
      for (const salt of salts) {
        index[p] = bucketOf(r.hashes[f], salt, mask);
        value[p] = r.values[f];
        p++;
      }
    }
  });
  offsets[rows.length] = p;
  return { offsets, index, value };
}

export function trainLinearModel(
  rows: readonly EncodedRow[],
  labels: ArrayLike<number>,
  config: TrainConfig,
): LinearModel {
  if (rows.length !== labels.length) throw new Error('rows and labels differ in length');
  const K = config.classes.length;
  const k1 = K - 1;
  const size = (1 << config.bits) * k1;
  const { offsets, index, value } = compile(rows, config);

  // class weights
  const counts = new Float64Array(K);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  const classWeight = new Float64Array(K);
  for (let k = 0; k < K; k++)
    classWeight[k] = counts[k] > 0 ? Math.pow(rows.length / (K * counts[k]), config.classWeightPower) : 0;
  const languages = [...new Set(rows.map((r) => r.language))].sort();
  const rowWeight = new Float64Array(rows.length);
  rows.forEach(
    (r, i) => (rowWeight[i] = classWeight[labels[i]] * (config.languageWeight?.[r.language] ?? 1)),
  );
  const langIndex = new Int32Array(rows.length);
  rows.forEach((r, i) => (langIndex[i] = languages.indexOf(r.language)));

  const v = new Float64Array(size); // weights = a · v
  let a = 1;
  const bias = new Float64Array(k1);
  const langBias = languages.map(() => new Float64Array(k1));
  const sum = new Float64Array(size);
  const biasSum = new Float64Array(k1);
  const langBiasSum = languages.map(() => new Float64Array(k1));
  let averaged = 0;
  const adagrad = config.optimizer === 'adagrad';
  const acc = adagrad ? new Float64Array(size) : new Float64Array(0);

  const random = mulberry32(config.seed);
  const order = new Int32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const logits = new Float64Array(K);
  const p = new Float64Array(K);
  const g = new Float64Array(k1);
  const { learningRate: eta0, l2 } = config;
  let t = 0;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (let o = 0; o < order.length; o++) {
      const r = order[o];
      const eta = eta0 / (1 + eta0 * l2 * t++);
      const lb = langBias[langIndex[r]];
      const start = offsets[r];
      const end = offsets[r + 1];
      logits[0] = 0;
      for (let k = 0; k < k1; k++) logits[k + 1] = bias[k] + lb[k];
      if (k1 === 2) {
        let z1 = 0;
        let z2 = 0;
        for (let j = start; j < end; j++) {
          const base = index[j] << 1;
          const x = value[j];
          z1 += v[base] * x;
          z2 += v[base + 1] * x;
        }
        logits[1] += z1 * a;
        logits[2] += z2 * a;
      } else {
        for (let j = start; j < end; j++) {
          const base = index[j] * k1;
          const x = value[j] * a;
          for (let k = 0; k < k1; k++) logits[k + 1] += v[base + k] * x;
        }
      }
      softmax(logits, p);
      const y = labels[r];
      const rw = rowWeight[r];
      for (let k = 0; k < k1; k++) g[k] = (p[k + 1] - (y === k + 1 ? 1 : 0)) * rw;
      // L2 shrinkage of all weights at once, through the scale
      if (!adagrad) a *= 1 - eta * l2;
      if (a < 1e-6) {
        for (let i = 0; i < size; i++) v[i] *= a;
        a = 1;
      }
      if (adagrad) {
        for (let j = start; j < end; j++) {
          const base = index[j] * k1;
          const x = value[j];
          for (let k = 0; k < k1; k++) {
            const q = base + k;
            const grad = g[k] * x + l2 * v[q];
            const G = (acc[q] += grad * grad);
            v[q] -= (eta0 * grad) / (Math.sqrt(G) + 1e-8);
          }
        }
        for (let k = 0; k < k1; k++) {
          bias[k] -= eta0 * 0.1 * g[k];
          lb[k] -= eta0 * 0.1 * g[k];
        }
        continue;
      }
      const step = eta / a;
      if (k1 === 2) {
        const g0 = g[0] * step;
        const g1 = g[1] * step;
        for (let j = start; j < end; j++) {
          const base = index[j] << 1;
          const x = value[j];
          v[base] -= g0 * x;
          v[base + 1] -= g1 * x;
        }
      } else {
        for (let j = start; j < end; j++) {
          const base = index[j] * k1;
          const x = value[j] * step;
          for (let k = 0; k < k1; k++) v[base + k] -= g[k] * x;
        }
      }
      for (let k = 0; k < k1; k++) {
        bias[k] -= eta * g[k];
        lb[k] -= eta * g[k];
      }
    }
    if (epoch >= config.epochs - config.averageEpochs) {
      for (let i = 0; i < size; i++) sum[i] += v[i] * a;
      for (let k = 0; k < k1; k++) biasSum[k] += bias[k];
      langBias.forEach((b, li) => {
        for (let k = 0; k < k1; k++) langBiasSum[li][k] += b[k];
      });
      averaged++;
    }
  }
  const weights = new Float64Array(size);
  for (let i = 0; i < size; i++) weights[i] = sum[i] / averaged;
  const { scale, data } = quantise(weights, config.precision);
  const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
  return new LinearModel(
    config.name,
    config.classes,
    config.bits,
    config.shared,
    config.languages,
    config.features,
    data,
    scale,
    Float64Array.from(biasSum, (b) => round6(b / averaged)),
    new Map(languages.map((l, li) => [l, Float64Array.from(langBiasSum[li], (b) => round6(b / averaged))])),
    {
      rows: rows.length,
      classCounts: Object.fromEntries(config.classes.map((c, k) => [c, counts[k]])),
      seed: config.seed,
      epochs: config.epochs,
      learningRate: config.learningRate,
      l2: config.l2,
      classWeightPower: config.classWeightPower,
      languageWeight: config.languageWeight ?? {},
    },
    config.skipLexiconBlock === true,
    config.lexiconPrior ?? 0,
  );
}
