import { RuleActions, RuleConditions, type Enrichment, type Intent, type SentimentLabel } from '@ecoute/contracts';
import { DEFAULT_RULES, evaluateRules, ruleMatches, type RoutingInput, type RoutingRule } from './rule';

const rules: RoutingRule[] = DEFAULT_RULES.map((r, i) => ({ ...r, id: `r${i}` }));
const enrichment = (label: SentimentLabel, intents: Intent[], score?: number, language = 'en'): Enrichment => ({
  language,
  languageConfidence: 1,
  sentiment: { score: score ?? (label === 'negative' ? -0.5 : label === 'positive' ? 0.5 : 0), label, confidence: 0.8, explanation: [] },
  intents,
  intentEvidence: {},
  isAbuse: false,
  abuseScore: 0,
});
const input = (over: Partial<RoutingInput> = {}): RoutingInput => ({
  platform: 'x',
  enrichment: enrichment('neutral', []),
  text: 'My Lumio router keeps dropping the connection',
  author: { followers: 10, verified: false, handle: 'ana' },
  queries: [{ id: '00000000-0000-4000-8000-000000000001', kind: 'brand' }],
  ...over,
});
const route = (e: Enrichment) => evaluateRules(rules, input({ enrichment: e }));

describe('default routing rules', () => {
  it('opens a high-priority conversation for a negative mention', () => {
    expect(route(enrichment('negative', []))).toMatchObject({ openConversation: true, priority: 'high', ruleId: 'r1', ignored: false });
  });
  it('opens a conversation for a neutral question', () => {
    expect(route(enrichment('neutral', ['question']))).toMatchObject({ openConversation: true, priority: 'normal', ruleId: 'r2' });
  });
  it('leaves praise and chatter out of the inbox', () => {
    expect(route(enrichment('positive', ['praise'])).openConversation).toBe(false);
    expect(route(enrichment('neutral', [])).openConversation).toBe(false);
  });
  it('ignores spam even when it is negative, and stops there', () => {
    expect(route(enrichment('negative', ['spam']))).toMatchObject({ openConversation: false, ruleId: 'r0', ignored: true, matchedRuleIds: ['r0'] });
  });
  it('applies every matching rule: a negative question is opened by the first, at the higher priority', () => {
    expect(route(enrichment('negative', ['question']))).toMatchObject({ openConversation: true, priority: 'high', ruleId: 'r1', matchedRuleIds: ['r1', 'r2'] });
    const reordered = rules.map((r) => (r.id === 'r2' ? { ...r, position: -1 } : r));
    expect(evaluateRules(reordered, input({ enrichment: enrichment('negative', ['question']) }))).toMatchObject({ ruleId: 'r2', priority: 'high' });
  });
});

describe('rule conditions', () => {
  const q2 = '00000000-0000-4000-8000-000000000002';
  it.each<{ name: string; conditions: RuleConditions; over: Partial<RoutingInput>; expected: boolean }>([
    { name: 'no condition', conditions: {}, over: {}, expected: true },
    { name: 'platform listed', conditions: { platforms: ['x', 'reddit'] }, over: {}, expected: true },
    { name: 'platform not listed', conditions: { platforms: ['mastodon'] }, over: {}, expected: false },
    { name: 'language', conditions: { languages: ['fr'] }, over: { enrichment: enrichment('neutral', [], 0, 'fr') }, expected: true },
    { name: 'other language', conditions: { languages: ['fr'] }, over: {}, expected: false },
    { name: 'query id', conditions: { queryIds: [q2] }, over: { queries: [{ id: q2, kind: 'competitor' }] }, expected: true },
    { name: 'other query', conditions: { queryIds: [q2] }, over: {}, expected: false },
    { name: 'query kind', conditions: { queryKinds: ['competitor', 'campaign'] }, over: { queries: [{ id: q2, kind: 'campaign' }] }, expected: true },
    { name: 'brand query, competitor rule', conditions: { queryKinds: ['competitor'] }, over: {}, expected: false },
    { name: 'score at the maximum', conditions: { sentimentScore: { max: -0.5 } }, over: { enrichment: enrichment('negative', [], -0.5) }, expected: true },
    { name: 'score above the maximum', conditions: { sentimentScore: { max: -0.5 } }, over: { enrichment: enrichment('negative', [], -0.49) }, expected: false },
    { name: 'score within a range', conditions: { sentimentScore: { min: -0.2, max: 0.2 } }, over: {}, expected: true },
    { name: 'score below the minimum', conditions: { sentimentScore: { min: 0.3 } }, over: { enrichment: enrichment('positive', [], 0.29) }, expected: false },
    { name: 'keyword, any case', conditions: { keywords: ['refund', 'ROUTER'] }, over: {}, expected: true },
    { name: 'keyword phrase', conditions: { keywords: ['dropping the connection'] }, over: {}, expected: true },
    { name: 'keyword inside a word does not count', conditions: { keywords: ['rout'] }, over: {}, expected: false },
    { name: 'keyword with accents and punctuation', conditions: { keywords: ['remboursé ?'] }, over: { text: 'Toujours pas remboursé ? Super…' }, expected: true },
    { name: 'followers at the threshold', conditions: { minFollowers: 10 }, over: {}, expected: true },
    { name: 'followers below', conditions: { minFollowers: 11 }, over: {}, expected: false },
    { name: 'verified only, verified', conditions: { verifiedOnly: true }, over: { author: { followers: 1, verified: true, handle: 'x' } }, expected: true },
    { name: 'verified only, not verified', conditions: { verifiedOnly: true }, over: {}, expected: false },
    { name: 'VIP handle, with @ and any case', conditions: { authorHandles: ['@Ana', 'bo'] }, over: {}, expected: true },
    { name: 'not a VIP', conditions: { authorHandles: ['bo'] }, over: {}, expected: false },
    { name: 'sentiment and intent, both', conditions: { sentimentLabels: ['negative'], intents: ['question'] }, over: { enrichment: enrichment('negative', ['question']) }, expected: true },
    { name: 'sentiment and intent, one', conditions: { sentimentLabels: ['negative'], intents: ['question'] }, over: { enrichment: enrichment('negative', []) }, expected: false },
    { name: 'sentiment or intent', conditions: { sentimentLabels: ['negative'], intents: ['question'], matchAny: true }, over: { enrichment: enrichment('neutral', ['question']) }, expected: true },
    { name: 'all conditions hold', conditions: { platforms: ['x'], minFollowers: 5, keywords: ['lumio'], intents: ['complaint'] }, over: { enrichment: enrichment('negative', ['complaint']) }, expected: true },
    { name: 'all but one', conditions: { platforms: ['x'], minFollowers: 5, keywords: ['lumio'], intents: ['complaint'] }, over: {}, expected: false },
  ])('$name → $expected', ({ conditions, over, expected }) => {
    expect(ruleMatches(RuleConditions.parse(conditions), input(over))).toBe(expected);
  });
});

describe('rule actions', () => {
  const rule = (id: string, position: number, actions: RuleActions, conditions: RuleConditions = {}): RoutingRule => ({ id, name: id, position, conditions, actions });
  it('keeps the highest priority, adds up the tags once each, and records the opening rule', () => {
    const d = evaluateRules(
      [
        rule('a', 0, { openConversation: false, priority: 'urgent', tags: ['vip'] }),
        rule('b', 1, { openConversation: true, priority: 'low', tags: ['billing', 'vip'] }),
      ],
      input(),
    );
    expect(d).toEqual({ openConversation: true, priority: 'urgent', ruleId: 'b', ignored: false, tags: ['vip', 'billing'], teamId: null, assign: null, assignedBy: null, matchedRuleIds: ['a', 'b'] });
  });
  it('sends the conversation to the team and agent of the last matching rule that names them', () => {
    const team = '00000000-0000-4000-8000-0000000000aa';
    const d = evaluateRules(
      [
        rule('a', 0, { openConversation: true, teamId: team, assign: { strategy: 'round_robin' } }),
        rule('b', 1, { openConversation: false, assign: { userId: '00000000-0000-4000-8000-0000000000bb' } }),
      ],
      input(),
    );
    expect(d).toMatchObject({ teamId: team, assign: { userId: '00000000-0000-4000-8000-0000000000bb' }, assignedBy: 'b' });
  });

  it('stops after a stop rule', () => {
    const d = evaluateRules([rule('a', 0, { openConversation: true, stop: true }), rule('b', 1, { openConversation: true, tags: ['late'] })], input());
    expect(d).toMatchObject({ ruleId: 'a', tags: [], matchedRuleIds: ['a'] });
  });
  it('a later ignore rule drops a mention an earlier rule opened', () => {
    const d = evaluateRules([rule('a', 0, { openConversation: true, priority: 'high' }), rule('b', 1, { openConversation: false, ignore: true })], input());
    expect(d).toMatchObject({ openConversation: false, ignored: true, ruleId: 'b' });
  });
  it('without a matching rule, nothing opens', () => {
    expect(evaluateRules([rule('a', 0, { openConversation: true }, { platforms: ['reddit'] })], input())).toEqual({
      openConversation: false,
      priority: 'normal',
      ruleId: null,
      ignored: false,
      tags: [],
      teamId: null,
      assign: null,
      assignedBy: null,
      matchedRuleIds: [],
    });
  });
});

describe('rule validation', () => {
  it.each([
    [{ sentimentScore: { min: 0.5, max: -0.5 } }, 'the minimum score is above the maximum'],
    [{ sentimentScore: {} }, 'give a minimum, a maximum or both'],
    [{ languages: ['french'] }, 'two-letter ISO 639-1 code'],
    [{ keywords: [] }, 'list at least one keyword'],
    [{ authorHandles: ['not a handle'] }, 'a handle is letters'],
    [{ minFollowers: 1.5 }, 'whole number'],
    [{ queryIds: ['q1'] }, 'a query id is a UUID'],
    [{ colour: 'red' }, 'colour'],
  ])('refuses %j with a clear message', (conditions, message) => {
    const r = RuleConditions.safeParse(conditions);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(message);
  });

  it('refuses round robin without a team', () => {
    const r = RuleActions.safeParse({ openConversation: true, assign: { strategy: 'round_robin' } });
    expect(JSON.stringify(r.error?.issues)).toContain('set teamId');
    expect(RuleActions.safeParse({ openConversation: true, assign: { userId: 'nope' } }).success).toBe(false);
  });
});
