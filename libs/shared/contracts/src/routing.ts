import { z } from 'zod';
import { Intent, Platform, Priority, QueryKind, SentimentLabel } from './enums';
import { AssignStrategy } from './inbox';

const list = <T extends z.ZodTypeAny>(item: T, what: string) =>
  z
    .array(item)
    .min(1, `list at least one ${what}, or leave the condition out`)
    .max(200, `at most 200 ${what}s`);

/**
 * A routing rule's conditions. Every condition given must hold; within a list, any value matches. `matchAny`
 * makes the sentiment and intent conditions alternatives ("negative OR a complaint").
 */
export const RuleConditions = z
  .object({
    /** the listening queries that found the mention (any of them) */
    queryIds: list(z.string().uuid('a query id is a UUID'), 'query').optional(),
    queryKinds: list(QueryKind, 'query kind').optional(),
    platforms: list(Platform, 'platform').optional(),
    languages: list(z.string().regex(/^[a-z]{2}$/, 'a language is a two-letter ISO 639-1 code, e.g. "fr"'), 'language').optional(),
    sentimentLabels: list(SentimentLabel, 'sentiment').optional(),
    /** the sentiment score (−1..1) within [min, max] */
    sentimentScore: z
      .object({ min: z.number().min(-1).max(1).optional(), max: z.number().min(-1).max(1).optional() })
      .strict()
      .refine((r) => r.min !== undefined || r.max !== undefined, 'give a minimum, a maximum or both')
      .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'the minimum score is above the maximum')
      .optional(),
    intents: list(Intent, 'intent').optional(),
    /** words or phrases, any of them, matched case-insensitively on word boundaries */
    keywords: list(z.string().trim().min(1, 'a keyword cannot be empty').max(100, 'a keyword has at most 100 characters'), 'keyword').optional(),
    minFollowers: z.number().int('followers are a whole number').min(0).optional(),
    verifiedOnly: z.literal(true).optional(),
    /** a VIP list: the authors' handles, with or without "@" */
    authorHandles: list(z.string().trim().regex(/^@?[\w.\-]{1,64}$/, 'a handle is letters, digits, "_", "." or "-"'), 'handle').optional(),
    matchAny: z.boolean().optional(),
  })
  .strict();
export type RuleConditions = z.infer<typeof RuleConditions>;

/**
 * What a matching rule does. Every matching rule applies, in order: a conversation opens when one of them opens
 * it, the highest priority wins, tags add up; `ignore` drops the mention from the inbox and stops there, and
 * `stop` stops after this rule.
 */
export const RuleActions = z
  .object({
    openConversation: z.boolean(),
    priority: Priority.optional(),
    tags: list(z.string().trim().min(1, 'a tag cannot be empty').max(40, 'a tag has at most 40 characters'), 'tag').optional(),
    ignore: z.boolean().optional(),
    stop: z.boolean().optional(),
    /** the team the conversation goes to */
    teamId: z.string().uuid('teamId is a team id').optional(),
    /** an agent: this one, or one of the team's picked by a strategy (under each agent's capacity) */
    assign: z
      .union([
        z.object({ userId: z.string().uuid('userId is a user id') }).strict(),
        z.object({ strategy: AssignStrategy }).strict(),
      ])
      .optional(),
  })
  .strict()
  .refine((a) => !(a.assign && 'strategy' in a.assign) || a.teamId !== undefined, 'round-robin and least-loaded assignment pick within a team: set teamId');
export type RuleActions = z.infer<typeof RuleActions>;

export interface RoutingRuleDto {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
  createdAt: string;
}

export const CreateRoutingRuleRequest = z.object({
  name: z.string().trim().min(1, 'the name cannot be empty').max(80, 'the name has at most 80 characters'),
  enabled: z.boolean().default(true),
  conditions: RuleConditions,
  actions: RuleActions,
});
export type CreateRoutingRuleRequest = z.infer<typeof CreateRoutingRuleRequest>;

export const UpdateRoutingRuleRequest = CreateRoutingRuleRequest.partial().refine((r) => Object.keys(r).length > 0, 'nothing to change');
export type UpdateRoutingRuleRequest = z.infer<typeof UpdateRoutingRuleRequest>;

/** The rules' new order: every rule id of the workspace, once. */
export const ReorderRoutingRulesRequest = z.object({
  ids: z.array(z.string().uuid('a rule id is a UUID')).min(1).refine((ids) => new Set(ids).size === ids.length, 'a rule is listed twice'),
});
export type ReorderRoutingRulesRequest = z.infer<typeof ReorderRoutingRulesRequest>;

/** Replays a rule (saved or not) over the mentions of the last `days` days, storing nothing. */
export const DryRunRoutingRuleRequest = z.object({
  conditions: RuleConditions,
  actions: RuleActions,
  days: z.number().int().min(1, 'replay at least one day').max(90, 'replay at most 90 days').default(7),
});
export type DryRunRoutingRuleRequest = z.infer<typeof DryRunRoutingRuleRequest>;

export interface DryRunRoutingRuleResult {
  days: number;
  /** mentions replayed (the newest 50,000 at most) */
  replayed: number;
  /** of which the rule's conditions caught */
  caught: number;
  /** conversations the rule would have opened (one per thread), or ignored mentions when the rule ignores */
  wouldOpen: number;
  wouldIgnore: number;
  byPlatform: Partial<Record<Platform, number>>;
  bySentiment: Partial<Record<SentimentLabel, number>>;
  /** the newest caught mentions */
  examples: Array<{ mentionId: string; platform: Platform; text: string; authorHandle: string; createdAt: string; sentiment: SentimentLabel; intents: Intent[] }>;
  truncated: boolean;
}
