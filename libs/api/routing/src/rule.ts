import { PRIORITIES, RuleActions, RuleConditions, type Enrichment, type Platform, type Priority, type QueryKind } from '@ecoute/contracts';

export { RuleActions, RuleConditions };

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  conditions: RuleConditions;
  actions: RuleActions;
}

export interface RoutingInput {
  platform: Platform;
  enrichment: Enrichment;
  /** the post's text, for keyword conditions */
  text: string;
  author: { followers: number; verified: boolean; handle: string };
  /** the listening queries that found the mention */
  queries: ReadonlyArray<{ id: string; kind: QueryKind }>;
}

export interface RoutingDecision {
  openConversation: boolean;
  priority: Priority;
  /** the first matching rule that opens the conversation (or ignores the mention), else the first that matched */
  ruleId: string | null;
  /** an ignoring rule matched: the mention stays out of the inbox */
  ignored: boolean;
  tags: string[];
  /** the team and agent the conversation goes to: the last matching rule that names them wins */
  teamId: string | null;
  assign: NonNullable<RuleActions['assign']> | null;
  /** the rule that set the team or the assignment */
  assignedBy: string | null;
  /** every rule whose conditions held, in order (up to a `stop` or an `ignore`) */
  matchedRuleIds: string[];
}

const RANK: Record<Priority, number> = Object.fromEntries(PRIORITIES.map((p, i) => [p, i])) as Record<Priority, number>;

/**
 * Pure. Every enabled rule whose conditions hold applies, by position: a conversation opens when one of them opens
 * it, the highest priority wins (a later rule never downgrades an urgent one), tags add up; an `ignore` rule drops
 * the mention and stops, a `stop` rule stops after itself.
 */
export function evaluateRules(rules: readonly RoutingRule[], input: RoutingInput): RoutingDecision {
  const ordered = [...rules].sort((a, b) => a.position - b.position);
  const decision: RoutingDecision = { openConversation: false, priority: 'normal', ruleId: null, ignored: false, tags: [], teamId: null, assign: null, assignedBy: null, matchedRuleIds: [] };
  let prioritySet = false;
  for (const rule of ordered) {
    if (!ruleMatches(rule.conditions, input)) continue;
    decision.matchedRuleIds.push(rule.id);
    const a = rule.actions;
    if (a.ignore) {
      return { ...decision, openConversation: false, priority: 'low', ruleId: rule.id, ignored: true };
    }
    if (a.openConversation && !decision.openConversation) {
      decision.openConversation = true;
      decision.ruleId = rule.id;
    }
    decision.ruleId ??= rule.id;
    if (a.priority && (!prioritySet || RANK[a.priority] > RANK[decision.priority])) {
      decision.priority = a.priority;
      prioritySet = true;
    }
    for (const tag of a.tags ?? []) if (!decision.tags.includes(tag)) decision.tags.push(tag);
    if (a.teamId) decision.teamId = a.teamId;
    if (a.assign) decision.assign = a.assign;
    if (a.teamId || a.assign) decision.assignedBy = rule.id;
    if (a.stop) break;
  }
  return decision;
}

/** Whether a rule's conditions hold for a mention (also what a dry run replays). */
export function ruleMatches(c: RuleConditions, input: RoutingInput): boolean {
  const e = input.enrichment;
  if (c.platforms && !c.platforms.includes(input.platform)) return false;
  if (c.languages && !(e.language && c.languages.includes(e.language))) return false;
  if (c.minFollowers !== undefined && input.author.followers < c.minFollowers) return false;
  if (c.verifiedOnly && !input.author.verified) return false;
  if (c.authorHandles && !c.authorHandles.some((h) => sameHandle(h, input.author.handle))) return false;
  if (c.queryIds && !input.queries.some((q) => c.queryIds?.includes(q.id))) return false;
  if (c.queryKinds && !input.queries.some((q) => c.queryKinds?.includes(q.kind))) return false;
  if (c.sentimentScore) {
    const { min, max } = c.sentimentScore;
    if ((min !== undefined && e.sentiment.score < min) || (max !== undefined && e.sentiment.score > max)) return false;
  }
  if (c.keywords && !c.keywords.some((k) => containsWord(input.text, k))) return false;
  const sentimentOk = c.sentimentLabels ? c.sentimentLabels.includes(e.sentiment.label) : undefined;
  const intentOk = c.intents ? c.intents.some((i) => e.intents.includes(i)) : undefined;
  const checks = [sentimentOk, intentOk].filter((v): v is boolean => v !== undefined);
  if (checks.length === 0) return true;
  return c.matchAny ? checks.some(Boolean) : checks.every(Boolean);
}

function sameHandle(a: string, b: string): boolean {
  return a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();
}

/** compiled keyword patterns: a workspace's few keywords are tested against every new mention */
const patterns = new Map<string, RegExp>();

function containsWord(text: string, keyword: string): boolean {
  let pattern = patterns.get(keyword);
  if (!pattern) {
    if (patterns.size >= 10_000) patterns.clear();
    const escaped = keyword.normalize('NFKC').toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped}($|[^\\p{L}\\p{N}_])`, 'u');
    patterns.set(keyword, pattern);
  }
  return pattern.test(text.normalize('NFKC').toLowerCase());
}

/** The foundation's default: negative mentions and questions open a conversation; spam is ignored. */
export const DEFAULT_RULES: ReadonlyArray<Omit<RoutingRule, 'id'>> = [
  { name: 'Ignore spam', position: 0, conditions: { intents: ['spam'] }, actions: { openConversation: false, ignore: true } },
  {
    name: 'Complaints and negative mentions',
    position: 1,
    conditions: { sentimentLabels: ['negative'], intents: ['complaint'], matchAny: true },
    actions: { openConversation: true, priority: 'high' },
  },
  { name: 'Questions', position: 2, conditions: { intents: ['question'] }, actions: { openConversation: true, priority: 'normal' } },
];
