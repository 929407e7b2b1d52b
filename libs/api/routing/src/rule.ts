import { z } from 'zod';
import { Intent, Priority, SentimentLabel, type Enrichment, type Platform } from '@ecoute/contracts';

/** A rule's conditions: every condition given must hold; within a list, any value matches. */
export const RuleConditions = z.object({
  sentimentLabels: z.array(SentimentLabel).optional(),
  intents: z.array(Intent).optional(),
  platforms: z.array(z.string()).optional(),
  languages: z.array(z.string()).optional(),
  minFollowers: z.number().int().min(0).optional(),
  /** true: the rule matches when ANY of sentimentLabels/intents matches (instead of all conditions) */
  matchAny: z.boolean().optional(),
});
export type RuleConditions = z.infer<typeof RuleConditions>;

export const RuleActions = z.object({
  openConversation: z.boolean(),
  priority: Priority.optional(),
  ignore: z.boolean().optional(),
});
export type RuleActions = z.infer<typeof RuleActions>;

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
  authorFollowers: number;
}

export interface RoutingDecision {
  openConversation: boolean;
  priority: Priority;
  ruleId: string | null;
}

const NO_ACTION: RoutingDecision = { openConversation: false, priority: 'normal', ruleId: null };

/** Pure: the first rule (by position) whose conditions hold decides. */
export function evaluateRules(rules: readonly RoutingRule[], input: RoutingInput): RoutingDecision {
  const ordered = [...rules].sort((a, b) => a.position - b.position);
  for (const rule of ordered) {
    if (!matches(rule.conditions, input)) continue;
    if (rule.actions.ignore) return { openConversation: false, priority: 'low', ruleId: rule.id };
    return { openConversation: rule.actions.openConversation, priority: rule.actions.priority ?? 'normal', ruleId: rule.id };
  }
  return NO_ACTION;
}

function matches(c: RuleConditions, input: RoutingInput): boolean {
  const e = input.enrichment;
  if (c.platforms && !c.platforms.includes(input.platform)) return false;
  if (c.languages && !(e.language && c.languages.includes(e.language))) return false;
  if (c.minFollowers !== undefined && input.authorFollowers < c.minFollowers) return false;
  const sentimentOk = c.sentimentLabels ? c.sentimentLabels.includes(e.sentiment.label) : undefined;
  const intentOk = c.intents ? c.intents.some((i) => e.intents.includes(i)) : undefined;
  const checks = [sentimentOk, intentOk].filter((v): v is boolean => v !== undefined);
  if (checks.length === 0) return true;
  return c.matchAny ? checks.some(Boolean) : checks.every(Boolean);
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
