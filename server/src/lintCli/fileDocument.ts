// The CLI's documents: a file's text, read once and never edited. Positions mean what they mean in
// vscode-languageserver-textdocument (the editor's documents; test/unit/lintCli/fileDocument.test.ts
// compares the two), but the line starts are found with indexOf instead of a loop over every
// character: the first finding of a file pays for them, and over a CI run of large files that loop
// was a tenth of the time (docs/performance.md, workload 13).
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';

/** A read-only document of `text`, in no particular language (the file name picks the format). */
export function fileDocument(uri: string, text: string, version = 1): TextDocument {
  return new FileDocument(uri, text, version);
}

class FileDocument implements TextDocument {
  readonly languageId = '';
  private starts: number[] | undefined;

  constructor(
    readonly uri: string,
    private readonly text: string,
    readonly version: number,
  ) {}

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    // substring, not slice: a range that ends before it starts gives the text between, as the editor does.
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts();
    // The last line starting at or before the offset.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid] > at) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(at, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    return this.beforeLineBreak(Math.min(start + Math.max(0, position.character), this.nextLineStart(position.line)), start);
  }

  getLineRange(line: number): Range {
    const starts = this.lineStarts();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // Past the last line: the last line, which never ends in a line break.
    const last = Math.min(line, starts.length - 1);
    return { start: { line: last, character: 0 }, end: { line: last, character: this.lineEnd(last) - starts[last] } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineStarts().length) return '';
    return this.text.slice(this.lineEnd(line), this.nextLineStart(line));
  }

  /** Where the line's text ends, before its line break. */
  private lineEnd(line: number): number {
    return this.beforeLineBreak(this.nextLineStart(line), this.lineStarts()[line]);
  }

  private nextLineStart(line: number): number {
    const starts = this.lineStarts();
    return line + 1 < starts.length ? starts[line + 1] : this.text.length;
  }

  /** The offset moved back out of the line break that ends its line, if it is inside it. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }

  private lineStarts(): number[] {
    return (this.starts ??= lineStarts(this.text));
  }
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** Where each line starts: after `\n`, `\r\n` or a lone `\r`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    if (isLineBreak(c)) starts.push(i + 1);
  }
  return starts;
}
