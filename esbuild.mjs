// Bundles the server (two entry points: the language server and the linter CLI, and aws.js, the AWS
// SDK they load when they go online) and the VS Code client. tsc -b only type-checks; these bundles
// are what ships.
import { build } from 'esbuild';
import { chmod, copyFile, mkdir, readFile } from 'node:fs/promises';

const { version } = JSON.parse(await readFile(new URL('./server/package.json', import.meta.url), 'utf8'));

// Paths below are relative to the repository root, wherever this is run from (server's prepack).
const root = new URL('.', import.meta.url).pathname;
process.chdir(root);
const production = process.argv.includes('--production');

// The yaml package is bundled apart, in yaml.js, and loaded when a YAML text is first met: our
// imports of `yaml` in server.js and lint.js resolve to server/src/yaml/yamlOnDemand.ts, which
// requires yaml.js by path. yaml.js itself takes the package's ES module build (the same code; the one
// it gives bundlers): esbuild hoists ES modules into the bundle's scope, where the CommonJS build runs
// some 80 module wrappers at load. Packages with a yaml of their own keep it.
const YAML_BUNDLE = `${root}server/src/yaml/yamlBundle.ts`;
const YAML_ESM = `${root}node_modules/yaml/browser/index.js`;
/** `apart`: server.js and lint.js; else (yaml.js, the benchmark, the e2e runner) the package is bundled in. */
const yamlPlugin = (apart) => ({
  name: 'yaml',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, (args) => {
      if (/[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
      return { path: apart && args.importer !== YAML_BUNDLE ? `${root}server/src/yaml/yamlOnDemand.ts` : YAML_ESM };
    });
  },
});

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
  plugins: [yamlPlugin(false)],
};

// `--bench` builds only the benchmark, so that it measures the bundles as they were packaged.
if (process.argv.includes('--bench')) {
  await Promise.all([
    build({ ...common, entryPoints: { bench: 'bench/bench.ts' }, outdir: 'bench/out' }),
    // The baseline as a process (workloads 11 to 13): one minified file, as the linter is when packaged.
    build({ ...common, minify: true, sourcemap: false, entryPoints: { baselineProcess: 'bench/baselineProcess.ts' }, outdir: 'bench/out' }),
  ]);
} else if (process.argv.includes('--e2e')) {
  await build({ ...common, entryPoints: { runE2e: 'test/e2e/runE2e.ts' }, outdir: 'test/e2e/out', external: ['playwright-core'] });
} else {
  await mkdir('server/out', { recursive: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: { server: 'server/src/cli.ts', lint: 'server/src/lintCli/main.ts' },
      outdir: 'server/out',
      plugins: [yamlPlugin(true)],
    }),
    // What the bin scripts load first: it compiles server.js or lint.js with the code cache (launch.ts).
    build({ ...common, entryPoints: { launch: 'server/src/launch.ts' }, outdir: 'server/out' }),
    // The AWS SDK, only here: server.js and lint.js require aws.js by path the first time they go online
    // (catalog/lazyAwsCatalog.ts), so that start-up and --offline load none of it.
    build({ ...common, entryPoints: { aws: 'server/src/catalog/awsBundle.ts' }, outdir: 'server/out' }),
    // The yaml package, only here: loaded at the first YAML text (yaml/yamlOnDemand.ts).
    build({ ...common, entryPoints: { yaml: YAML_BUNDLE }, outdir: 'server/out' }),
    // web-tree-sitter and the Terraform grammar, only here and loaded at the first .tf file
    // (hcl/loadHclParser.ts), with the two WebAssembly modules it reads beside it.
    // Its CommonJS build: the ES module one finds its files through import.meta.url, which a CommonJS bundle has not.
    build({
      ...common,
      entryPoints: { hcl: 'server/src/hcl/hclBundle.ts' },
      outdir: 'server/out',
      alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
    }),
    copyFile('node_modules/web-tree-sitter/tree-sitter.wasm', 'server/out/tree-sitter.wasm'),
    copyFile('node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'server/out/tree-sitter-terraform.wasm'),
    build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'client/out', external: ['vscode'] }),
  ]);
  await Promise.all(['server/out/server.js', 'server/out/lint.js'].map((f) => chmod(f, 0o755)));
}
