/**
 * Jest runs the TypeScript sources as ESM through ts-jest (see README "Quick start"). `npm test` runs
 * every part; `npm run test:unit`, `test:integration`, `test:e2e` and `test:walkthrough` run one
 * (package.json).
 */
const ignored = ['/node_modules/'];
// The container end-to-end tests need the built image (see README "Quick start"): .ci/run builds it and
// sets DATASET_GEN_E2E=1.
if (process.env.DATASET_GEN_E2E !== '1') ignored.push('<rootDir>/test/e2e/');
// The walkthrough test rebuilds a preview of the walkthrough video (about a minute). `npm test` (and so
// CI) runs it; DATASET_GEN_WALKTHROUGH=0 leaves it out, which `npm run test:integration` does unless
// DATASET_GEN_WALKTHROUGH=1 is set.
if (process.env.DATASET_GEN_WALKTHROUGH === '0') ignored.push('<rootDir>/test/integration/walkthrough\\.test\\.ts$');

export default {
  testEnvironment: '<rootDir>/test/support/node-environment.js',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ignored,
  testTimeout: 120000,
};
