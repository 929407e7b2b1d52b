import type { Enrichment } from '@ecoute/contracts';
import { DEFAULT_RULES, evaluateRules, type RoutingRule } from './rule';

const rules: RoutingRule[] = DEFAULT_RULES.map((r, i) => ({ ...r, id: `r${i}` }));
const enrichment = (label: Enrichment['sentiment']['label'], intents: Enrichment['intents']): Enrichment => ({
  language: 'en',
  languageConfidence: 1,
  sentiment: { score: label === 'negative' ? -0.5 : label === 'positive' ? 0.5 : 0, label, confidence: 0.8, explanation: [] },
  intents,
  intentEvidence: {},
  isAbuse: false,
  abuseScore: 0,
});
const route = (e: Enrichment) => evaluateRules(rules, { platform: 'x', enrichment: e, authorFollowers: 10 });

describe('default routing rules', () => {
  it('opens a high-priority conversation for a negative mention', () => {
    expect(route(enrichment('negative', []))).toMatchObject({ openConversation: true, priority: 'high', ruleId: 'r1' });
  });
  it('opens a conversation for a neutral question', () => {
    expect(route(enrichment('neutral', ['question']))).toMatchObject({ openConversation: true, priority: 'normal', ruleId: 'r2' });
  });
  it('leaves praise and chatter out of the inbox', () => {
    expect(route(enrichment('positive', ['praise'])).openConversation).toBe(false);
    expect(route(enrichment('neutral', [])).openConversation).toBe(false);
  });
  it('ignores spam even when it is negative', () => {
    expect(route(enrichment('negative', ['spam']))).toMatchObject({ openConversation: false, ruleId: 'r0' });
  });
  it('respects the order of the rules', () => {
    const reordered = rules.map((r) => (r.id === 'r2' ? { ...r, position: -1 } : r));
    const d = evaluateRules(reordered, { platform: 'x', enrichment: enrichment('negative', ['question']), authorFollowers: 0 });
    expect(d.ruleId).toBe('r2');
  });
});
