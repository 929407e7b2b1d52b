import {
  CompileListeningQueryRequest,
  CreateListeningQueryRequest,
  PLATFORMS,
  type IncludeMode,
  type ListeningQueryDto,
  type Platform,
  type QueryKind,
} from '@ecoute/contracts';

/** The editor's state: what the form shows, before validation (the poll interval may be empty while typing). */
export interface QueryFormValues {
  name: string;
  kind: QueryKind;
  include: string[];
  includeMode: IncludeMode;
  exclude: string[];
  hashtags: string[];
  handles: string[];
  languages: string[];
  platforms: Platform[];
  includeReposts: boolean;
  pollIntervalSeconds: number | string;
  active: boolean;
}

export type QueryFormField = keyof QueryFormValues;

/** The fields in the order of the form: the first invalid one gets the focus. */
export const FORM_FIELDS: readonly QueryFormField[] = [
  'name',
  'kind',
  'include',
  'includeMode',
  'exclude',
  'hashtags',
  'handles',
  'languages',
  'platforms',
  'includeReposts',
  'pollIntervalSeconds',
  'active',
];

export function emptyQueryForm(): QueryFormValues {
  return {
    name: '',
    kind: 'brand',
    include: [],
    includeMode: 'any',
    exclude: [],
    hashtags: [],
    handles: [],
    languages: [],
    platforms: [],
    includeReposts: false,
    pollIntervalSeconds: 60,
    active: true,
  };
}

export function queryFormFromDto(q: ListeningQueryDto): QueryFormValues {
  return {
    name: q.name,
    kind: q.kind,
    include: [...q.spec.include],
    includeMode: q.spec.includeMode ?? 'any',
    exclude: [...q.spec.exclude],
    hashtags: normaliseTags(q.spec.hashtags, '#'),
    handles: normaliseTags(q.spec.handles, '@'),
    languages: [...q.spec.languages],
    platforms: PLATFORMS.filter((p) => q.platforms.includes(p)),
    includeReposts: q.spec.includeReposts,
    pollIntervalSeconds: q.pollIntervalSeconds,
    active: q.active,
  };
}

/**
 * A term as typed: trimmed, and a phrase typed in quotes ("fibre down") loses its quotes (a term with a space is
 * a phrase already). Empty terms and duplicates (ignoring case) are dropped.
 */
export function normaliseTerms(values: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of values) {
    let v = raw.trim();
    const quoted = /^["“«](.*)["”»]$/su.exec(v);
    if (quoted) v = quoted[1].trim();
    v = v.replace(/\s+/gu, ' ');
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

/** Hashtags and handles are shown with their sign (#lumio, @lumio_help), however they were typed. */
export function normaliseTags(values: readonly string[], sign: '#' | '@'): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of values) {
    const bare = raw.trim().replace(sign === '#' ? /^#+/u : /^@+/u, '');
    if (!bare || seen.has(bare.toLowerCase())) continue;
    seen.add(bare.toLowerCase());
    out.push(`${sign}${bare}`);
  }
  return out;
}

function pollInterval(v: number | string): number {
  if (typeof v === 'number') return v;
  return v.trim() === '' ? Number.NaN : Number(v);
}

/** The body of `POST /api/listening/queries` (and of the PATCH), before validation. */
export function toRequestBody(v: QueryFormValues): CreateListeningQueryRequest {
  return {
    name: v.name,
    kind: v.kind,
    spec: {
      include: v.include,
      includeMode: v.includeMode,
      exclude: v.exclude,
      hashtags: v.hashtags,
      handles: v.handles,
      languages: v.languages,
      includeReposts: v.includeReposts,
    },
    platforms: v.platforms,
    active: v.active,
    pollIntervalSeconds: pollInterval(v.pollIntervalSeconds),
  };
}

/** The messages of the form's errors, under `listening.editor.errors` in the translations. */
export const FIELD_ERROR_KEYS = [
  'nameRequired',
  'nameTooLong',
  'termEmpty',
  'termTooLong',
  'tooMany',
  'hashtag',
  'handle',
  'language',
  'platformsRequired',
  'platformsTwice',
  'pollInteger',
  'pollRange',
  'invalid',
] as const;
export type FieldErrorKey = (typeof FIELD_ERROR_KEYS)[number];

/** A message to translate: an i18n key under `listening.editor.errors` and its values. */
export interface FieldError {
  key: FieldErrorKey;
  values?: Record<string, string | number>;
}

export type FieldErrors = Partial<Record<QueryFormField, FieldError>>;

function fieldOf(path: readonly PropertyKey[]): QueryFormField | null {
  const [head, second] = path;
  if (head === 'spec' && typeof second === 'string' && (FORM_FIELDS as readonly string[]).includes(second))
    return second as QueryFormField;
  if (typeof head === 'string' && (FORM_FIELDS as readonly string[]).includes(head))
    return head as QueryFormField;
  return null;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
}

function errorFor(field: QueryFormField, issue: Issue, values: QueryFormValues): FieldError {
  const index = typeof issue.path[issue.path.length - 1] === 'number' ? (issue.path.at(-1) as number) : null;
  const item =
    index !== null && Array.isArray(values[field]) ? String((values[field] as unknown[])[index] ?? '') : '';
  const max =
    typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint' ? Number(issue.maximum) : 0;
  switch (field) {
    case 'name':
      return issue.code === 'too_big' ? { key: 'nameTooLong', values: { max } } : { key: 'nameRequired' };
    case 'include':
    case 'exclude':
      if (index === null) return { key: 'tooMany', values: { max } };
      return issue.code === 'too_big'
        ? { key: 'termTooLong', values: { value: item, max } }
        : { key: 'termEmpty' };
    case 'hashtags':
    case 'handles':
    case 'languages':
      if (index === null) return { key: 'tooMany', values: { max } };
      return {
        key: field === 'hashtags' ? 'hashtag' : field === 'handles' ? 'handle' : 'language',
        values: { value: item },
      };
    case 'platforms':
      return issue.code === 'custom' ? { key: 'platformsTwice' } : { key: 'platformsRequired' };
    case 'pollIntervalSeconds':
      return issue.code === 'invalid_type' ? { key: 'pollInteger' } : { key: 'pollRange' };
    default:
      return { key: 'invalid', values: { message: issue.message } };
  }
}

function collect(issues: readonly Issue[], values: QueryFormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field && !errors[field]) errors[field] = errorFor(field, issue, values);
  }
  return errors;
}

/** Client-side validation: the contracts' own zod schema, with the messages of the UI language. */
export function validateQueryForm(values: QueryFormValues): {
  body: CreateListeningQueryRequest | null;
  errors: FieldErrors;
} {
  const parsed = CreateListeningQueryRequest.safeParse(toRequestBody(values));
  if (parsed.success) return { body: parsed.data, errors: {} };
  return { body: null, errors: collect(parsed.error.issues as Issue[], values) };
}

/** What the compiler needs (spec and platforms), or null while those fields are invalid. */
export function compileBody(values: QueryFormValues): CompileListeningQueryRequest | null {
  const body = toRequestBody(values);
  const parsed = CompileListeningQueryRequest.safeParse({ spec: body.spec, platforms: body.platforms });
  return parsed.success ? parsed.data : null;
}

/** The first field of the form, in order, that has an error. */
export function firstInvalidField(errors: FieldErrors): QueryFormField | null {
  return FORM_FIELDS.find((f) => errors[f]) ?? null;
}
