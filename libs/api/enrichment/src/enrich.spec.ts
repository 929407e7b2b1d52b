import type { Intent } from '@ecoute/contracts';
import { enrich } from './enrich';
import { compileTuning } from './sentiment';

describe('enrich', () => {
  it.each([
    { text: 'My Lumio internet is down again, this is terrible and useless', language: 'en', label: 'negative' },
    { text: 'Merci Lumio, service vraiment excellent et rapide', language: 'fr', label: 'positive' },
    { text: "Lumio's new plan starts on Monday", language: 'en', label: 'neutral' },
    { text: 'La fibre Lumio est pas du tout rapide', language: 'fr', label: 'negative' },
  ])('scores "$text" as $label, explained', ({ text, language, label }) => {
    const e = enrich({ text, language });
    expect(e.sentiment.label).toBe(label);
    expect(e.sentiment.confidence).toBeGreaterThan(0);
    expect(e.sentiment.confidence).toBeLessThanOrEqual(1);
    if (label !== 'neutral') {
      const sign = label === 'positive' ? 1 : -1;
      expect(e.sentiment.explanation.some((x) => Math.sign(x.weight) === sign && text.toLowerCase().includes(x.text.toLowerCase()))).toBe(true);
    }
  });

  const intents: Array<{ text: string; language: string; expected: Intent[]; evidence?: string; absent?: Intent[] }> = [
    { text: 'How do I change my Lumio plan', language: 'en', expected: ['question'], evidence: 'how' },
    { text: 'is the outage in Lyon fixed yet?', language: 'en', expected: ['question', 'complaint'], evidence: '?' },
    { text: 'Est-ce que la fibre Lumio arrive à Nantes', language: 'fr', expected: ['question'], evidence: 'est-ce que' },
    { text: 'Avez-vous une offre pour les étudiants', language: 'fr', expected: ['question'], evidence: 'avez-vous' },
    { text: 'Still waiting for my refund from @lumio, 3 weeks now', language: 'en', expected: ['complaint'], evidence: 'refund' },
    { text: 'Toujours pas de remboursement, internet en panne depuis lundi', language: 'fr', expected: ['complaint'], evidence: 'toujours pas' },
    { text: 'Thank you Lumio, the install was quick and the technician was great', language: 'en', expected: ['praise'], evidence: 'thank you' },
    { text: 'Merci Lumio, installation au top et technicien génial', language: 'fr', expected: ['praise'], evidence: 'merci' },
    { text: 'Thinking of switching to Lumio, how much is the fibre plan?', language: 'en', expected: ['purchase', 'question'], evidence: 'how much is' },
    { text: 'Je veux passer chez Lumio, quel est le prix de la fibre', language: 'fr', expected: ['purchase'], evidence: 'je veux passer chez' },
    { text: 'Crypto giveaway!!! click here https://spam.example', language: 'en', expected: ['spam'], absent: ['question', 'praise'] },
    { text: 'Lumio support are a bunch of idiots, shut up and fix it', language: 'en', expected: ['abuse', 'complaint'], evidence: 'idiots' },
    { text: 'Bande de crétins, ta gueule Lumio', language: 'fr', expected: ['abuse'], evidence: 'crétins' },
    { text: 'Lumio opens a new shop in Lille today', language: 'en', expected: [], absent: ['complaint', 'question', 'praise', 'purchase', 'spam', 'abuse'] },
  ];
  it.each(intents)('finds $expected in "$text"', ({ text, language, expected, evidence, absent }) => {
    const e = enrich({ text, language });
    for (const intent of expected) {
      expect(e.intents).toContain(intent);
      expect(e.intentEvidence[intent]?.length).toBeGreaterThan(0);
    }
    for (const intent of absent ?? []) expect(e.intents).not.toContain(intent);
    if (evidence) expect(e.intentEvidence[expected[0]]?.map((x) => x.text.toLowerCase())).toContain(evidence);
    expect(e.isAbuse).toBe(expected.includes('abuse'));
  });

  it('keeps the platform language, with full confidence', () => {
    expect(enrich({ text: 'bonjour', language: 'en' })).toMatchObject({ language: 'en', languageConfidence: 1 });
  });

  it.each([
    { text: "c'est toujours pas réparé depuis hier, vous pouvez m'aider", language: 'fr' },
    { text: 'it is still not fixed since yesterday, can you help me', language: 'en' },
  ])('detects the language of "$text" when the platform gives none', ({ text, language }) => {
    const e = enrich({ text, language: null });
    expect(e.language).toBe(language);
    expect(e.languageConfidence).toBeGreaterThan(0.5);
    expect(e.languageConfidence).toBeLessThan(1);
  });

  it('does not score the sentiment of a language it has no model for', () => {
    const e = enrich({ text: 'El servicio de Lumio es terrible', language: 'es' });
    expect(e.sentiment).toMatchObject({ label: 'neutral', score: 0, confidence: 0, explanation: [] });
  });

  it('applies a workspace tuning: extra words and an ignored brand name', () => {
    const tuning = compileTuning({ lexicon: { sick: 4 }, ignored: ['Orange'] });
    expect(enrich({ text: 'this new deck is sick', language: 'en' }, tuning).sentiment.label).toBe('positive');
    const orange = enrich({ text: 'Orange fibre installed today', language: 'en' }, tuning);
    expect(orange.sentiment.explanation.some((x) => x.text.toLowerCase() === 'orange')).toBe(false);
  });
});
