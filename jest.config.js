/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node', // Temporal does not support jsdom
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 120_000,
  clearMocks: true,
  // The SDK's native bridge keeps a handle open after teardown (sdk-typescript#928).
  forceExit: true,
};
