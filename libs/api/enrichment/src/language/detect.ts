import { loadEldParts } from './eld-parts';
import { NgramScorer } from './ngram-scorer';

export interface DetectedLanguage {
  /** ISO 639-1, or null when nothing could tell */
  language: string | null;
  /** 1 when the platform tagged the post; otherwise the detector's confidence, in [0, 1) */
  confidence: number;
}

let scorer: NgramScorer | null = null;

/**
 * `eld` (Efficient Language Detector, Apache-2.0, 60 languages) with its smallest database: the most accurate
 * of the detectors compared on short tweets (decision 0011), scored by `NgramScorer` (decision 0012).
 */
function loadScorer(): NgramScorer {
  return new NgramScorer(loadEldParts());
}

/** characters of a post that eld reads */
const MAX_DETECTED = 120;

/** URLs and @handles say nothing about the language and mislead detectors ("#" is a separator to eld already). */
const NOISE = /https?:\/\/\S+|@[\w.]+/g;

/**
 * The platform's own language tag when it has one; otherwise `eld`'s answer. Its
 * confidence is the gap between the best and the second score, relative to the best (about 0.2 on right
 * answers, 0.1 on wrong ones on tweets), mapped to [0.5, 0.99].
 */
export function detectLanguage(text: string, platformLanguage: string | null): DetectedLanguage {
  // "en", "fr-CA"; X's "und", "qme" (media only) and "zxx" are no answer
  const tagged = /^([a-z]{2})(?:[-_][a-z0-9]+)?$/i.exec(platformLanguage?.trim() ?? '')?.[1];
  if (tagged) return { language: tagged.toLowerCase(), confidence: 1 };
  return detectWithEld(text.includes('@') || text.includes('http') ? text.replace(NOISE, ' ') : text);
}

/** `eld`'s answer, from `NgramScorer`. */
export function detectWithEld(text: string): DetectedLanguage {
  scorer ??= loadScorer();
  // its time grows with the length, its accuracy hardly after a hundred characters (99 % on tweets under 100)
  const verdict = scorer.detect(text.length > MAX_DETECTED ? text.slice(0, text.lastIndexOf(' ', MAX_DETECTED) > 60 ? text.lastIndexOf(' ', MAX_DETECTED) : MAX_DETECTED) : text);
  if (!verdict.language) return { language: null, confidence: 0 };
  const gap = verdict.best > 0 ? (verdict.best - verdict.second) / verdict.best : 1;
  return { language: verdict.language, confidence: Math.round(Math.min(0.99, 0.5 + 2 * gap) * 100) / 100 };
}
