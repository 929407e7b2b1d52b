import type { EvidenceTerm, SentimentLabel } from '@ecoute/contracts';

/** words too common to carry sentiment of their own, English and French */
const STOP_WORDS = new Set(
  (
    'the a an and or but is are was were be been it its this that these those i me my we our you your he she they them ' +
    'to of in on at for with from by as so just very really not no too all any some what which who how when where ' +
    'have has had do does did will would can could should there here than then also about into out up down ' +
    'le la les un une des du de et ou mais est sont était je tu il elle on nous vous ils elles ce cette ces mon ma mes ' +
    'ton ta tes son sa ses notre vos leur pour par avec sans dans sur sous que qui quoi comment quand où pas plus très ' +
    'trop bien aussi donc car ça cela y en au aux'
  ).split(' '),
);

/**
 * Words of a post that could carry the sentiment an agent corrected it to, strongest first, with a suggested
 * weight on the AFINN scale: first the words the classifier read the other way ("sick" read as negative in a
 * post corrected to positive), then the post's other content words. Ignored terms are never suggested.
 */
export function suggestLexiconTerms(
  text: string,
  to: SentimentLabel,
  explanation: readonly EvidenceTerm[],
  ignored: readonly string[],
  limit = 5,
): Array<{ term: string; weight: number }> {
  if (to === 'neutral') return [];
  const sign = to === 'positive' ? 1 : -1;
  const skip = new Set(ignored.map((t) => t.toLowerCase()));
  const out = new Map<string, number>();
  for (const e of [...explanation].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))) {
    const term = e.text.toLowerCase();
    if (Math.sign(e.weight) === -sign && /^[\p{L}'-]{2,}$/u.test(term) && !skip.has(term) && !STOP_WORDS.has(term) && !out.has(term)) {
      out.set(term, sign * Math.min(5, Math.max(2, Math.round(Math.abs(e.weight) * 2))));
    }
  }
  for (const word of text.toLowerCase().match(/[\p{L}][\p{L}'-]+/gu) ?? []) {
    if (out.size >= limit) break;
    if (word.length < 3 || STOP_WORDS.has(word) || skip.has(word) || out.has(word)) continue;
    if (explanation.some((e) => e.text.toLowerCase() === word && Math.sign(e.weight) === sign)) continue;
    out.set(word, sign * 2);
  }
  return [...out].slice(0, limit).map(([term, weight]) => ({ term, weight }));
}
