// Bundles the server (two entry points: the language server and the linter CLI) and the VS Code
// client. tsc -b only type-checks; these bundles are what ships.
import { build } from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';

const { version } = JSON.parse(await readFile(new URL('./server/package.json', import.meta.url), 'utf8'));

// Paths below are relative to the repository root, wherever this is run from (server's prepack).
const root = new URL('.', import.meta.url).pathname;
process.chdir(root);
const production = process.argv.includes('--production');
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser and vscode-languageserver-types ship UMD builds that esbuild cannot follow; take their ESM.
  mainFields: ['module', 'main'],
  sourcemap: production ? false : 'linked',
  define: { __VERSION__: JSON.stringify(version) },
  minify: production,
  logLevel: 'warning',
};

// `--bench` builds only the benchmark, so that it measures the bundles as they were packaged.
if (process.argv.includes('--bench')) {
  await build({ ...common, entryPoints: { bench: 'bench/bench.ts' }, outdir: 'bench/out' });
} else if (process.argv.includes('--e2e')) {
  await build({ ...common, entryPoints: { runE2e: 'test/e2e/runE2e.ts' }, outdir: 'test/e2e/out', external: ['playwright-core'] });
} else {
  await Promise.all([
    build({ ...common, entryPoints: { server: 'server/src/cli.ts', lint: 'server/src/lintCli/main.ts' }, outdir: 'server/out' }),
    build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'client/out', external: ['vscode'] }),
  ]);
  await Promise.all(['server/out/server.js', 'server/out/lint.js'].map((f) => chmod(f, 0o755)));
}
