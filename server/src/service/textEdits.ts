// Structural edits of JSON text that keep the file's own indentation and line endings, built on
// jsonc-parser's modify(). Multi-step fixes apply each step to the text and return one edit that
// spans what changed, so the steps can never overlap.
import { applyEdits, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

/** The indentation and line ending a document already uses; two spaces and LF when it shows none. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let spaces = 0;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  for (const match of sample.matchAll(/\n([ \t]+)\S/g)) {
    const indent = match[1];
    if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
    if (spaces === 0 || indent.length < spaces) spaces = indent.length;
    if (spaces === 1 || spaces === 2) break;
  }
  return { insertSpaces: true, tabSize: spaces || 2, eol };
}

/** One indentation step as text. */
export function indentUnit(options: FormattingOptions): string {
  return options.insertSpaces ? ' '.repeat(options.tabSize ?? 2) : '\t';
}

/** Sets (or, with `undefined`, removes) the value at `path` and returns the new text. */
export function setValue(text: string, path: JSONPath, value: unknown, options: FormattingOptions, insertionIndex?: number): string {
  const edits = modify(text, path, value, {
    formattingOptions: options,
    getInsertionIndex: insertionIndex === undefined ? undefined : () => insertionIndex,
  });
  return applyEdits(text, edits);
}

/** Inserts `value` at the end of the array at `path`. */
export function appendToArray(text: string, path: JSONPath, value: unknown, options: FormattingOptions): string {
  return applyEdits(text, modify(text, [...path, -1], value, { formattingOptions: options, isArrayInsertion: true }));
}

/** The single edit that turns the document's text into `next`: the span between their common prefix and suffix. */
export function diffEdit(doc: TextDocument, next: string): TextEdit | undefined {
  const text = doc.getText();
  if (text === next) return undefined;
  let start = 0;
  const max = Math.min(text.length, next.length);
  while (start < max && text.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && text.charCodeAt(text.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(text.length - end) },
    newText: next.slice(start, next.length - end),
  };
}

/** Removes one indentation step from every line but the first (which starts at the value itself). */
export function dedent(text: string, options: FormattingOptions): string {
  const unit = indentUnit(options);
  return text
    .split(/\r?\n/)
    .map((line, i) => (i > 0 && line.startsWith(unit) ? line.slice(unit.length) : line))
    .join(options.eol ?? '\n');
}
