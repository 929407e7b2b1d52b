import { enrich } from './enrich';

describe('enrich', () => {
  it('scores an English complaint as negative, explains it, and classifies it', () => {
    const e = enrich({ text: 'My Lumio internet is down again, this is terrible and useless', language: 'en' });
    expect(e.sentiment.label).toBe('negative');
    expect(e.sentiment.score).toBeLessThan(0);
    expect(e.sentiment.explanation.negative.map((w) => w.token)).toEqual(expect.arrayContaining(['terrible', 'useless']));
    expect(e.intents).toContain('complaint');
  });

  it('scores French praise with the French lexicon', () => {
    const e = enrich({ text: 'Merci Lumio, service vraiment excellent et rapide', language: 'fr' });
    expect(e.language).toBe('fr');
    expect(e.sentiment.label).toBe('positive');
    expect(e.intents).toContain('praise');
  });

  it('flips a French word after a negator', () => {
    const plain = enrich({ text: 'le service est bon', language: 'fr' });
    const negated = enrich({ text: 'le service est pas bon', language: 'fr' });
    expect(plain.sentiment.score).toBeGreaterThan(0);
    expect(negated.sentiment.score).toBeLessThan(0);
    expect(negated.sentiment.explanation.negated).toContain('bon');
  });

  it('recognises questions in both languages', () => {
    expect(enrich({ text: 'How do I change my Lumio plan?', language: 'en' }).intents).toContain('question');
    expect(enrich({ text: 'Est-ce que la fibre Lumio arrive à Nantes', language: 'fr' }).intents).toContain('question');
  });

  it('marks link spam as spam only', () => {
    expect(enrich({ text: 'Crypto giveaway!!! click here https://spam.example', language: 'en' }).intents).toEqual(['spam']);
  });

  it('guesses the language when the platform gives none', () => {
    expect(enrich({ text: "c'est toujours pas réparé depuis hier", language: null }).language).toBe('fr');
    expect(enrich({ text: 'it is still not fixed since yesterday', language: null }).language).toBe('en');
  });
});
