// Lint rules: typescript-eslint's recommended set, and the purity of the analysis core enforced
// where it is written: server/src/service imports no editor, protocol or AWS code, and only its
// formats/ folder imports a parser.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the analysis core may not import anywhere. */
const IMPURE = {
  group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient*', '@aws-sdk/*', 'node:*'],
  message: 'The analysis core is pure: inject I/O through interfaces.',
};

/** Node's modules by their bare names (exact names: a pattern `path` would also match ./document/path). */
const NODE_MODULES = ['fs', 'path', 'child_process', 'http', 'https'].map((name) => ({
  name,
  message: 'The analysis core is pure: inject I/O through interfaces.',
}));

/** Parsers: only formats/ reads text; everything above it works on the document tree (document/). */
const PARSERS = {
  group: ['jsonc-parser', 'yaml', 'web-tree-sitter'],
  message: 'Only the format adapters under server/src/service/formats import a parser; work on the document tree instead.',
};

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', 'reports/**', 'server/src/service/shape/taskDefinitionShape.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    ignores: ['server/src/service/formats/**'],
    rules: { 'no-restricted-imports': ['error', { paths: NODE_MODULES, patterns: [IMPURE, PARSERS] }] },
  },
  {
    // Each format's adapter is the one place its parser is imported.
    files: ['server/src/service/formats/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NODE_MODULES, patterns: [IMPURE] }] },
  },
  {
    // Tests that run inside VS Code's extension host: CommonJS with mocha's globals.
    files: ['test/e2e/exthost/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        exports: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        describe: 'readonly',
        it: 'readonly',
        before: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'esbuild.mjs', 'action/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
);
