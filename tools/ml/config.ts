import { DEFAULT_FEATURES, type FeatureConfig } from '../../libs/api/enrichment/src/sentiment/features';
import { ABUSE_CLASSES, SENTIMENT_CLASSES } from '../../libs/api/enrichment/src/sentiment/analyze';
import type { TrainConfig } from '../../libs/api/enrichment/src/sentiment/train';

/**
 * How the product's models are trained: used as is by `train:sentiment` (all the data) and by `eval:sentiment`
 * (each cross-validation fold). Chosen by 5-fold cross-validation (see docs/decisions/0009).
 */

export const SEED = 20240917;

/**
 * The lexicon block: a few values (the lexicon's sum, positive and negative parts, last word, emoji, hashtags,
 * negations), not binned indicators, so the model's reading grows with the lexicon's scores (an intensifier
 * always adds, a negation always turns); kept at its scale whatever the length of the post (the other features
 * are scaled to unit length). French 5-fold 0.653 v 0.648 binned; English 2-fold 0.667 v 0.668.
 */
const LEXICON_BLOCK = { fixedLexicon: true, lexiconContinuous: true } as const;

/**
 * English sentiment and abuse share one feature configuration and one bucket layout, so a post's features are
 * extracted and hashed once for both. Character n-grams cost most of the time (a random memory access each):
 * English uses 5-grams of words of 4 letters or more (about 85 features a tweet; 2-fold CV macro-F1 0.667 v 0.665
 * for 3–5-grams of every word, 240 features); abuse loses 0.009 with them (0.725 v 0.734). Bigrams stay (0.655
 * without). French, with 2,000 posts, needs shorter n-grams: 3–4-grams (5-fold 0.647, v 0.637 with 4-grams and
 * 0.616 without).
 */
export const ENGLISH_FEATURES: FeatureConfig = {
  ...DEFAULT_FEATURES,
  charMin: 5,
  charMax: 5,
  charMinWord: 4,
  ...LEXICON_BLOCK,
  lexiconWeight: 2,
};
export const FRENCH_FEATURES: FeatureConfig = {
  ...DEFAULT_FEATURES,
  charMin: 3,
  charMax: 4,
  ...LEXICON_BLOCK,
  lexiconWeight: 1,
};

/**
 * Multinomial logistic regression by AdaGrad (per-weight steps: rare n-grams move fast; English 0.664 in 6 epochs,
 * plain SGD 0.642 in 10), L2 1e-4 on the weights a post touches, weights averaged over the last epochs,
 * balanced class weights (macro-F1 is the metric), 2^18 buckets a model (English 2-fold 0.659 at 2^16, 0.662 at
 * 2^17, 0.665 at 2^18, 0.663 at 2^20), 8-bit weights.
 */
const common = {
  bits: 18,
  shared: false,
  optimizer: 'adagrad',
  learningRate: 0.1,
  l2: 1e-4,
  classWeightPower: 1,
  precision: 8,
  seed: SEED,
} as const;

export const ENGLISH_SENTIMENT: TrainConfig = {
  ...common,
  name: 'sentiment-en',
  classes: [...SENTIMENT_CLASSES],
  languages: ['en'],
  features: ENGLISH_FEATURES,
  epochs: 6,
  averageEpochs: 3,
};

export const FRENCH_SENTIMENT: TrainConfig = {
  ...common,
  name: 'sentiment-fr',
  // the lexicon's own vote, ±0.5·tanh(sum/3) on the logits: French 5-fold 0.653 v 0.649 without; the model learns
  // little negation from 1,700 posts ("jamais satisfait"). English loses with it (2-fold 0.657 v 0.669): none.
  lexiconPrior: 0.5,
  classes: [...SENTIMENT_CLASSES],
  languages: ['fr'],
  features: FRENCH_FEATURES,
  epochs: 10,
  averageEpochs: 5,
};

export const ENGLISH_ABUSE: TrainConfig = {
  ...common,
  name: 'abuse-en',
  // without the lexicon block: on OffensEval, negative sentiment predicts offence (macro-F1 0.726 with the block,
  // 0.711 without), but then a plain complaint ("not very good") reads as abusive; the model must judge the words
  skipLexiconBlock: true,
  classes: [...ABUSE_CLASSES],
  languages: ['en'],
  features: ENGLISH_FEATURES,
  epochs: 6,
  averageEpochs: 3,
};
