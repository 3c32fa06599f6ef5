// The tests Stryker runs against each mutant: those that run the source in-process. The CLI, LSP,
// editor and e2e tests run the built bundles (server/out), which a mutant of the source does not
// reach, so they only slow the run down.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    testTimeout: 20_000,
    // One worker runs file after file (a new worker per file reloads the Terraform parser each
    // time: the whole run took 139 s against 61 s this way); freshModules.ts keeps each file's
    // source modules its own. See docs/reliability.md, "Mutation testing".
    isolate: false,
    // The corpus suite reads ../shared beside the checkout, which Stryker's sandbox copy does not have.
    include: ['test/unit/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/catalog/**/*.test.ts'],
    exclude: ['node_modules/**'],
    // As in vitest.config.ts, the Terraform parser is loaded before each file's tests; first the
    // module registry is cleared.
    setupFiles: ['./test/helpers/freshModules.ts', './test/helpers/hclParser.ts'],
  },
});
