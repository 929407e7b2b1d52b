#!/usr/bin/env node
// `npm run lint`: computes Nx's project graph first (without it @nx/enforce-module-boundaries silently skips
// itself), then ESLint with the boundary rules, then the TypeScript type check.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const bin = (p) => join(root, 'node_modules', p);
const steps = [
  ['project graph', [bin('nx/dist/bin/nx.js'), 'show', 'projects', '--json']],
  ['eslint', [bin('eslint/bin/eslint.js'), '--max-warnings=0', '.']],
  ['typescript', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']],
];
for (const [name, args] of steps) {
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: name === 'project graph' ? 'ignore' : 'inherit' });
  if (r.status !== 0) {
    console.error(`lint: ${name} failed`);
    process.exit(r.status ?? 1);
  }
}
console.log('lint: eslint (with module boundaries) and tsc passed');
