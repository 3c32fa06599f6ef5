// Structural edits of JSON text that touch only what they change: the rest of the file keeps its
// layout, and what is inserted follows the file's own indentation, line endings and the style of
// its neighbours (one-line or multi-line). Multi-step fixes apply each step to the text and return
// one edit that spans what changed, so the steps can never overlap.
import { findNodeAtLocation, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

/** How a document lays out JSON. */
export interface Layout {
  /** One indentation step: a tab or some spaces. */
  indent: string;
  eol: string;
}

/** The indentation and line ending a document already uses; two spaces and LF when it shows none. */
export function detectLayout(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let spaces = 0;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  for (const match of sample.matchAll(/\n([ \t]+)\S/g)) {
    const indent = match[1];
    if (indent.startsWith('\t')) return { indent: '\t', eol };
    if (spaces === 0 || indent.length < spaces) spaces = indent.length;
    if (spaces <= 2) break;
  }
  return { indent: ' '.repeat(spaces || 2), eol };
}

/** The node at `path` in `text`, parsed afresh. */
export function nodeAt(text: string, path: JSONPath): Node | undefined {
  const root = parseTree(text);
  return root && (path.length ? findNodeAtLocation(root, path) : root);
}

/** Removes the member or element at `path` with its separating comma; undefined when absent. */
export function removeAt(text: string, path: JSONPath): string | undefined {
  const node = nodeAt(text, path);
  if (!node?.parent) return undefined;
  const target = node.parent.type === 'property' ? node.parent : node;
  const container = target.parent!;
  const siblings = container.children!;
  const index = siblings.indexOf(target);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  // The next sibling takes the removed one's place (and indentation); a last one takes the comma before it.
  if (next) return text.slice(0, target.offset) + text.slice(next.offset);
  if (previous) return text.slice(0, previous.offset + previous.length) + text.slice(target.offset + target.length);
  return text.slice(0, container.offset + 1) + text.slice(container.offset + container.length - 1);
}

/** Inserts `"key": value` into the object at `path`, at `index` among its members (default: last). */
export function insertProperty(
  text: string,
  path: JSONPath,
  key: string,
  value: unknown,
  layout: Layout,
  index?: number,
): string | undefined {
  const object = nodeAt(text, path);
  if (object?.type !== 'object') return undefined;
  return insertChild(text, object, `${JSON.stringify(key)}: `, value, layout, index);
}

/** Appends `value` to the array at `path`. */
export function appendElement(text: string, path: JSONPath, value: unknown, layout: Layout): string | undefined {
  const array = nodeAt(text, path);
  if (array?.type !== 'array') return undefined;
  return insertChild(text, array, '', value, layout);
}

function insertChild(text: string, container: Node, prefix: string, value: unknown, layout: Layout, index?: number): string {
  const children = container.children ?? [];
  const at = Math.max(0, Math.min(index ?? children.length, children.length));
  const containerIndent = lineIndent(text, container.offset);
  if (children.length === 0) {
    const inner = containerIndent + layout.indent;
    const entry = prefix + formatValue(value, inner, layout, false);
    return `${text.slice(0, container.offset + 1)}${layout.eol}${inner}${entry}${layout.eol}${containerIndent}${text.slice(container.offset + container.length - 1)}`;
  }
  const neighbour = children[Math.min(at, children.length - 1)];
  const neighbourText = text.slice(neighbour.offset, neighbour.offset + neighbour.length);
  const multiline = lineOf(text, neighbour.offset) !== lineOf(text, container.offset);
  const indent = multiline ? lineIndent(text, neighbour.offset) : '';
  const entry = prefix + formatValue(value, indent, layout, !neighbourText.includes('\n'), neighbourText);
  const separator = multiline ? `,${layout.eol}${indent}` : ', ';
  if (at < children.length) {
    const before = children[at];
    return text.slice(0, before.offset) + entry + separator + text.slice(before.offset);
  }
  const last = children[children.length - 1];
  const end = last.offset + last.length;
  return text.slice(0, end) + separator + entry + text.slice(end);
}

/** JSON text to insert as it is, e.g. a member moved from elsewhere in the document. */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * JSON for `value`: a flat object or array goes on one line when its neighbour does (`{ "a": 1 }`
 * or `{"a":1}`, as the neighbour spaces it); anything else is indented.
 */
function formatValue(value: unknown, indent: string, layout: Layout, oneLine: boolean, neighbour = ''): string {
  if (value instanceof RawJson) return value.text;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const flat = Object.values(value).every((v) => typeof v !== 'object' || v === null);
  if (oneLine && flat) {
    const compact = JSON.stringify(value);
    const spaced = /^[{[]\s/.test(neighbour) || /:\s/.test(neighbour);
    if (!spaced) return compact;
    return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  }
  return JSON.stringify(value, null, layout.indent)
    .split('\n')
    .join(layout.eol + indent);
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

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

/** Removes one indentation step from every line but the first (which starts at the value itself). */
export function dedent(text: string, layout: Layout): string {
  return text
    .split(/\r?\n/)
    .map((line, i) => (i > 0 && line.startsWith(layout.indent) ? line.slice(layout.indent.length) : line))
    .join(layout.eol);
}
