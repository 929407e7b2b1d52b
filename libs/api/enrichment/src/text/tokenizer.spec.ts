import { fnv1a } from './hash';
import {
  ALL_CAPS,
  BOUNDARY,
  ELISION,
  ELONGATED,
  EMOJI,
  EMOTICON,
  HASHTAG,
  MENTION,
  NUMBER,
  PUNCT,
  TokenBuffer,
  URL,
  WORD,
  tokenize,
} from './tokenizer';

const KIND: Record<number, string> = {
  [WORD]: 'word',
  [HASHTAG]: 'hashtag',
  [MENTION]: 'mention',
  [URL]: 'url',
  [EMOJI]: 'emoji',
  [EMOTICON]: 'emoticon',
  [PUNCT]: 'punct',
  [BOUNDARY]: 'boundary',
  [NUMBER]: 'number',
};

function norms(text: string): string[] {
  const b = tokenize(text);
  return Array.from({ length: b.n }, (_, i) => b.norm[i]);
}

function described(text: string): string[] {
  const b = tokenize(text);
  return Array.from({ length: b.n }, (_, i) => `${b.surface(i)}|${b.norm[i]}|${KIND[b.kind[i]]}`);
}

describe('tokenize', () => {
  it.each([
    // English
    ['love it😍', ['love', 'it', '😍']],
    ['I LOVE this!!!', ['i', 'love', 'this', '!!']],
    ['sooo goooood', ['soo', 'good']],
    ["don't stop", ["don't", 'stop']],
    ['I don’t care', ['i', "don't", 'care']],
    ['#EpicFail again', ['epicfail', 'again']],
    ['@Delta lost my bag http://t.co/abc', ['@user', 'lost', 'my', 'bag', 'http']],
    ['see www.example.com now', ['see', 'http', 'now']],
    ['great :) but sad :( <3', ['great', '🙂', 'but', 'sad', '😞', '❤']],
    ['meet at 10:30 ok', ['meet', 'at', '0', '.', '0', 'ok']],
    ['xD so funny', ['😆', 'so', 'funny']],
    ['why?? really?!', ['why', '??', 'really', '?', '!']],
    ['good. bad, ugly', ['good', '.', 'bad', '.', 'ugly']],
    ['fish &amp; chips', ['fish', 'chips']],
    ['👍🏽 ❤️ 🇫🇷', ['👍', '❤', '🇫🇷']],
    // French
    ['nul😡', ['nul', '😡']],
    ["j'adore", ["j'", 'adore']],
    ["C'est NUL", ["c'", 'est', 'nul']],
    ["il n'est pas bon", ['il', "n'", 'est', 'pas', 'bon']],
    ["qu'il vienne", ["qu'", 'il', 'vienne']],
    ["aujourd'hui", ["aujourd'hui"]],
    ['Très DÉÇU', ['très', 'déçu']],
    ['pas du tout bon…', ['pas', 'du', 'tout', 'bon', '.']],
    // other scripts
    ['Привет мир', ['привет', 'мир']],
    ['日本語', ['日本語']],
  ])('%j → %j', (text, expected) => {
    expect(norms(text)).toEqual(expected);
  });

  it('keeps the surface text and offsets of each token, so evidence can quote the post', () => {
    expect(described('Love it😍 #EpicFail @Delta')).toEqual([
      'Love|love|word',
      'it|it|word',
      '😍|😍|emoji',
      '#EpicFail|epicfail|hashtag',
      '@Delta|@user|mention',
    ]);
    const text = "C'est NUL :( !!!";
    const b = tokenize(text);
    for (let i = 0; i < b.n; i++) expect(text.slice(b.start[i], b.end[i])).toBe(b.surface(i));
    expect(described(text)).toEqual([
      "C'|c'|word",
      'est|est|word',
      'NUL|nul|word',
      ':(|😞|emoticon',
      '!!!|!!|punct',
    ]);
  });

  it('flags all-caps, elongated words and elisions', () => {
    const b = tokenize("GREAT sooo l'ami OK");
    expect(b.flags[0] & ALL_CAPS).toBe(ALL_CAPS);
    expect(b.flags[1] & ELONGATED).toBe(ELONGATED);
    expect(b.flags[2] & ELISION).toBe(ELISION);
    expect(b.flags[3]).toBe(0); // "ami"
    expect(b.flags[4] & ALL_CAPS).toBe(ALL_CAPS);
    expect(b.flags[0] & ELONGATED).toBe(0);
  });

  it("hashes each token's normalised form", () => {
    const b = tokenize('Hello WORLD 😍 #Fail sooo');
    for (let i = 0; i < b.n; i++) expect(b.hash[i]).toBe(fnv1a(b.norm[i]));
  });

  it('gives the same tokens from a reused buffer, whatever came before', () => {
    const buf = new TokenBuffer(2);
    for (const text of ['a b c d e f g h', 'Love it😍', 'x']) {
      tokenize('something else entirely, longer than the rest!!', buf);
      expect(Array.from({ length: tokenize(text, buf).n }, (_, i) => buf.norm[i])).toEqual(norms(text));
    }
  });

  it('accepts any string', () => {
    for (const text of [
      '',
      ' ',
      '\u0000',
      '\ud83d',
      '#',
      '@',
      ':',
      '&',
      "'",
      '’',
      "'s",
      'a'.repeat(10_000),
      '😍'.repeat(500),
    ]) {
      expect(() => tokenize(text)).not.toThrow();
    }
    expect(tokenize('').n).toBe(0);
    expect(tokenize('😍'.repeat(500)).n).toBe(500);
  });
});
