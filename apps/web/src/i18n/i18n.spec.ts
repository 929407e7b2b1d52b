import {
  CONVERSATION_STATUSES,
  CORRECTION_STATUSES,
  EVIDENCE_SOURCES,
  INTENTS,
  PRIORITIES,
  QUERY_KINDS,
  REPLY_STATES,
  ROLES,
  SENTIMENT_LABELS,
  SOURCE_STATES,
} from '@ecoute/contracts';
import { OVERVIEW_RANGES } from '@ecoute/web-data-access';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INBOX_VIEWS } from '../../../../libs/web/feature-inbox/src/lib/views';
import { PREVIEW_ERROR_CODES } from '../../../../libs/web/feature-listening/src/lib/preview-errors';
import { FIELD_ERROR_KEYS } from '../../../../libs/web/feature-listening/src/lib/query-form';
import { en } from './en';
import { fr } from './fr';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const EN = flatten(en);
const FR = flatten(fr);

function placeholders(s: string): string[] {
  return [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
}

function tags(s: string): string[] {
  return [...s.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]).sort();
}

describe('i18n resources', () => {
  it('have exactly the same keys in English and French', () => {
    const enKeys = [...EN.keys()].sort();
    const frKeys = [...FR.keys()].sort();
    expect(frKeys.filter((k) => !EN.has(k))).toEqual([]);
    expect(enKeys.filter((k) => !FR.has(k))).toEqual([]);
    expect(frKeys).toEqual(enKeys);
  });

  it('have no empty string', () => {
    expect([...EN].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    expect([...FR].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('use the same interpolation variables and tags in both languages', () => {
    const mismatches = [...EN.keys()].filter(
      (k) =>
        placeholders(EN.get(k) ?? '').join() !== placeholders(FR.get(k) ?? '').join() ||
        tags(EN.get(k) ?? '').join() !== tags(FR.get(k) ?? '').join(),
    );
    expect(mismatches).toEqual([]);
  });

  it('translate every value of the enums that the screens display', () => {
    const expected = [
      ...SENTIMENT_LABELS.map((v) => `sentiment.${v}`),
      ...CONVERSATION_STATUSES.map((v) => `status.${v}`),
      ...PRIORITIES.map((v) => `priority.${v}`),
      ...REPLY_STATES.map((v) => `delivery.${v}`),
      ...INTENTS.map((v) => `intent.${v}`),
      ...EVIDENCE_SOURCES.map((v) => `sentiment.source.${v}`),
      ...SENTIMENT_LABELS.filter((v) => v !== 'neutral').map((v) => `sentiment.polarity.${v}`),
      ...CORRECTION_STATUSES.flatMap((v) => [
        `correctionStatus.${v}`,
        `listening.understanding.corrections.emptyTitle.${v}`,
      ]),
      'listening.understanding.corrections.emptyTitle.all',
      'listening.understanding.corrections.kind.sentiment',
      'listening.understanding.corrections.kind.intents',
      ...ROLES.map((v) => `roles.${v}`),
      ...QUERY_KINDS.map((v) => `queryKind.${v}`),
      ...SOURCE_STATES.map((v) => `sourceState.${v}`),
      ...PREVIEW_ERROR_CODES.map((v) => `previewError.${v}`),
      ...FIELD_ERROR_KEYS.map((v) => `listening.editor.errors.${v}`),
      ...INBOX_VIEWS.flatMap((v) => [
        `inbox.views.${v.id}`,
        `inbox.empty.${v.id}.title`,
        `inbox.empty.${v.id}.description`,
      ]),
      ...OVERVIEW_RANGES.map((v) => `overview.range.${v}`),
      'overview.bucket.hour',
      'overview.bucket.day',
      'language.en',
      'language.fr',
    ];
    expect(expected.filter((k) => !EN.has(k))).toEqual([]);
  });

  it('define every key that the code asks for with a literal', () => {
    const root = resolve(__dirname, '../../../..');
    const dirs = [
      'apps/web/src',
      'libs/web/data-access/src',
      'libs/web/ui/src',
      'libs/web/feature-inbox/src',
      'libs/web/feature-reports/src',
      'libs/web/feature-listening/src',
    ];
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (
          /\.tsx?$/.test(name) &&
          !/\.spec\.tsx?$/.test(name) &&
          !p.includes(`${join('src', 'testing')}`)
        )
          files.push(p);
      }
    };
    dirs.forEach((d) => walk(join(root, d)));
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/i18nKey="([a-zA-Z0-9_.]+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !EN.has(k)).sort()).toEqual([]);
  });
});
