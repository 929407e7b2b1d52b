import { tokenize } from '../text/tokenizer';
import { applyTuning, compileTuning } from './tuning';

function tuned(
  text: string,
  lexicon: Record<string, number>,
  ignored: string[],
): Array<[string, number | null]> {
  const buf = tokenize(text);
  const weights = applyTuning(buf, compileTuning({ lexicon, ignored }), new Float64Array(4));
  return Array.from({ length: buf.n }, (_, i): [string, number | null] => [
    buf.surface(i),
    Number.isNaN(weights[i]) ? null : weights[i],
  ]);
}

describe('compileTuning / applyTuning', () => {
  it.each([
    [
      'this deck is sick',
      { sick: 3 },
      [],
      [
        ['this', null],
        ['deck', null],
        ['is', null],
        ['sick', 3],
      ],
    ],
    [
      'SICK deck',
      { Sick: 3 },
      [],
      [
        ['SICK', 3],
        ['deck', null],
      ],
    ],
    ['siiick', { sick: 3 }, [], [['siiick', 3]]],
    ['#sick', { sick: 3 }, [], [['#sick', 3]]],
    [
      'so rad!',
      { rad: 9 },
      [],
      [
        ['so', null],
        ['rad', 5],
        ['!', null],
      ],
    ], // clamped to the AFINN scale
    [
      'a very good deal',
      { 'good deal': 2 },
      [],
      [
        ['a', null],
        ['very', null],
        ['good deal', 2],
      ],
    ],
    [
      'I love Orange',
      {},
      ['Orange'],
      [
        ['I', null],
        ['love', null],
      ],
    ],
    [
      'I love ORANGE and #orange',
      {},
      ['orange'],
      [
        ['I', null],
        ['love', null],
        ['and', null],
      ],
    ],
    [
      '@Delta lost my bag',
      {},
      ['@Delta'],
      [
        ['@Delta', null],
        ['lost', null],
        ['my', null],
        ['bag', null],
      ],
    ], // a mention is no word
    ['Virgin Media broke', {}, ['Virgin Media'], [['broke', null]]],
    [
      'virgin olive oil and #VirginMedia',
      {},
      ['Virgin Media'],
      [
        ['virgin', null],
        ['olive', null],
        ['oil', null],
        ['and', null],
      ],
    ],
    [
      'nothing to see',
      {},
      [],
      [
        ['nothing', null],
        ['to', null],
        ['see', null],
      ],
    ],
  ] as const)('%j with lexicon %j, ignoring %j', (text, lexicon, ignored, expected) => {
    expect(tuned(text, { ...lexicon }, [...ignored])).toEqual(expected);
  });

  it('an ignored term wins over a lexicon word', () => {
    expect(tuned('sick deck', { sick: 3 }, ['sick'])).toEqual([['deck', null]]);
  });

  it('an empty tuning is marked empty and changes nothing', () => {
    expect(compileTuning({ lexicon: {}, ignored: [] }).empty).toBe(true);
    expect(compileTuning({ lexicon: { nope: Number.NaN }, ignored: ['', '  '] }).empty).toBe(true);
    expect(compileTuning({ lexicon: { sick: 3 }, ignored: [] }).empty).toBe(false);
  });
});
