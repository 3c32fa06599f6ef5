// Lint rules: typescript-eslint's recommended set, and the purity of the analysis core enforced
// where it is written (STYLE.md §5.1): server/src/service imports no editor, protocol or AWS code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', 'server/src/service/shape/taskDefinitionShape.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'vscode',
                'vscode-languageserver',
                'vscode-languageserver/*',
                'vscode-languageclient*',
                '@aws-sdk/*',
                'node:*',
                'fs',
                'path',
                'child_process',
                'http',
                'https',
              ],
              message: 'The analysis core is pure: inject I/O through interfaces.',
            },
          ],
        },
      ],
    },
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
    files: ['scripts/**/*.mjs', 'esbuild.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
);
