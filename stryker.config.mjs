// Mutation testing (npm run mutation): Stryker changes the source one small bug at a time and runs
// the tests that cover it; a mutant the tests do not notice "survives". The reports go to
// reports/mutation/ (git-ignored); the score by folder is recorded in docs/reliability.md.
// Incremental: a re-run tests only the mutants whose code or covering tests changed since the last.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  coverageAnalysis: 'perTest',
  mutate: [
    'server/src/**/*.ts',
    'client/src/**/*.ts',
    // Generated from @aws-sdk/client-ecs by scripts/generateShape.mjs: checked against the model, not mutated.
    '!server/src/service/shape/taskDefinitionShape.generated.ts',
  ],
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: 'reports/mutation/.tmp',
  concurrency: 2,
  timeoutMS: 20000,
};
