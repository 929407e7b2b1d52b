import {
  ASSIGN_STRATEGIES,
  CreateRoutingRuleRequest,
  INTENTS,
  PLATFORMS,
  QUERY_KINDS,
  SENTIMENT_LABELS,
  type AssignStrategy,
  type Intent,
  type Platform,
  type Priority,
  type QueryKind,
  type RoutingRuleDto,
  type RuleActions,
  type RuleConditions,
  type SentimentLabel,
} from '@ecoute/contracts';

/** The "assign" choice: nobody, a strategy within the team, or one person (`user:<id>`). */
export type AssignChoice = '' | AssignStrategy | `user:${string}`;

/** The editor's state: what the form shows, before validation (numbers may be empty while typing). */
export interface RuleFormValues {
  name: string;
  enabled: boolean;
  queryIds: string[];
  queryKinds: QueryKind[];
  platforms: Platform[];
  languages: string[];
  sentimentLabels: SentimentLabel[];
  scoreMin: number | string;
  scoreMax: number | string;
  intents: Intent[];
  keywords: string[];
  minFollowers: number | string;
  verifiedOnly: boolean;
  authorHandles: string[];
  matchAny: boolean;
  openConversation: boolean;
  /** '': the rule leaves the priority alone */
  priority: Priority | '';
  tags: string[];
  ignore: boolean;
  stop: boolean;
  /** '': no team */
  teamId: string;
  assign: AssignChoice;
}

/** The fields of the form in its order (the first invalid one gets the focus); `sentimentScore` is the range. */
export const RULE_FORM_FIELDS = [
  'name',
  'enabled',
  'queryIds',
  'queryKinds',
  'platforms',
  'languages',
  'sentimentLabels',
  'sentimentScore',
  'intents',
  'keywords',
  'minFollowers',
  'verifiedOnly',
  'authorHandles',
  'matchAny',
  'openConversation',
  'priority',
  'tags',
  'ignore',
  'stop',
  'teamId',
  'assign',
] as const;
export type RuleFormField = (typeof RULE_FORM_FIELDS)[number];

export function emptyRuleForm(): RuleFormValues {
  return {
    name: '',
    enabled: true,
    queryIds: [],
    queryKinds: [],
    platforms: [],
    languages: [],
    sentimentLabels: [],
    scoreMin: '',
    scoreMax: '',
    intents: [],
    keywords: [],
    minFollowers: '',
    verifiedOnly: false,
    authorHandles: [],
    matchAny: false,
    openConversation: true,
    priority: '',
    tags: [],
    ignore: false,
    stop: false,
    teamId: '',
    assign: '',
  };
}

function assignChoice(assign: RuleActions['assign']): AssignChoice {
  if (!assign) return '';
  return 'userId' in assign ? `user:${assign.userId}` : assign.strategy;
}

/** Keeps the values of an enum in its canonical order. */
function ordered<T extends string>(all: readonly T[], picked: readonly T[] | undefined): T[] {
  return all.filter((v) => picked?.includes(v));
}

export function ruleFormFromDto(rule: RoutingRuleDto): RuleFormValues {
  const c = rule.conditions;
  const a = rule.actions;
  return {
    name: rule.name,
    enabled: rule.enabled,
    queryIds: [...(c.queryIds ?? [])],
    queryKinds: ordered(QUERY_KINDS, c.queryKinds),
    platforms: ordered(PLATFORMS, c.platforms),
    languages: [...(c.languages ?? [])],
    sentimentLabels: ordered(SENTIMENT_LABELS, c.sentimentLabels),
    scoreMin: c.sentimentScore?.min ?? '',
    scoreMax: c.sentimentScore?.max ?? '',
    intents: ordered(INTENTS, c.intents),
    keywords: [...(c.keywords ?? [])],
    minFollowers: c.minFollowers ?? '',
    verifiedOnly: c.verifiedOnly === true,
    authorHandles: normaliseHandles(c.authorHandles ?? []),
    matchAny: c.matchAny === true,
    openConversation: a.openConversation,
    priority: a.priority ?? '',
    tags: [...(a.tags ?? [])],
    ignore: a.ignore === true,
    stop: a.stop === true,
    teamId: a.teamId ?? '',
    assign: assignChoice(a.assign),
  };
}

/** Words or tags as typed: trimmed, inner spaces collapsed, empty ones and duplicates (ignoring case) dropped. */
export function normaliseWords(values: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of values) {
    const v = raw.trim().replace(/\s+/gu, ' ');
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

/** Handles are shown with their "@" (@claire_d), however they were typed. */
export function normaliseHandles(values: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of values) {
    const bare = raw.trim().replace(/^@+/u, '');
    if (!bare || seen.has(bare.toLowerCase())) continue;
    seen.add(bare.toLowerCase());
    out.push(`@${bare}`);
  }
  return out;
}

/** A number field: empty is "not set" (undefined); anything else that is not a number stays NaN (refused). */
function optionalNumber(v: number | string): number | undefined {
  if (typeof v === 'number') return v;
  const s = v.trim();
  if (s === '') return undefined;
  return Number(s.replace(',', '.').replace('−', '-'));
}

const some = <T>(list: readonly T[]): T[] | undefined => (list.length > 0 ? [...list] : undefined);

/** The rule's conditions as the API takes them: a condition left empty is left out (it then always holds). */
export function toConditions(v: RuleFormValues): RuleConditions {
  const min = optionalNumber(v.scoreMin);
  const max = optionalNumber(v.scoreMax);
  const conditions: RuleConditions = {
    queryIds: some(v.queryIds),
    queryKinds: some(v.queryKinds),
    platforms: some(v.platforms),
    languages: some(v.languages),
    sentimentLabels: some(v.sentimentLabels),
    sentimentScore:
      min === undefined && max === undefined
        ? undefined
        : { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) },
    intents: some(v.intents),
    keywords: some(v.keywords),
    minFollowers: optionalNumber(v.minFollowers),
    verifiedOnly: v.verifiedOnly ? true : undefined,
    authorHandles: some(v.authorHandles),
    matchAny: v.matchAny ? true : undefined,
  };
  return Object.fromEntries(
    Object.entries(conditions).filter(([, value]) => value !== undefined),
  ) as RuleConditions;
}

export function toActions(v: RuleFormValues): RuleActions {
  const actions: RuleActions = { openConversation: v.openConversation };
  if (v.priority) actions.priority = v.priority;
  if (v.tags.length > 0) actions.tags = [...v.tags];
  if (v.ignore) actions.ignore = true;
  if (v.stop) actions.stop = true;
  if (v.teamId) actions.teamId = v.teamId;
  if (v.assign.startsWith('user:')) actions.assign = { userId: v.assign.slice('user:'.length) };
  else if ((ASSIGN_STRATEGIES as readonly string[]).includes(v.assign))
    actions.assign = { strategy: v.assign as AssignStrategy };
  return actions;
}

/** The body of `POST /api/routing-rules` (and of the PATCH), before validation. */
export function toRuleRequest(v: RuleFormValues): CreateRoutingRuleRequest {
  return { name: v.name, enabled: v.enabled, conditions: toConditions(v), actions: toActions(v) };
}

/** The messages of the form's errors, under `routing.editor.errors` in the translations. */
export const RULE_ERROR_KEYS = [
  'nameRequired',
  'nameTooLong',
  'tooMany',
  'language',
  'keywordEmpty',
  'keywordTooLong',
  'handle',
  'scoreBounds',
  'scoreOrder',
  'followers',
  'tagEmpty',
  'tagTooLong',
  'strategyNeedsTeam',
  'invalid',
] as const;
export type RuleErrorKey = (typeof RULE_ERROR_KEYS)[number];

/** A message to translate: an i18n key under `routing.editor.errors` and its values. */
export interface RuleFieldError {
  key: RuleErrorKey;
  values?: Record<string, string | number>;
}
export type RuleFieldErrors = Partial<Record<RuleFormField, RuleFieldError>>;

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  maximum?: unknown;
}

function fieldOf(path: readonly PropertyKey[]): RuleFormField | null {
  const [head, second] = path;
  if (head === 'name' || head === 'enabled') return head;
  if (head === 'actions' && second === undefined) return 'assign';
  if ((head === 'conditions' || head === 'actions') && typeof second === 'string') {
    if (second === 'userId' || second === 'strategy') return 'assign';
    return (RULE_FORM_FIELDS as readonly string[]).includes(second) ? (second as RuleFormField) : null;
  }
  return null;
}

function errorFor(field: RuleFormField, issue: Issue, values: RuleFormValues): RuleFieldError {
  const last = issue.path[issue.path.length - 1];
  const index = typeof last === 'number' ? last : null;
  const list = field in values ? values[field as keyof RuleFormValues] : undefined;
  const item = index !== null && Array.isArray(list) ? String(list[index] ?? '') : '';
  const max =
    typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint' ? Number(issue.maximum) : 0;
  switch (field) {
    case 'name':
      return issue.code === 'too_big' ? { key: 'nameTooLong', values: { max } } : { key: 'nameRequired' };
    case 'languages':
      return index === null
        ? { key: 'tooMany', values: { max } }
        : { key: 'language', values: { value: item } };
    case 'keywords':
      if (index === null) return { key: 'tooMany', values: { max } };
      return issue.code === 'too_big'
        ? { key: 'keywordTooLong', values: { value: item, max } }
        : { key: 'keywordEmpty' };
    case 'authorHandles':
      return index === null
        ? { key: 'tooMany', values: { max } }
        : { key: 'handle', values: { value: item } };
    case 'tags':
      if (index === null) return { key: 'tooMany', values: { max } };
      return issue.code === 'too_big'
        ? { key: 'tagTooLong', values: { value: item, max } }
        : { key: 'tagEmpty' };
    case 'sentimentScore':
      return issue.code === 'custom' ? { key: 'scoreOrder' } : { key: 'scoreBounds' };
    case 'minFollowers':
      return { key: 'followers' };
    case 'queryIds':
    case 'queryKinds':
    case 'platforms':
    case 'sentimentLabels':
    case 'intents':
      if (index === null && issue.code === 'too_big') return { key: 'tooMany', values: { max } };
      return { key: 'invalid', values: { message: issue.message } };
    case 'assign':
    case 'teamId':
      return issue.code === 'custom'
        ? { key: 'strategyNeedsTeam' }
        : { key: 'invalid', values: { message: issue.message } };
    default:
      return { key: 'invalid', values: { message: issue.message } };
  }
}

/** Client-side validation: the contracts' own zod schema, with the messages of the UI language. */
export function validateRuleForm(values: RuleFormValues): {
  body: CreateRoutingRuleRequest | null;
  errors: RuleFieldErrors;
} {
  const parsed = CreateRoutingRuleRequest.safeParse(toRuleRequest(values));
  if (parsed.success) return { body: parsed.data, errors: {} };
  const errors: RuleFieldErrors = {};
  for (const issue of parsed.error.issues as Issue[]) {
    const field = fieldOf(issue.path);
    if (field && !errors[field]) errors[field] = errorFor(field, issue, values);
  }
  // an issue the form cannot place (should not happen) still blocks the save, under the name
  if (Object.keys(errors).length === 0) {
    errors.name = { key: 'invalid', values: { message: parsed.error.issues[0]?.message ?? '' } };
  }
  return { body: null, errors };
}

/** The first field of the form, in order, that has an error. */
export function firstInvalidRuleField(errors: RuleFieldErrors): RuleFormField | null {
  return RULE_FORM_FIELDS.find((f) => errors[f]) ?? null;
}

/** Whether the rule has no condition at all: it then catches every mention. */
export function catchesEverything(conditions: RuleConditions): boolean {
  return Object.entries(conditions).every(([k, v]) => k === 'matchAny' || v === undefined);
}
