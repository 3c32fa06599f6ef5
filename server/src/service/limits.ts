// What the server analyses at all. Real task definitions are a few kilobytes and nest a handful of
// levels; beyond these bounds a document is reported once (`analysis-limited`) instead of parsed,
// so that a huge or hostile file can neither stall the editor nor overflow the parser's stack.

/** Characters above which a document is not analysed (about 8 MB of ASCII). */
export const MAX_DOCUMENT_LENGTH = 8 * 1024 * 1024;

/** Nesting of objects and arrays above which a document is not analysed. */
export const MAX_NESTING_DEPTH = 256;

/** Why a document was not analysed. */
export interface AnalysisLimit {
  kind: 'size' | 'depth';
  /** The document's length or nesting depth. */
  actual: number;
  limit: number;
}

/** The limit a text exceeds, if any: one pass over the characters, strings skipped. */
export function exceededLimit(text: string): AnalysisLimit | undefined {
  if (text.length > MAX_DOCUMENT_LENGTH) return { kind: 'size', actual: text.length, limit: MAX_DOCUMENT_LENGTH };
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_NESTING_DEPTH) return { kind: 'depth', actual: depth, limit: MAX_NESTING_DEPTH };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return undefined;
}
