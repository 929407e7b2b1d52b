// One jest run, three projects: unit (next to the code), integration (API + real PostgreSQL), e2e (headless Chromium).
const { pathsToModuleNameMapper } = require('./scripts/jest-paths.cjs');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    ...pathsToModuleNameMapper(),
    '\\.(css)$': '<rootDir>/tests/support/style-stub.cjs',
  },
  rootDir: __dirname,
  // eld (the language detector) ships ESM only: let swc turn it into CommonJS like our own files
  transformIgnorePatterns: ['/node_modules/(?!eld/)'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/jsdom-setup.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      setupFilesAfterEnv: ['<rootDir>/tests/support/long-timeouts.ts'],
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/tests/support/long-timeouts.ts'],
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'fault',
      setupFilesAfterEnv: ['<rootDir>/tests/support/long-timeouts.ts'],
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/fault/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
