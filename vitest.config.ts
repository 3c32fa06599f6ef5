import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The version the bundles carry (esbuild.mjs), so that the source run in-process reports the same.
const { version } = JSON.parse(readFileSync('./server/package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    reporters: ['default', './test/helpers/summaryReporter.ts'],
    testTimeout: 20_000,
    globalSetup: ['./test/helpers/buildOnce.ts'],
    setupFiles: ['./test/helpers/hclParser.ts'],
  },
});
