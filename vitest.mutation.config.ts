// The tests Stryker runs against each mutant: those that run the source in-process. The editor
// and e2e tests run the built bundles (server/out), which a mutant of the source does not reach, so
// they only slow the run down; most CLI suites can run the source instead (below).
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import QuickFirstSequencer from './test/helpers/quickFirstSequencer';

// The version the bundles carry (esbuild.mjs), so that the source run in-process reports the same.
const { version } = JSON.parse(readFileSync('./server/package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    testTimeout: 20_000,
    // One worker runs file after file (a new worker per file reloads the Terraform parser each
    // time: the whole run took 139 s against 61 s this way); freshModules.ts keeps each file's
    // source modules its own. See docs/reliability.md, "Mutation testing".
    isolate: false,
    // The corpus suite reads ../shared beside the checkout, which Stryker's sandbox copy does not have.
    // The CLI suites that judge what the linter writes run its source in-process (LINT_IN_PROCESS,
    // test/helpers/lintRun.ts); those about the process itself (start-up, stdout, lazy loading) do not.
    include: [
      'test/unit/**/*.test.ts',
      'test/golden/**/*.test.ts',
      'test/catalog/**/*.test.ts',
      ...['lint', 'ciFormats', 'fix', 'projectConfig', 'terraform', 'byteOrderMark'].map((name) => `test/cli/${name}.test.ts`),
      // So do the LSP suites, with the server's source over in-memory streams (LSP_IN_PROCESS,
      // test/helpers/lspClient.ts), but stdio.test.ts (the command line and the transport) and
      // inProcess.test.ts (which compares the two ways with each other).
      'test/lsp/**/*.test.ts',
    ],
    exclude: ['node_modules/**', 'test/lsp/stdio.test.ts', 'test/lsp/inProcess.test.ts'],
    env: { LINT_IN_PROCESS: '1', LSP_IN_PROCESS: '1' },
    // Quick files first, so that a killed mutant's run stops early (Stryker stops at the first failure).
    sequence: { sequencer: QuickFirstSequencer },
    // As in vitest.config.ts, the Terraform parser is loaded before each file's tests; first the
    // module registry is cleared.
    setupFiles: ['./test/helpers/freshModules.ts', './test/helpers/hclParser.ts'],
  },
});
