// What the server analyses at all. Real task definitions and templates are a few kilobytes and nest
// a handful of levels; beyond these bounds a document is reported once (`analysis-limited`) instead
// of parsed, so that a huge or hostile file can neither stall the editor nor overflow a parser's stack.
import type { AnalysisLimit } from '../document/parsedDocument';

/** Characters above which a JSON document is not analysed (about 8 MB of ASCII). */
export const MAX_DOCUMENT_LENGTH = 8 * 1024 * 1024;

/**
 * Characters above which a YAML document is not analysed: YAML parses about ten times slower than
 * JSON (docs/performance.md), and CloudFormation itself takes templates of at most 1 MB.
 */
export const MAX_YAML_LENGTH = 2 * 1024 * 1024;

/**
 * Characters above which a Terraform file is not analysed: tree-sitter's WebAssembly parser reads
 * HCL at about 1.5 MB/s (docs/performance.md, workload 14), and real .tf files are kilobytes.
 */
export const MAX_HCL_LENGTH = 2 * 1024 * 1024;

/** Nesting of objects and arrays above which a document is not analysed. */
export const MAX_NESTING_DEPTH = 256;

/** The size limit a text exceeds, if it does. */
export function exceededSize(text: string, limit = MAX_DOCUMENT_LENGTH): AnalysisLimit | undefined {
  return text.length > limit ? { kind: 'size', actual: text.length, limit } : undefined;
}

/**
 * The limit a text exceeds when its brackets nest too deep: one pass over the characters, with
 * strings skipped (JSON's double quotes; with `singleQuotes`, also YAML's single-quoted strings).
 */
export function exceededBracketDepth(text: string, singleQuotes = false): AnalysisLimit | undefined {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 0x5c /* \ */ && quote === 0x22) i++;
      else if (c === quote) quote = 0;
    } else if (c === 0x22 /* " */ || (singleQuotes && c === 0x27) /* ' */) quote = c;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_NESTING_DEPTH) return { kind: 'depth', actual: depth, limit: MAX_NESTING_DEPTH };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return undefined;
}

/**
 * The limit a YAML text exceeds when one line opens too many block collections: each `- `, `? ` or
 * `: ` before a line's content opens one (`- - - x` is three lists deep). Deeper block nesting
 * needs more indentation on each level, which the size limit bounds; a line of indicators does
 * not, and the yaml package runs out of memory on a 2 MB one (test/unit/formats/yamlParse.test.ts).
 */
export function exceededIndicatorDepth(text: string): AnalysisLimit | undefined {
  let i = 0;
  while (i < text.length) {
    let depth = 0;
    i = pastBlanks(text, i);
    for (;;) {
      const c = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      if ((c !== 0x2d /* - */ && c !== 0x3f /* ? */ && c !== 0x3a) /* : */ || (next !== 0x20 && next !== 0x09)) break;
      if (++depth > MAX_NESTING_DEPTH) return { kind: 'depth', actual: depth, limit: MAX_NESTING_DEPTH };
      i = pastBlanks(text, i + 2);
    }
    const end = text.indexOf('\n', i);
    if (end < 0) break;
    i = end + 1;
  }
  return undefined;
}

/** The offset past the spaces and tabs at `i`. */
function pastBlanks(text: string, i: number): number {
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  return i;
}
