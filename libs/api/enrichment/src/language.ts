import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface DetectedLanguage {
  /** ISO 639-1, or null when nothing could tell */
  language: string | null;
  /** 1 when the platform tagged the post; otherwise the detector's confidence, in [0, 1) */
  confidence: number;
}

interface EldResult {
  language: string;
  getScores(): Record<string, number>;
}
interface Eld {
  detect(text: string): EldResult;
}

let eld: Eld | null = null;

/**
 * `eld` (Efficient Language Detector, Apache-2.0, 60 languages) with its smallest database: the most accurate
 * of the detectors compared on short tweets (decision 0011). It publishes ESM only, with an `import`-only
 * export map, so it is loaded by file path (Node ≥ 20.19 can `require` synchronous ESM).
 */
function loadEld(): Eld {
  const entry = require.resolve.paths('eld')
    ?.map((p) => join(p, 'eld', 'src', 'entries', 'static.extrasmall.js'))
    .find((p) => existsSync(p));
  if (!entry) throw new Error('the eld package is not installed');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path: eld's export map has no `require` entry
  return (require(entry) as { eld: Eld }).eld;
}

/**
 * Words that only English or only French use among the most frequent ones, and frequent words of the other
 * languages listened to most (es, de, it, pt, nl) that neither uses. A post with at least two words of one of
 * the two lists, none of the other and none of the third, is that language without running the detector;
 * everything else goes to `eld` (decision 0011).
 */
const ENGLISH = new Set(
  "the and you your you're with this that these those was were are have has had just not my it's i'm i've don't can't won't what when where why how who would could should from they their there been about will".split(
    ' ',
  ),
);
const FRENCH = new Set(
  "le les des est et je vous nous pas une pour avec dans sur mon ma mes ton ta tes qui très c'est ça j'ai n'est qu'il qu'on aussi mais sont était être avoir fait chez depuis toujours encore rien merci bonjour".split(
    ' ',
  ),
);
const OTHER = new Set(
  'el los las del por muy pero está qué y der die das und ist nicht ich mit auf für ein eine che non della sono gli questo anche perché não você um uma com mais isso muito het een van niet dat zijn voor maar ook'.split(
    ' ',
  ),
);
const WORD = /[\p{L}']+/gu;
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

export function quickEnglishOrFrench(text: string): DetectedLanguage | null {
  if (NON_LATIN.test(text)) return null;
  let en = 0;
  let fr = 0;
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  for (const w of lower.match(WORD) ?? []) {
    if (OTHER.has(w)) return null;
    if (ENGLISH.has(w)) en++;
    else if (FRENCH.has(w)) fr++;
  }
  if (en >= 2 && fr === 0) return { language: 'en', confidence: en >= 4 ? 0.99 : en === 3 ? 0.97 : 0.93 };
  if (fr >= 2 && en === 0) return { language: 'fr', confidence: fr >= 4 ? 0.99 : fr === 3 ? 0.97 : 0.93 };
  return null;
}

/** characters of a post that eld reads */
const MAX_DETECTED = 120;

/** URLs and @handles say nothing about the language and mislead detectors. */
const NOISE = /https?:\/\/\S+|@[\w.]+|#/g;

/**
 * The platform's own language tag when it has one; otherwise the quick English/French check, then `eld`. Its
 * confidence is the gap between the best and the second score, relative to the best (about 0.2 on right
 * answers, 0.1 on wrong ones on tweets), mapped to [0.5, 0.99].
 */
export function detectLanguage(text: string, platformLanguage: string | null): DetectedLanguage {
  // "en", "fr-CA"; X's "und", "qme" (media only) and "zxx" are no answer
  const tagged = /^([a-z]{2})(?:[-_][a-z0-9]+)?$/i.exec(platformLanguage?.trim() ?? '')?.[1];
  if (tagged) return { language: tagged.toLowerCase(), confidence: 1 };
  const clean = text.replace(NOISE, ' ');
  return quickEnglishOrFrench(clean) ?? detectWithEld(clean);
}

/** `eld` alone (the development tools compare it with the quick path in front). */
export function detectWithEld(text: string): DetectedLanguage {
  eld ??= loadEld();
  // its time grows with the length, its accuracy hardly after a hundred characters (99 % on tweets under 100)
  const result = eld.detect(text.length > MAX_DETECTED ? text.slice(0, text.lastIndexOf(' ', MAX_DETECTED) > 60 ? text.lastIndexOf(' ', MAX_DETECTED) : MAX_DETECTED) : text);
  if (!result.language) return { language: null, confidence: 0 };
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const gap = scores.length > 1 && scores[0] > 0 ? (scores[0] - scores[1]) / scores[0] : 1;
  return { language: result.language, confidence: Math.round(Math.min(0.99, 0.5 + 2 * gap) * 100) / 100 };
}
