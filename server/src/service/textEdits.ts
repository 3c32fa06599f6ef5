// The one text edit a fix becomes, whatever the format: fixes build the whole new text through the
// format's editor, and this turns it into the smallest edit of whole lines.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

/**
 * The single edit that turns the document's text into `next`: the span between their common prefix
 * and suffix, widened to whole lines so that clients show (and snippets hold) readable text.
 */
export function diffEdit(doc: TextDocument, next: string): TextEdit | undefined {
  const text = doc.getText();
  if (text === next) return undefined;
  let start = 0;
  const max = Math.min(text.length, next.length);
  while (start < max && text.charCodeAt(start) === next.charCodeAt(start)) start++;
  while (start > 0 && text[start - 1] !== '\n') start--;
  let end = 0;
  while (end < max - start && text.charCodeAt(text.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  // Never end between \r and \n: LSP positions cannot address it.
  while (end > 0 && text[text.length - end - 1] !== '\n') end--;
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(text.length - end) },
    newText: next.slice(start, next.length - end),
  };
}
