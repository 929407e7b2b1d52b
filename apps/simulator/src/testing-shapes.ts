/** Helpers for the contract specs: compare a simulated payload with a captured one, key by key and type by type. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** tests/fixtures/platform-payloads/<platform>/<file>, parsed */
export function fixture<T = unknown>(platform: string, file: string): T {
  const path = join(__dirname, '../../../tests/fixtures/platform-payloads', platform, file);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Where `actual` lacks a key of `reference` or has a value of another JSON type, recursively (arrays: each item
 * of `actual` against the first of `reference`). null on either side stands for any type (a nullable field).
 * `skip` lists paths not to look at, e.g. "$.hits[]._highlightResult.url".
 */
export function contractDiff(
  actual: unknown,
  reference: unknown,
  skip: readonly string[] = [],
  path = '$',
): string[] {
  if (skip.includes(path) || actual === null || reference === null) return [];
  const a = kind(actual);
  const r = kind(reference);
  if (a !== r) return [`${path}: ${a} instead of ${r}`];
  if (Array.isArray(actual) && Array.isArray(reference)) {
    if (reference.length === 0) return [];
    return actual.flatMap((item) => contractDiff(item, reference[0], skip, `${path}[]`));
  }
  if (a === 'object') {
    const act = actual as Record<string, unknown>;
    const ref = reference as Record<string, unknown>;
    return Object.keys(ref).flatMap((k) => {
      const p = `${path}.${k}`;
      if (skip.includes(p)) return [];
      if (!(k in act)) return [`${p}: missing`];
      return contractDiff(act[k], ref[k], skip, p);
    });
  }
  return [];
}

export function sortedKeys(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value).sort() : [];
}
