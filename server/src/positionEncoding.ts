// Position encodings (LSP 3.17 `positionEncoding`). The analysis core counts UTF-16 code units, as
// TextDocument does; a client that prefers UTF-8 gets byte columns, converted here at the edge.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver';

/** The encodings the server can speak. */
export type PositionEncoding = 'utf-16' | 'utf-8';

/** The client's first preference that the server speaks; UTF-16 when it names none (the LSP default). */
export function negotiateEncoding(offered: readonly string[] | undefined): PositionEncoding {
  for (const encoding of offered ?? []) {
    if (encoding === 'utf-8' || encoding === 'utf-16') return encoding;
  }
  return 'utf-16';
}

/** Converts positions between the client's encoding and the core's UTF-16. */
export interface PositionConverter {
  /** A client position to a UTF-16 one. */
  toCore(doc: TextDocument | undefined, position: Position): Position;
  /** Every position in a value (a result, an edit) from UTF-16 to the client's encoding; `data` is left alone. */
  toClient<T>(doc: TextDocument | undefined, value: T): T;
  /** Every position in a value from the client's encoding to UTF-16; `data` is left alone. */
  fromClient<T>(doc: TextDocument | undefined, value: T): T;
}

const identity: PositionConverter = { toCore: (_doc, p) => p, toClient: (_doc, v) => v, fromClient: (_doc, v) => v };

/** The converter for an encoding: nothing to do for UTF-16. */
export function positionConverter(encoding: PositionEncoding): PositionConverter {
  if (encoding === 'utf-16') return identity;
  const line = (doc: TextDocument, n: number) => doc.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } });
  const toUtf16 = (doc: TextDocument | undefined, p: Position): Position => {
    if (!doc) return p;
    const text = line(doc, p.line);
    let bytes = 0;
    let units = 0;
    for (const char of text) {
      if (bytes >= p.character || char === '\n' || char === '\r') break;
      bytes += Buffer.byteLength(char);
      units += char.length;
    }
    return { line: p.line, character: units };
  };
  const toUtf8 = (doc: TextDocument | undefined, p: Position): Position => {
    if (!doc) return p;
    return { line: p.line, character: Buffer.byteLength(line(doc, p.line).slice(0, p.character)) };
  };
  const walk = <T>(doc: TextDocument | undefined, value: T, convert: (doc: TextDocument | undefined, p: Position) => Position): T => {
    if (Array.isArray(value)) return value.map((v) => walk(doc, v, convert)) as T;
    if (typeof value !== 'object' || value === null) return value;
    const object = value as Record<string, unknown>;
    if (typeof object.line === 'number' && typeof object.character === 'number' && Object.keys(object).length === 2) {
      return convert(doc, object as unknown as Position) as T;
    }
    // `data` carries the core's own UTF-16 ranges back to it; it is never converted.
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, k === 'data' ? v : walk(doc, v, convert)])) as T;
  };
  return {
    toCore: toUtf16,
    toClient: (doc, value) => walk(doc, value, toUtf8),
    fromClient: (doc, value) => walk(doc, value, toUtf16),
  };
}
