/** `npm run test:reliability`: the scenarios of test/reliability/ (excluded from `npm test`), one at a time. */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/reliability'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 30 * 60_000,
};
