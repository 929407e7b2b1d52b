#!/usr/bin/env node
// `npm run bench [-- <name> ...]`: builds and runs the benchmarks in tests/bench (all of them by default).
// Each prints its figures and the machine it ran on. Benchmarks are never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const available = readdirSync(join(root, 'tests/bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('-'));
const wanted = names.length ? names : available;
for (const name of wanted) {
  if (!available.includes(name)) {
    console.error(`no benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), 'bench'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
for (const name of wanted) {
  const r = spawnSync(process.execPath, [join(root, `dist/bench/tests/bench/${name}.bench.js`), ...args.filter((a) => a.startsWith('-'))], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
