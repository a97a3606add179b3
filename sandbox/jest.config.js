// Jest runs the unit, contract, API and webhook tests; Playwright runs test/browser/*.spec.ts.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // isolatedModules in tsconfig makes ts-jest transpile only: type errors are tsc's job.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testTimeout: 15000,
};
