// Lint enforces the library boundaries of DESIGN.md §1. Do not weaken these constraints.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

const dep = (sourceTag, ...allowed) => ({ sourceTag, onlyDependOnLibsWithTags: allowed });

export default [
  { ignores: ['**/node_modules', '**/dist', '.ecoute', '.nx', 'coverage', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx, import: importPlugin },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.base.json' }, node: true },
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
      'import/no-cycle': ['error', { maxDepth: 10 }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            dep('type:contracts'),
            dep('type:platform', 'type:contracts'),
            dep('type:connectors', 'type:platform', 'type:contracts'),
            dep('type:ingestion', 'type:connectors', 'type:platform', 'type:contracts'),
            dep('type:enrichment', 'type:platform', 'type:contracts'),
            dep('type:routing', 'type:platform', 'type:contracts'),
            dep('type:inbox', 'type:connectors', 'type:platform', 'type:contracts'),
            dep('type:analytics', 'type:platform', 'type:contracts'),
            dep('type:identity', 'type:platform', 'type:contracts'),
            dep(
              'type:pipeline',
              'type:connectors',
              'type:ingestion',
              'type:enrichment',
              'type:routing',
              'type:inbox',
              'type:analytics',
              'type:platform',
              'type:contracts',
            ),
            dep('type:data-access', 'type:contracts'),
            dep('type:ui', 'type:contracts'),
            dep('type:feature', 'type:data-access', 'type:ui', 'type:contracts'),
            // apps: their own scope and the contracts
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:simulator', onlyDependOnLibsWithTags: ['scope:simulator', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // tests and benchmarks exercise the whole product, across libraries
    files: ['tests/**/*.ts', '**/*.spec.ts', '**/*.spec.tsx'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  prettier,
];
