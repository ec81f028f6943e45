/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
    module: { type: 'commonjs' },
  },
];

const project = (displayName, testMatch) => ({
  displayName,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  testMatch,
  setupFiles: ['reflect-metadata'],
});

/**
 * Three projects: `unit` (pure specs beside the code: no database, Redis or market; `npm run test:unit` runs them
 * alone in seconds), `subgraph` (a subgraph's own tests, some on a subgraph started in-process) and `e2e` (through
 * the gateway). The global setup starts the market once, and only when a project that needs it runs.
 */
module.exports = {
  projects: [
    project('unit', ['<rootDir>/subgraphs/**/*.spec.ts', '<rootDir>/gateway/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts']),
    project('subgraph', ['<rootDir>/subgraphs/**/test/**/*.test.ts']),
    project('e2e', ['<rootDir>/e2e/**/*.test.ts']),
  ],
  // first decides which PostgreSQL and Redis the run uses (real ones when they answer, else the embedded default)
  globalSetup: '<rootDir>/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
  // the default one, then the tests skipped for want of Redis or a real PostgreSQL, counted
  reporters: ['default', '<rootDir>/e2e/support/skip-summary-reporter.js'],
  testTimeout: 60000,
  maxWorkers: 2,
};
