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
  // well inside CI's 20 minutes as it grows.
  maxWorkers: 3,
  // A worker keeps what each file leaves behind (its module registry and contexts): by the end of a run its heap
  // held 1.2–2.2 GB. Restarted once above 1 GB after a file, no heap passed 1.2 GB and the suite ran in 11.5 min
  // against 12.4 min without (two runs, docs/benchmarks.md).
  workerIdleMemoryLimit: '1GB',
  testTimeout: 60000,
};
