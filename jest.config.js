/** One runner for unit tests (next to the code) and e2e tests (test/). Each file gets its own database. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '(src|test)/.*\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  moduleNameMapper: { '^src/(.*)$': '<rootDir>/src/$1' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Three on two cores: the e2e files wait on PostgreSQL, child processes, Chromium and job polls for much of
  // their time (a sample of six ran 12 % faster than with two at the same load), and the suite must stay
  // well inside CI's 20 minutes as it grows. Each worker peaks near 2.4 GB, far inside the machine's 24.
  maxWorkers: 3,
  testTimeout: 60000,
};
