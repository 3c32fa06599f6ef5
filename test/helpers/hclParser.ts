// Loads the Terraform parser (web-tree-sitter and its WebAssembly grammar) before the tests of a
// file run, as the server and the linter do when they meet their first .tf file.
import { ensureHclParser } from '../../server/src/hcl/loadHclParser';

await ensureHclParser();
