import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    reporters: ['default', './test/helpers/summaryReporter.ts'],
    testTimeout: 20_000,
    globalSetup: ['./test/helpers/buildOnce.ts'],
    setupFiles: ['./test/helpers/hclParser.ts'],
  },
});
