import type { EvidenceTerm, SentimentLabel } from '@ecoute/contracts';
import { analyzeText, compileTuning, lastTokens, plainSentiment } from '.';

type Lang = 'en' | 'fr';

function label(text: string, language: Lang): SentimentLabel {
  return analyzeText(text, language).sentiment.label;
}

function score(text: string, language: Lang, tuning = compileTuning({ lexicon: {}, ignored: [] })): number {
  return analyzeText(text, language, tuning).sentiment.score;
}

function evidence(text: string, language: Lang, term: string): EvidenceTerm | undefined {
  return analyzeText(text, language).sentiment.explanation.find(
    (e) => e.text.toLowerCase() === term.toLowerCase(),
  );
}

describe('analyzeText: sentiment', () => {
  describe('reads clear cases in both languages', () => {
    it.each([
      ['en', 'I love it', 'positive'],
      ['en', 'worst service ever', 'negative'],
      ['en', 'the store opens at 9', 'neutral'],
      ['en', 'I hate waiting', 'negative'],
      ['en', 'best day ever :)', 'positive'],
      ['fr', "j'adore", 'positive'],
      ['fr', 'merci beaucoup, super service', 'positive'],
      ['fr', 'la réunion est à 10h', 'neutral'],
      ['fr', 'je déteste attendre', 'negative'],
      ['fr', 'quelle honte', 'negative'],
    ] as const)('%s %j → %s', (language, text, expected) => {
      expect(label(text, language)).toBe(expected);
    });
  });

  describe('negation, with a scope of up to three tokens', () => {
    it.each([
      ['en', 'this is not good', 'good'],
      ['en', 'not very good', 'good'],
      ['en', 'not good at all', 'good'],
      ['en', 'I am not happy', 'happy'],
      ['en', "I don't like it", 'like'],
      ['fr', "c'est pas bon", 'bon'],
      ['fr', 'pas du tout bon', 'bon'],
      ['fr', "ce n'est pas du tout bon", 'bon'],
      ['fr', 'jamais satisfait', 'satisfait'],
    ] as const)('%s %j is negative, and says %j was negated', (language, text, negatedWord) => {
      const { sentiment } = analyzeText(text, language);
      expect(sentiment.label).toBe('negative');
      expect(sentiment.score).toBeLessThan(0);
      const e = evidence(text, language, negatedWord);
      expect(e?.negated).toBe(true);
      expect(e?.weight).toBeLessThan(0);
    });

    it.each([
      ['en', 'good', 'not good'],
      ['en', 'very good', 'not very good'],
      ['fr', 'bon', 'pas du tout bon'],
      ['fr', 'satisfait', 'jamais satisfait'],
    ] as const)('%s: %j scores above %j', (language, plain, negated) => {
      expect(score(plain, language)).toBeGreaterThan(score(negated, language));
    });
  });

  describe('emoji, even glued to a word', () => {
    it.each([
      ['en', 'love it😍', '😍', 'positive'],
      ['en', 'late again😡', '😡', 'negative'],
      ['en', 'awful :(', ':(', 'negative'],
      ['fr', 'nul😡', '😡', 'negative'],
      ['fr', "j'adore😍", '😍', 'positive'],
    ] as const)('%s %j: %s is evidence, the post is %s', (language, text, emoji, expected) => {
      expect(label(text, language)).toBe(expected);
      const e = evidence(text, language, emoji);
      expect(e?.source).toBe('emoji');
      expect(Math.sign(e?.weight ?? 0)).toBe(expected === 'positive' ? 1 : -1);
    });

    it.each([
      ['en', 'late again', 'late again😡'],
      ['fr', 'service client', 'service client😡'],
    ] as const)('%s: an angry emoji lowers the score (%j v %j)', (language, without, withEmoji) => {
      expect(score(withEmoji, language)).toBeLessThan(score(without, language));
    });
  });

  describe('intensifiers', () => {
    it.each([
      ['en', 'very good', 'good'],
      ['en', 'so happy', 'happy'],
      ['fr', 'vraiment content', 'content'],
      ['fr', 'très heureux', 'heureux'],
    ] as const)('%s: %j scores above %j', (language, strong, weak) => {
      expect(score(strong, language)).toBeGreaterThan(score(weak, language));
      expect(evidence(strong, language, weak)?.intensified).toBe(true);
    });

    it.each([
      ['en', 'really bad', 'bad'],
      ['fr', 'vraiment nul', 'nul'],
    ] as const)('%s: %j scores below %j', (language, strong, weak) => {
      expect(score(strong, language)).toBeLessThan(score(weak, language));
      expect(label(strong, language)).toBe('negative');
    });
  });

  describe('hashtags', () => {
    it.each([
      ['en', 'my flight got cancelled #fail', '#fail'],
      ['en', 'waiting since 9am #epicfail', '#epicfail'],
      ['en', 'ugh #fail', '#fail'],
      ['fr', 'service nul #fail', '#fail'],
    ] as const)('%s %j is negative, %s is evidence', (language, text, tag) => {
      expect(label(text, language)).toBe('negative');
      const e = evidence(text, language, tag);
      expect(e?.source).toBe('hashtag');
      expect(e?.weight).toBeLessThan(0);
    });

    it('a #fail lowers the score', () => {
      expect(score('waiting since 9am #epicfail', 'en')).toBeLessThan(score('waiting since 9am', 'en'));
      expect(score('great job #fail', 'en')).toBeLessThan(score('great job', 'en'));
    });
  });

  describe("a workspace's tuning", () => {
    const skate = compileTuning({ lexicon: { sick: 3 }, ignored: [] });

    it('a lexicon word flips "this deck is sick" to positive on its own, and is the evidence', () => {
      expect(analyzeText('this deck is sick', 'en').sentiment.label).toBe('negative');
      const { sentiment } = analyzeText('this deck is sick', 'en', skate);
      expect(sentiment.label).toBe('positive');
      expect(sentiment.explanation[0]).toMatchObject({ text: 'sick', source: 'tuning' });
      expect(sentiment.explanation[0].weight).toBeGreaterThan(0);
    });

    it.each([
      ['en', 'this deck is so sick', 'positive'],
      ['en', 'this deck is not sick', 'negative'],
      ['en', 'SIIICK deck', 'positive'],
    ] as const)(
      'tuned words are negated and intensified like the others: %s %j → %s',
      (language, text, expected) => {
        expect(analyzeText(text, language, skate).sentiment.label).toBe(expected);
      },
    );

    it('a French workspace can tune a French word', () => {
      const t = compileTuning({ lexicon: { ouf: 3 }, ignored: [] });
      expect(analyzeText("c'est ouf", 'fr', t).sentiment.label).toBe('positive');
      expect(analyzeText("c'est pas ouf", 'fr', t).sentiment.label).toBe('negative');
    });

    it.each([
      ['en', 'Orange', 'I love Orange', 'I love'],
      ['en', 'Virgin', 'Virgin broke my internet again', 'broke my internet again'],
      ['en', 'Delta', 'Delta lost my bag', 'lost my bag'],
      ['en', 'Delta', 'thanks @united, not #Delta', 'thanks @united, not'],
      ['en', 'Best Buy', 'went to best buy today', 'went to today'],
      ['en', 'Joy', 'JOY app update', 'app update'],
      ['fr', 'Orange', 'Orange a coupé ma connexion', 'a coupé ma connexion'],
      ['fr', 'Free', 'free mobile encore en panne', 'mobile encore en panne'],
    ] as const)(
      '%s: an ignored brand (%j) carries no sentiment, from the lexicon or the model: %j scores as %j',
      (language, brand, text, without) => {
        const ignoring = compileTuning({ lexicon: {}, ignored: [brand] });
        const tuned = analyzeText(text, language, ignoring).sentiment;
        const reference = analyzeText(without, language).sentiment;
        expect(tuned.score).toBe(reference.score);
        expect(tuned.confidence).toBe(reference.confidence);
        expect(tuned.explanation.map((e) => e.text.toLowerCase())).not.toContain(brand.toLowerCase());
        for (const word of brand.toLowerCase().split(' '))
          expect(tuned.explanation.map((e) => e.text.toLowerCase())).not.toContain(word);
      },
    );

    it('the brand matters before it is ignored (the test above can fail)', () => {
      expect(score('JOY app update', 'en')).not.toBe(score('app update', 'en'));
      expect(score('went to best buy today', 'en')).not.toBe(score('went to today', 'en'));
    });
  });

  describe('labels, scores, confidence and explanation', () => {
    const posts: Array<[Lang, string]> = [
      ['en', 'ok'],
      ['en', 'wow!!!'],
      ['en', 'I love it😍 but the battery is TERRIBLE!!! #fail @apple http://t.co/x'],
      ['en', 'the store opens at 9'],
      ['en', 'good good good good'],
      ['en', 'a'.repeat(5000)],
      ['en', 'not '.repeat(300) + 'good'],
      ['fr', "c'est nul😡 vraiment pas du tout satisfait #honte"],
      ['fr', 'Merci beaucoup !'],
    ];

    it.each(posts)(
      '%s %j: score in [-1, 1], confidence the probability of the label, at most 8 terms, strongest first',
      (language, text) => {
        const { sentiment } = analyzeText(text, language);
        expect(['negative', 'neutral', 'positive']).toContain(sentiment.label);
        expect(sentiment.score).toBeGreaterThanOrEqual(-1);
        expect(sentiment.score).toBeLessThanOrEqual(1);
        expect(sentiment.confidence).toBeGreaterThanOrEqual(1 / 3 - 0.001);
        expect(sentiment.confidence).toBeLessThanOrEqual(1);
        expect(sentiment.explanation.length).toBeLessThanOrEqual(8);
        const weights = sentiment.explanation.map((e) => Math.abs(e.weight));
        expect(weights).toEqual([...weights].sort((a, b) => b - a));
        for (const e of sentiment.explanation) {
          expect(text.toLowerCase()).toContain(e.text.toLowerCase());
          expect(['lexicon', 'model', 'emoji', 'hashtag', 'tuning']).toContain(e.source);
          expect(Number.isFinite(e.weight)).toBe(true);
        }
      },
    );

    it('a positive post leans positive, a negative one negative, with the label that has the highest probability', () => {
      const pos = analyzeText('what a wonderful day, thank you so much!!', 'en').sentiment;
      const neg = analyzeText('terrible, broken again and nobody answers', 'en').sentiment;
      expect(pos).toMatchObject({ label: 'positive' });
      expect(neg).toMatchObject({ label: 'negative' });
      expect(pos.score).toBeGreaterThan(0.5);
      expect(neg.score).toBeLessThan(-0.5);
      expect(pos.confidence).toBeGreaterThan(0.5);
    });

    it('a word that occurs twice is one term', () => {
      const texts = analyzeText('good good good', 'en').sentiment.explanation.map((e) =>
        e.text.toLowerCase(),
      );
      expect(texts.filter((t) => t === 'good')).toHaveLength(1);
    });

    it('names the text as it appears in the post', () => {
      const texts = analyzeText('I LOVE it 😍 #EpicWin', 'en').sentiment.explanation.map((e) => e.text);
      expect(texts).toContain('LOVE');
      expect(texts).toContain('😍');
      expect(texts).toContain('#EpicWin');
    });
  });

  it.each(['', '   ', '!!!', '...', '?!'])(
    '%j has nothing to score: neutral, 0, confidence 0, like an unscored language',
    (text) => {
      expect(analyzeText(text, 'en')).toEqual({
        sentiment: { label: 'neutral', score: 0, confidence: 0, explanation: [] },
        abuse: { abusive: false, probability: 0, evidence: [] },
      });
    },
  );

  it('a post of ignored terms only has nothing to score', () => {
    const t = compileTuning({ lexicon: {}, ignored: ['Orange'] });
    expect(analyzeText('Orange!', 'en', t).sentiment).toEqual({
      label: 'neutral',
      score: 0,
      confidence: 0,
      explanation: [],
    });
    expect(analyzeText('Orange', 'fr', t).sentiment.confidence).toBe(0);
  });

  describe('languages', () => {
    it('null is English', () => {
      expect(analyzeText('I love it', null)).toEqual(analyzeText('I love it', 'en'));
    });

    it.each(['es', 'de', 'ja', 'und'])(
      '%s is not scored: neutral, 0, confidence 0, no explanation, not abusive',
      (language) => {
        expect(analyzeText('odio esto, es una mierda', language)).toEqual({
          sentiment: { label: 'neutral', score: 0, confidence: 0, explanation: [] },
          abuse: { abusive: false, probability: 0, evidence: [] },
        });
      },
    );

    it('French is scored by the French model, and gets no abuse score', () => {
      const fr = analyzeText("c'est nul", 'fr');
      expect(fr.sentiment.label).toBe('negative');
      expect(fr.abuse).toEqual({ abusive: false, probability: 0, evidence: [] });
    });
  });

  describe('plainSentiment (the baseline: the package as is)', () => {
    it.each([
      ['en', 'I love it', 'positive'],
      ['en', 'not very good', 'positive'], // the package only flips the next word
      ['en', 'the store opens at 9', 'neutral'],
      ['fr', 'super', 'positive'],
      ['fr', 'pas bon', 'positive'], // French AFINN, no negation
      ['fr', 'nul😡', 'neutral'], // no split of glued emoji, "nul" is not in AFINN-fr
    ] as const)('%s %j → %s', (language, text, expected) => {
      expect(plainSentiment(text, language)).toBe(expected);
    });
  });
});

describe('lastTokens', () => {
  it.each(['en', 'fr', 'es', null])(
    'are the tokens of the post analyzed last (%s), without its ignored terms',
    (language) => {
      const t = compileTuning({ lexicon: {}, ignored: ['Orange'] });
      analyzeText('something else entirely', 'en');
      analyzeText('Orange: love it😍', language, t);
      const b = lastTokens();
      expect(Array.from({ length: b.n }, (_, i) => b.surface(i))).toEqual([':', 'love', 'it', '😍']);
    },
  );
});

describe('analyzeText: abuse (English)', () => {
  it.each(['you are a fucking idiot', 'shut up you stupid moron', 'what a pathetic liar, disgusting'])(
    '%j is abusive, and says which words',
    (text) => {
      const { abuse } = analyzeText(text, 'en');
      expect(abuse.abusive).toBe(true);
      expect(abuse.probability).toBeGreaterThanOrEqual(0.5);
      expect(abuse.evidence.length).toBeGreaterThan(0);
      for (const e of abuse.evidence) {
        expect(e.weight).toBeGreaterThan(0);
        expect(text.toLowerCase()).toContain(e.text.toLowerCase());
      }
      expect(abuse.evidence.map((e) => e.text)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/idiot|fucking|stupid|moron|pathetic|liar|disgusting/),
        ]),
      );
    },
  );

  it.each([
    'thanks for the quick reply',
    'the store opens at 9',
    'not very good',
    'my flight got cancelled again #fail',
    'I love it😍',
  ])('%j is not abusive (a complaint is not an insult)', (text) => {
    const { abuse } = analyzeText(text, 'en');
    expect(abuse.abusive).toBe(false);
    expect(abuse.probability).toBeLessThan(0.5);
    expect(abuse.evidence).toEqual([]);
  });
});
