// What hcl.js exports (esbuild.mjs bundles it apart, as aws.js): web-tree-sitter and nothing else,
// loaded the first time a Terraform file is met, so that start-up without one pays nothing for it.
import { Language, Parser } from 'web-tree-sitter';
import type { HclParser } from '../service/formats/terraform/hclParser';

/** A parser for the Terraform grammar, from the runtime's and the grammar's WebAssembly modules. */
export async function createTerraformParser(runtime: Uint8Array, grammar: Uint8Array): Promise<HclParser> {
  await Parser.init({ wasmBinary: runtime });
  const language = await Language.load(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
