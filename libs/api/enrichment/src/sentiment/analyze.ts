import type { EvidenceSource, EvidenceTerm, SentimentDto, SentimentLabel } from '@ecoute/contracts';
import * as offensive from '../abuse/offensive-words';
import * as tok from '../text/tokenizer';
import type { TokenBuffer } from '../text/tokenizer';
import * as lexicon from './lexicon';
import type { LexiconLanguage } from './lexicon';
import * as linear from './linear-model';
import type { LinearModel, Scored } from './linear-model';
import { Pipeline } from './pipeline';
import type { CompiledTuning } from './tuning';

// swc compiles imported bindings to getter calls on the module object at every use: hot code reads local copies
const { BOUNDARY, EMOJI, EMOTICON, HASHTAG, MENTION, NUMBER, PUNCT, URL } = tok;
const { LEX_HIT, LEX_INTENSIFIED, LEX_NEGATED, LEX_TUNED } = lexicon;
const { FusedScorer, ModelScorer, softmax } = linear;
const { OFFENSIVE_WORDS } = offensive;

/** sentiment model classes, in the models' order (neutral is the reference class) */
export const SENTIMENT_CLASSES = ['neutral', 'negative', 'positive'] as const;
export const ABUSE_CLASSES = ['not-offensive', 'offensive'] as const;

/** a post is abusive when the abuse model's probability reaches this */
export const ABUSE_THRESHOLD = 0.5;
/** logit shift per AFINN point of a workspace's tuned word, toward positive and away from negative */
export const TUNING_LOGIT_PER_POINT = 0.6;
/** at most this many evidence terms */
export const MAX_EVIDENCE = 8;
const MAX_ABUSE_EVIDENCE = 5;
/** evidence weaker than this (logit units) is left out */
const MIN_EVIDENCE = 0.1;

export interface AbuseResult {
  abusive: boolean;
  /** probability that the post is abusive or offensive, in [0, 1] */
  probability: number;
  /** the words that drove the probability up, strongest first */
  evidence: EvidenceTerm[];
}

export interface TextAnalysis {
  sentiment: SentimentDto;
  abuse: AbuseResult;
}

export interface Models {
  en: LinearModel;
  fr: LinearModel;
  abuse: LinearModel;
}

/** direction of a sentiment contribution: the negative class's logit counts −1, the positive's +1 */
const SENTIMENT_DIRECTION = Float64Array.of(-1, 1);
const ABUSE_DIRECTION = Float64Array.of(1);

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function unscored(): TextAnalysis {
  return {
    sentiment: { score: 0, label: 'neutral', confidence: 0, explanation: [] },
    abuse: { abusive: false, probability: 0, evidence: [] },
  };
}

export interface Analyze {
  (text: string, language: string | null, tuning?: CompiledTuning): TextAnalysis;
  /**
   * the tokens of the post analyzed last (without the workspace's ignored terms), for a caller that would
   * tokenize it again; valid until the next call
   */
  readonly tokens: TokenBuffer;
}

/**
 * An analyzer over the given models (the product's, or a cross-validation fold's). Not re-entrant: it reuses
 * its buffers from call to call (calls are synchronous, so one analyzer per process is enough).
 */
export function createAnalyzer(models: Models): Analyze {
  for (const [name, m] of Object.entries(models) as Array<[string, LinearModel]>) {
    const want = name === 'abuse' ? ABUSE_CLASSES : SENTIMENT_CLASSES;
    if (m.classes.join() !== want.join())
      throw new Error(`model ${name}: classes ${m.classes.join()} (expected ${want.join()})`);
  }
  const pipeline = new Pipeline();
  const french = FusedScorer.compatible(models.fr, null, 'fr')
    ? new FusedScorer(models.fr, null, 'fr', SENTIMENT_DIRECTION)
    : new ModelScorer(models.fr, SENTIMENT_DIRECTION);
  const english = new ModelScorer(models.en, SENTIMENT_DIRECTION);
  const abuseAlone = new ModelScorer(models.abuse, ABUSE_DIRECTION);
  // English sentiment and abuse in one pass when their buckets line up (they do as trained by tools/ml)
  const fused = FusedScorer.compatible(models.en, models.abuse, 'en')
    ? new FusedScorer(models.en, models.abuse, 'en', SENTIMENT_DIRECTION)
    : null;
  // the evidence picked so far: token indices, best first
  const top = new Int32Array(16);

  function lexiconShare(n: number, total: number, out: Float64Array): void {
    if (total === 0) return;
    const lex = pipeline.lexicon;
    const sign = Math.sign(total);
    let sum = 0;
    for (let i = 0; i < n; i++)
      if ((lex.flags[i] & LEX_HIT) !== 0 && Math.sign(lex.score[i]) === sign) sum += Math.abs(lex.score[i]);
    const agreeing = sum > 0;
    if (!agreeing)
      for (let i = 0; i < n; i++) if ((lex.flags[i] & LEX_HIT) !== 0) sum += Math.abs(lex.score[i]);
    if (sum === 0) return;
    for (let i = 0; i < n; i++) {
      if ((lex.flags[i] & LEX_HIT) === 0) continue;
      if (agreeing && Math.sign(lex.score[i]) !== sign) continue;
      out[i] += (total * Math.abs(lex.score[i])) / sum;
    }
  }

  function sentimentSource(i: number): EvidenceSource {
    const kind = pipeline.tokens.kind[i];
    const f = pipeline.lexicon.flags[i];
    if ((f & LEX_TUNED) !== 0) return 'tuning';
    if (kind === EMOJI || kind === EMOTICON) return 'emoji';
    if (kind === HASHTAG) return 'hashtag';
    return (f & LEX_HIT) !== 0 ? 'lexicon' : 'model';
  }

  /**
   * The strongest tokens by |weight| (by weight when `positiveOnly`), best first; a word that occurs more than
   * once among them is one term with their weights added up.
   */
  function evidence(
    n: number,
    w: Float64Array,
    max: number,
    positiveOnly: boolean,
    source: (i: number) => EvidenceSource,
    flags: boolean,
  ): EvidenceTerm[] {
    const tokens = pipeline.tokens;
    const kind = tokens.kind;
    // one pass: keep the best `cap` tokens in `top`, in order
    const cap = max + 4 < top.length ? max + 4 : top.length;
    let count = 0;
    let floor = MIN_EVIDENCE;
    for (let i = 0; i < n; i++) {
      const x = w[i];
      const v = positiveOnly ? x : x < 0 ? -x : x;
      if (v < floor) continue;
      const k = kind[i];
      if (k === MENTION || k === URL || k === NUMBER) continue;
      let p = count < cap ? count++ : cap - 1;
      while (p > 0) {
        const y = w[top[p - 1]];
        if ((positiveOnly ? y : y < 0 ? -y : y) >= v) break;
        top[p] = top[p - 1];
        p--;
      }
      top[p] = i;
      if (count === cap) {
        const y = w[top[cap - 1]];
        floor = positiveOnly ? y : y < 0 ? -y : y;
      }
    }
    const out: EvidenceTerm[] = [];
    const { hash, norm } = tokens;
    let merged = false;
    for (let a = 0; a < count; a++) {
      const i = top[a];
      if (i < 0) continue;
      let weight = w[i];
      for (let b = a + 1; b < count; b++) {
        const j = top[b];
        if (j >= 0 && hash[j] === hash[i] && kind[j] === kind[i] && norm[j] === norm[i]) {
          weight += w[j];
          top[b] = -1;
          merged = true;
        }
      }
      if (out.length === max) break;
      const term: EvidenceTerm = { text: tokens.surface(i), weight: round3(weight), source: source(i) };
      if (flags) {
        const f = pipeline.lexicon.flags[i];
        if ((f & LEX_NEGATED) !== 0) term.negated = true;
        if ((f & LEX_INTENSIFIED) !== 0) term.intensified = true;
      }
      out.push(term);
    }
    // merged weights may have changed the order (insertion sort: a handful of terms, no comparator calls)
    if (merged) {
      for (let a = 1; a < out.length; a++) {
        const t = out[a];
        const v = positiveOnly ? t.weight : Math.abs(t.weight);
        let b = a;
        while (b > 0 && (positiveOnly ? out[b - 1].weight : Math.abs(out[b - 1].weight)) < v) {
          out[b] = out[b - 1];
          b--;
        }
        out[b] = t;
      }
    }
    return out;
  }

  function finishSentiment(
    model: LinearModel,
    scratch: Scored,
    n: number,
    tuning: CompiledTuning | undefined,
  ): SentimentDto {
    // the scratch's per-token contributions become the explanation's weights (the scratch is reset next call)
    const weights = scratch.tokenContribution;
    const lex = pipeline.lexicon;
    let shift = 0;
    // the lexicon's own vote, when the model has one (French: its 1,700 training posts teach it little of negation)
    if (model.lexiconPrior !== 0 && lex.sum !== 0) shift = model.lexiconPrior * Math.tanh(lex.sum / 3);
    lexiconShare(n, weights[n] + 2 * shift, weights);
    if (tuning !== undefined && pipeline.hasTuned) {
      // a workspace's word speaks for itself: its lexicon weight moves the logits directly
      for (let i = 0; i < n; i++) {
        if ((lex.flags[i] & LEX_TUNED) === 0) continue;
        const s = lex.score[i] * TUNING_LOGIT_PER_POINT;
        shift += s;
        weights[i] += 2 * s;
      }
    }
    if (shift !== 0) {
      scratch.logits[1] -= shift;
      scratch.logits[2] += shift;
      softmax(scratch.logits, scratch.probabilities);
    }
    const p = scratch.probabilities;
    const k = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
    return {
      score: round3(p[2] - p[1]),
      label: SENTIMENT_CLASSES[k] as SentimentLabel,
      confidence: round3(p[k]),
      explanation: evidence(n, weights, MAX_EVIDENCE, false, sentimentSource, true),
    };
  }

  function abuseSource(i: number): EvidenceSource {
    return OFFENSIVE_WORDS.has(pipeline.tokens.norm[i]) ? 'lexicon' : 'model';
  }

  function finishAbuse(scratch: Scored, n: number): AbuseResult {
    const probability = scratch.probabilities[1];
    const abusive = probability >= ABUSE_THRESHOLD;
    if (!abusive) return { abusive, probability: round3(probability), evidence: [] };
    return {
      abusive,
      probability: round3(probability),
      evidence: evidence(n, scratch.tokenContribution, MAX_ABUSE_EVIDENCE, true, abuseSource, false),
    };
  }

  const analyze = (text: string, language: string | null, tuning?: CompiledTuning): TextAnalysis => {
    const lang: LexiconLanguage | null =
      language === null || language === 'en' ? 'en' : language === 'fr' ? 'fr' : null;
    // read even when not scored: `tokens` is the post's, whatever its language
    pipeline.read(text, tuning ?? null);
    if (lang === null) return unscored();
    const n = pipeline.tokens.n;
    // nothing to read (no word, emoji, mention, link...: an empty post, punctuation, only ignored terms): the
    // models would answer with their bias alone
    let content = false;
    for (let i = 0; i < n && !content; i++)
      content = pipeline.tokens.kind[i] !== BOUNDARY && pipeline.tokens.kind[i] !== PUNCT;
    if (!content) return unscored();
    if (lang === 'fr') {
      let reading: Scored;
      if (french instanceof FusedScorer) {
        french.begin(n);
        pipeline.score('fr', models.fr.features, french);
        french.end();
        reading = french.first;
      } else {
        french.begin('fr', n);
        pipeline.score('fr', models.fr.features, french);
        french.end();
        reading = french;
      }
      return {
        sentiment: finishSentiment(models.fr, reading, n, tuning),
        abuse: { abusive: false, probability: 0, evidence: [] },
      };
    }
    if (fused !== null) {
      fused.begin(n);
      pipeline.score('en', models.en.features, fused);
      fused.end();
      return {
        sentiment: finishSentiment(models.en, fused.first, n, tuning),
        abuse: finishAbuse(fused.second, n),
      };
    }
    english.begin('en', n);
    pipeline.score('en', models.en.features, english);
    english.end();
    abuseAlone.begin('en', n);
    pipeline.score('en', models.abuse.features, abuseAlone);
    abuseAlone.end();
    return { sentiment: finishSentiment(models.en, english, n, tuning), abuse: finishAbuse(abuseAlone, n) };
  };
  return Object.assign(analyze, { tokens: pipeline.tokens });
}
