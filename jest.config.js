/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node', // Temporal does not support jsdom
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The reliability suite breaks things on purpose and takes minutes: `npm run test:reliability` (roots and ignore patterns overridden there).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 120_000,
  clearMocks: true,
  // The SDK's native bridge keeps a handle open after teardown (sdk-typescript#928).
  forceExit: true,
};
