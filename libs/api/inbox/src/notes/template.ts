import type { SAVED_REPLY_VARIABLES } from '@ecoute/contracts';

export type TemplateVariables = Record<(typeof SAVED_REPLY_VARIABLES)[number], string>;

/** Pure: a saved reply's {{variables}} filled in; the schema refused unknown ones when it was saved. */
export function renderTemplate(body: string, vars: TemplateVariables): string {
  return body.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, name: string) => (name in vars ? vars[name as keyof TemplateVariables] : whole));
}

/** "Sam Agent" → "Sam"; a one-word name is its own first name */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
