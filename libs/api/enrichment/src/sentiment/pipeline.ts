import { TokenBuffer, tokenize } from '../text/tokenizer';
import { FeatureBuffer, extractFeatures, type FeatureConfig, type FeatureSink } from './features';
import * as lexicon from './lexicon';
import { LEXICONS, LexiconScores, scoreLexicon, type LexiconLanguage } from './lexicon';
import { applyTuning, type CompiledTuning } from './tuning';

// swc compiles imported bindings to getter calls on the module object at every use: hot code reads local copies
const { LEX_TUNED } = lexicon;

/**
 * Text → tokens → (tuning) → lexicon scores → features: one pass, shared by the training scripts and by
 * `analyzeText`, in buffers reused from post to post (one Pipeline per thread of work).
 */
export class Pipeline {
  readonly tokens = new TokenBuffer();
  readonly lexicon = new LexiconScores();
  readonly features = new FeatureBuffer();
  tuned: Float64Array = new Float64Array(128);
  skip: Uint8Array = new Uint8Array(128);
  /** whether the last post had tuned tokens (then `skip` marks them) */
  hasTuned = false;

  /** tokenizes `text` and applies `tuning`; then {@link score} */
  read(text: string, tuning: CompiledTuning | null): void {
    tokenize(text, this.tokens);
    this.hasTuned = false;
    if (tuning !== null && !tuning.empty) {
      this.tuned = applyTuning(this.tokens, tuning, this.tuned);
      const n = this.tokens.n;
      if (this.skip.length < n) this.skip = new Uint8Array(n * 2);
      for (let i = 0; i < n; i++) {
        const t = this.tuned[i] === this.tuned[i];
        this.skip[i] = t ? 1 : 0;
        if (t) this.hasTuned = true;
      }
    }
  }

  /** lexicon scores and features of the post last read, for `language`, into `sink` (default: `features`) */
  score(language: LexiconLanguage, config: FeatureConfig, sink: FeatureSink = this.features): void {
    scoreLexicon(LEXICONS[language], this.tokens, this.hasTuned ? this.tuned : null, this.lexicon);
    extractFeatures(this.tokens, this.lexicon, config, sink, this.hasTuned ? this.skip : null);
  }

  /** tuned tokens found by the lexicon pass */
  isTuned(i: number): boolean {
    return this.hasTuned && (this.lexicon.flags[i] & LEX_TUNED) !== 0;
  }
}

/** a post's features, hashed and normalised, stored for training */
export interface EncodedRow {
  hashes: Int32Array;
  values: Float32Array;
  /** 1 for the features of the lexicon block (see FeatureConfig / TrainConfig.skipLexiconBlock) */
  lexicon: Uint8Array;
  language: LexiconLanguage;
}

export function encodeRow(
  text: string,
  language: LexiconLanguage,
  config: FeatureConfig,
  pipeline: Pipeline,
): EncodedRow {
  pipeline.read(text, null);
  pipeline.score(language, config);
  const f = pipeline.features;
  const lexicon = new Uint8Array(f.n);
  const slot = pipeline.tokens.n;
  for (let i = 0; i < f.n; i++) if (f.token[i] === slot) lexicon[i] = 1;
  const fixed = config.fixedLexicon === true;
  let sumSquares = 0;
  for (let i = 0; i < f.n; i++) if (!(fixed && lexicon[i] === 1)) sumSquares += f.value[i] * f.value[i];
  const norm = config.normalize && sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 1;
  const values = f.value.slice(0, f.n);
  for (let i = 0; i < values.length; i++) if (!(fixed && lexicon[i] === 1)) values[i] *= norm;
  return { hashes: f.hash.slice(0, f.n), values, lexicon, language };
}
