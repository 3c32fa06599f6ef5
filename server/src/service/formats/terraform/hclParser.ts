// The Terraform grammar's parser, installed by the host. web-tree-sitter loads two WebAssembly
// modules asynchronously, and the core stays synchronous and free of file access: the host
// (server/src/hcl/loadHclParser.ts) loads them the first time a `.tf` file is met and installs the
// parser here; until then a Terraform document parses to nothing, with one problem saying why.
import type { Tree } from 'web-tree-sitter';

/** What the core needs of web-tree-sitter's Parser with the Terraform language set. */
export interface HclParser {
  parse(text: string): Tree | null;
}

let installed: HclParser | undefined;

/** Makes the parser available to the Terraform adapter. */
export function installHclParser(parser: HclParser): void {
  installed = parser;
}

/** The installed parser, if the host has loaded it. */
export function hclParser(): HclParser | undefined {
  return installed;
}
