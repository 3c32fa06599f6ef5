// What server.js and lint.js have in place of the yaml package (esbuild.mjs resolves our `yaml`
// imports here): the same functions and class, each requiring yaml.js, the bundle beside them, on
// first use. The yaml package is a quarter of the linter's code, and a run over JSON task
// definitions never uses it: loading it regardless cost every start (docs/performance.md,
// workload 11). Run from source (the tests), the format modules import the package itself.
import { join } from 'node:path';
import type * as YamlBundle from './yamlBundle';

type Yaml = typeof YamlBundle;
type Callable = (...args: unknown[]) => unknown;

let yaml: Yaml | undefined;

function load(): Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, found by path when first needed
  return (yaml ??= require(join(__dirname, 'yaml.js')) as Yaml);
}

/** yaml.js's function `name`, loading yaml.js on the first call. */
function onDemand<K extends keyof Yaml>(name: K): Yaml[K] {
  return ((...args: unknown[]) => (load()[name] as Callable)(...args)) as Yaml[K];
}

export const parseAllDocuments = onDemand('parseAllDocuments');
export const stringify = onDemand('stringify');
export const isAlias = onDemand('isAlias');
export const isMap = onDemand('isMap');
export const isScalar = onDemand('isScalar');
export const isSeq = onDemand('isSeq');

/** yaml.js's Lexer: `new Lexer()` constructs the real one (a constructor that returns an object makes that the result). */
export const Lexer = function Lexer(...args: ConstructorParameters<Yaml['Lexer']>) {
  return new (load().Lexer)(...args);
} as unknown as Yaml['Lexer'];
