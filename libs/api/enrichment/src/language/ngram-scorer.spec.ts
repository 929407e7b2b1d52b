import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEld, loadEldParts } from './eld-parts';
import { NgramScorer } from './ngram-scorer';

/** 2,000 real English and French tweets (source: tests/fixtures/understanding/README.md) */
const tweets = readFileSync(join(__dirname, '../../../../../tests/fixtures/understanding/tweets-sample.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => line.split('\t')[2]);

const others = [
  'Das ist nicht der Zug, den ich gebucht habe',
  'El servicio de Lumio está caído otra vez',
  'Il servizio clienti non risponde da tre giorni',
  'O atendimento da Lumio é muito lento',
  'Почему интернет опять не работает?',
  'インターネットが遅いです',
  '客服电话一直打不通',
  'الخدمة سيئة جدا',
  'Η σύνδεση πέφτει συνέχεια',
  "l'homme qu'on n'attendait ''plus'' — vraiment ?",
  'a',
  '',
  '   ',
  '12345 !!! 🎉🎉',
  '🔥lumio🔥 is sooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo good',
  'x'.repeat(500),
  'é'.repeat(300) + ' ' + 'ü'.repeat(300),
];

/** deterministic texts mixing the characters eld treats specially: apostrophes in runs, the final sigma, İ, emoji,
 * digits and punctuation, words of every length up to past eld's 70-byte limit */
function randomTexts(count: number): string[] {
  const pool = [..."aeiouéèàçnrstlmdpΣσςİıßẞ'`’ -,.!?#@0123456789", 'ΑΒΓ', 'АБВ', 'ДЖ', 'ﬁ', '😀', '👍🏽', '\t', '\n', 'Ǆ', 'ǅ'];
  let seed = 42;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: count }, () => {
    let text = '';
    const words = 1 + Math.floor(next() * 30);
    for (let w = 0; w < words; w++) {
      const size = next() < 0.05 ? 60 + Math.floor(next() * 40) : 1 + Math.floor(next() * 9);
      for (let c = 0; c < size; c++) text += pool[Math.floor(next() * pool.length)];
      text += next() < 0.8 ? ' ' : pool[Math.floor(next() * pool.length)];
    }
    return text;
  });
}

describe('NgramScorer', () => {
  const eld = loadEld();
  const scorer = new NgramScorer(loadEldParts());

  it(`gives eld’s answer and scores on ${others.length + tweets.length} texts and 5,000 random ones`, () => {
    const differences = [...others, ...tweets, ...randomTexts(5_000)].flatMap((text) => {
      const expected = eld.detect(text);
      const scores = Object.values(expected.getScores()).sort((a, b) => b - a);
      const verdict = scorer.detect(text);
      const same =
        (verdict.language ?? '') === expected.language &&
        Math.abs(verdict.best - (scores[0] ?? 0)) < 1e-12 &&
        Math.abs(verdict.second - (scores[1] ?? 0)) < 1e-12;
      return same ? [] : [{ text, expected: [expected.language, scores[0], scores[1]], got: verdict }];
    });
    expect(differences).toEqual([]);
  });

  it('tells the other languages apart', () => {
    expect(others.slice(0, 9).map((text) => scorer.detect(text).language)).toEqual(['de', 'es', 'it', 'pt', 'ru', 'ja', 'zh', 'ar', 'el']);
  });
});
