#!/usr/bin/env node
// Builds what `npm start` runs: the API and the simulator (TypeScript → CommonJS with swc, path aliases
// rewritten to relative imports) and the web app (Vite). Usage: node scripts/build.mjs [api|simulator|web ...]
import { transformFile } from '@swc/core';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
// swc rewrites the aliases to relative imports; point them at the module, not the .ts file
const paths = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([k, v]) => [k, v.map((p) => p.replace(/\.tsx?$/, ''))]),
);

const TARGETS = {
  api: { out: 'dist/apps/api', dirs: ['apps/api/src', 'libs/api', 'libs/shared/contracts/src'] },
  simulator: { out: 'dist/apps/simulator', dirs: ['apps/simulator/src', 'libs/shared/contracts/src'] },
  // `npm run bench`: the benchmarks with everything they drive
  bench: { out: 'dist/bench', dirs: ['tests/bench', 'apps/api/src', 'apps/simulator/src', 'libs/api', 'libs/shared/contracts/src'] },
  // development tools (`npm run train:sentiment`, `eval:sentiment`): they read ../shared, never part of npm start or test
  tools: { out: 'dist/tools', dirs: ['tools', 'libs/api/enrichment/src', 'libs/shared/contracts/src'] },
};

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

async function compile(name) {
  const { out, dirs } = TARGETS[name];
  const started = Date.now();
  let files = 0;
  const written = new Set();
  for (const dir of dirs) {
    for (const file of walk(join(root, dir))) {
      const rel = relative(root, file);
      const dest = join(root, out, rel);
      if (/\.spec\.tsx?$/.test(file)) continue;
      mkdirSync(dirname(dest), { recursive: true });
      if (file.endsWith('.ts')) {
        const { code, map } = await transformFile(file, {
          sourceMaps: true,
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
            keepClassNames: true,
            baseUrl: root,
            paths,
          },
          module: { type: 'commonjs' },
        });
        written.add(dest.replace(/\.ts$/, '.js')).add(dest.replace(/\.ts$/, '.js.map'));
        writeFileSync(dest.replace(/\.ts$/, '.js'), code + `\n//# sourceMappingURL=${dest.replace(/\.ts$/, '.js.map').split('/').pop()}`);
        if (map) writeFileSync(dest.replace(/\.ts$/, '.js.map'), map);
        files++;
      } else if (file.endsWith('.json')) {
        written.add(dest);
        cpSync(file, dest);
      }
    }
  }
  // a source moved or deleted leaves its old output behind, which `require` may still find first
  // (language.js shadowing language/index.js): remove what this build did not write
  let stale = 0;
  for (const file of existsSync(join(root, out)) ? walk(join(root, out)) : []) {
    if (!written.has(file)) {
      rmSync(file);
      stale++;
    }
  }
  console.error(`built ${name}: ${files} files in ${Date.now() - started} ms → ${out}${stale ? ` (${stale} stale files removed)` : ''}`);
}

function buildWeb() {
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.error(`built web in ${Date.now() - started} ms → dist/apps/web`);
}

const wanted = process.argv.slice(2);
const all = wanted.length === 0 ? ['api', 'simulator', 'web'] : wanted;
for (const name of all) {
  if (name === 'web') buildWeb();
  else if (TARGETS[name]) await compile(name);
  else {
    console.error(`unknown build target ${name}; use api, simulator, bench, tools or web`);
    process.exit(2);
  }
}
if (!existsSync(join(root, 'dist'))) process.exit(1);
