/// <reference types="node" />
// Vite config of the dashboard: `npx vite build --config apps/web/vite.config.ts` (output: dist/apps/web).
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

/** The `@ecoute/*` aliases of tsconfig.base.json, so that Vite resolves the libraries from source like tsc. */
function tsconfigAliases(): Record<string, string> {
  const base = JSON.parse(readFileSync(resolve(repoRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(base.compilerOptions.paths).map(([alias, [target]]) => [alias, resolve(repoRoot, target)]),
  );
}

/** Where `/api` is proxied in dev and preview (the NestJS API); override with ECOUTE_API_URL. */
const apiTarget = process.env.ECOUTE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: { alias: tsconfigAliases() },
  define: {
    // the demo logins on the sign-in page; build with ECOUTE_DEMO_HINT=false to hide them
    __ECOUTE_DEMO__: JSON.stringify(process.env.ECOUTE_DEMO_HINT !== 'false'),
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: resolve(repoRoot, 'dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
});
