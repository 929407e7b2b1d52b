/**
 * The Algolia Hacker News API's filters: `tags` (comma = AND, a parenthesised comma list = OR, e.g.
 * "(story,comment),author_pg") and `numericFilters` ("created_at_i>1700000000,points>=10": comma = AND; the
 * operators <, <=, =, !=, >=, >; the attributes created_at_i, points, num_comments, story_id, parent_id).
 */

/** AND of groups, each an OR of tags */
export type TagFilter = string[][];

export class FilterError extends Error {}

export function parseTags(raw: string): TagFilter {
  const groups: string[][] = [];
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === ',' || raw[i] === ' ') {
      i++;
      continue;
    }
    if (raw[i] === '(') {
      const close = raw.indexOf(')', i);
      if (close < 0) throw new FilterError(`Unclosed parenthesis in tags: ${raw}`);
      const alternatives = raw
        .slice(i + 1, close)
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '');
      if (alternatives.length > 0) groups.push(alternatives);
      i = close + 1;
    } else {
      let end = raw.indexOf(',', i);
      if (end < 0) end = raw.length;
      const tag = raw.slice(i, end).trim();
      if (tag.includes(')')) throw new FilterError(`Unexpected ')' in tags: ${raw}`);
      if (tag !== '') groups.push([tag]);
      i = end + 1;
    }
  }
  return groups;
}

export function tagsMatch(filter: TagFilter, tags: readonly string[]): boolean {
  return filter.every((group) => group.some((t) => tags.includes(t)));
}

export const NUMERIC_ATTRIBUTES = [
  'created_at_i',
  'points',
  'num_comments',
  'story_id',
  'parent_id',
] as const;
export type NumericAttribute = (typeof NUMERIC_ATTRIBUTES)[number];
type Op = '<' | '<=' | '=' | '!=' | '>=' | '>';

export interface NumericCondition {
  attribute: NumericAttribute;
  op: Op;
  value: number;
}

export function parseNumericFilters(raw: string): NumericCondition[] {
  return raw
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((c) => {
      const m = /^([a-z_]+)\s*(<=|>=|!=|<|>|=)\s*(-?\d+(?:\.\d+)?)$/.exec(c);
      if (!m) throw new FilterError(`Invalid syntax for numeric condition: ${c}`);
      const attribute = NUMERIC_ATTRIBUTES.find((a) => a === m[1]);
      if (!attribute) throw new FilterError(`Unknown numeric attribute: ${m[1]}`);
      return { attribute, op: m[2] as Op, value: Number(m[3]) };
    });
}

export function numericMatch(conditions: readonly NumericCondition[], hit: Record<string, unknown>): boolean {
  return conditions.every((c) => {
    const v = hit[c.attribute];
    if (typeof v !== 'number') return false;
    switch (c.op) {
      case '<':
        return v < c.value;
      case '<=':
        return v <= c.value;
      case '=':
        return v === c.value;
      case '!=':
        return v !== c.value;
      case '>=':
        return v >= c.value;
      case '>':
        return v > c.value;
    }
  });
}
