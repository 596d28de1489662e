/** Jest runs the TypeScript sources as ESM through ts-jest (see README "Quick start"). */
export default {
  testEnvironment: '<rootDir>/test/support/node-environment.js',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The container end-to-end tests need the built image (see README "Quick start"): .ci/run builds it and
  // sets DATASET_GEN_E2E=1.
  testPathIgnorePatterns: process.env.DATASET_GEN_E2E === '1' ? ['/node_modules/'] : ['/node_modules/', '<rootDir>/test/e2e/'],
  testTimeout: 120000,
};
