// Loads the Terraform parser once, when the first `.tf` file is analysed, and installs it in the
// core (service/formats/terraform/hclParser.ts). Packaged, hcl.js and the two .wasm files sit
// beside the running bundle (esbuild.mjs copies them); run from source (tests), they come from
// node_modules.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { needsHclParser } from '../service';
import { hclParser, installHclParser } from '../service/formats/terraform/hclParser';
import type * as HclBundle from './hclBundle';

/** The files the parser is made of, beside the bundle. */
export const HCL_FILES = {
  bundle: 'hcl.js',
  runtime: 'tree-sitter.wasm',
  grammar: 'tree-sitter-terraform.wasm',
} as const;

/** The repository's node_modules, seen from server/src/hcl (npm workspaces hoist the packages there). */
const NODE_MODULES = join(__dirname, '..', '..', '..', 'node_modules');

/** From source the bundle's module is imported as it is; a name in a variable keeps esbuild from bundling it in. */
const SOURCE_BUNDLE = './hclBundle.js';

let loading: Promise<void> | undefined;

/** Loads the parser when a document needs it; resolves at once for every other document. */
export async function prepareFor(languageId: string, uri: string, text: string): Promise<void> {
  if (needsHclParser(languageId, uri, text)) await ensureHclParser();
}

/** Resolves once the Terraform parser is installed; a failure is reported to each caller (and retried on the next). */
export function ensureHclParser(): Promise<void> {
  if (hclParser()) return Promise.resolve();
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new Error(`The Terraform parser cannot be loaded (${reason}); reinstall the extension or the linter.`);
  });
  return loading;
}

async function load(): Promise<void> {
  const packaged = existsSync(join(__dirname, HCL_FILES.bundle));
  const bundle: typeof HclBundle = packaged
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, found by path when first needed
      (require(join(__dirname, HCL_FILES.bundle)) as typeof HclBundle)
    : ((await import(SOURCE_BUNDLE)) as typeof HclBundle);
  const [runtime, grammar] = await Promise.all(
    packaged
      ? [readFile(join(__dirname, HCL_FILES.runtime)), readFile(join(__dirname, HCL_FILES.grammar))]
      : [
          readFile(join(NODE_MODULES, 'web-tree-sitter', HCL_FILES.runtime)),
          readFile(join(NODE_MODULES, '@tree-sitter-grammars/tree-sitter-hcl', HCL_FILES.grammar)),
        ],
  );
  installHclParser(await bundle.createTerraformParser(runtime, grammar));
}
