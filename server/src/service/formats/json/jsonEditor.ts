// Structural edits of JSON text that touch only what they change: the rest of the file keeps its
// layout, and what is inserted follows the file's own indentation, line endings and the style of
// its neighbours (one-line or multi-line). Multi-step fixes apply each step to the text and get one
// edit that spans what changed (textEdits.ts), so the steps can never overlap.
import { findNodeAtLocation, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import { removeBracketed, scalarSnippet } from '../bracketedEdits';
import type { DocumentEditor, InsertValue, ValueSnippet } from '../format';

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
function nodeAt(text: string, path: JSONPath): Node | undefined {
  const root = parseTree(text);
  return root && (path.length ? findNodeAtLocation(root, path) : root);
}

/** Removes the member or element at `path` with its separating comma; undefined when absent. */
function removeAt(text: string, path: JSONPath): string | undefined {
  const root = parseTree(text);
  if (!root || !path.length) return undefined;
  const node = findNodeAtLocation(root, path);
  if (node) return removeBracketed(text, node.parent?.type === 'property' ? node.parent : node);
  const property = memberWithoutValue(root, path);
  if (!property) return undefined;
  // jsonc-parser's node of a last valueless property runs on to the object's closing brace.
  const key = property.children![0];
  const end = key.offset + key.length + /^\s*:?[ \t]*/.exec(text.slice(key.offset + key.length))![0].length;
  return removeBracketed(text, property, end);
}

/**
 * The property at `path` whose value broken text left out (`"status": ,`), which jsonc-parser's
 * findNodeAtLocation does not find: a fix that removes the member still removes just that member.
 */
function memberWithoutValue(root: Node, path: JSONPath): Node | undefined {
  const key = path[path.length - 1];
  const object = path.length > 1 ? findNodeAtLocation(root, path.slice(0, -1)) : root;
  if (typeof key !== 'string' || object?.type !== 'object') return undefined;
  return object.children?.find((property) => property.children?.length === 1 && property.children[0].value === key);
}

/** Inserts `"key": value` into the object at `path`, at `index` among its members (default: last). */
function insertProperty(text: string, path: JSONPath, key: string, value: unknown, layout: Layout, index?: number): string | undefined {
  const object = nodeAt(text, path);
  if (object?.type !== 'object') return undefined;
  return insertChild(text, object, `${JSON.stringify(key)}: `, value, layout, index);
}

/** Appends `value` to the array at `path`. */
function appendElement(text: string, path: JSONPath, value: unknown, layout: Layout): string | undefined {
  const array = nodeAt(text, path);
  if (array?.type !== 'array') return undefined;
  return insertChild(text, array, '', value, layout);
}

/** Inserts `prefix` + `value` into a bracketed JSON collection (also one embedded in another format's text). */
export function insertChild(
  text: string,
  container: { offset: number; length: number; children?: { offset: number; length: number }[] },
  prefix: string,
  value: unknown,
  layout: Layout,
  index?: number,
): string {
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
class RawJson {
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

export function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Removes one indentation step from every line but the first (which starts at the value itself). */
function dedent(text: string, layout: Layout): string {
  return text
    .split(/\r?\n/)
    .map((line, i) => (i > 0 && line.startsWith(layout.indent) ? line.slice(layout.indent.length) : line))
    .join(layout.eol);
}

/** The JSON text of a string, number or boolean. */
function scalar(value: string | number | boolean): string {
  return JSON.stringify(value);
}

/** Makes the object under `member` the root, moving the outer `tags` inside when it has none. */
function unwrap(text: string, member: string): string | undefined {
  const layout = detectLayout(text);
  const root = parseTree(text);
  const inner = root?.type === 'object' ? root.children?.find((p) => p.children?.[0]?.value === member)?.children?.[1] : undefined;
  if (!root || inner?.type !== 'object') return undefined;
  let next = dedent(text.slice(inner.offset, inner.offset + inner.length), layout);
  if (/\r?\n$/.test(text)) next += layout.eol;
  const tags = findNodeAtLocation(root, ['tags']);
  if (tags && tags.type !== 'null' && !findNodeAtLocation(inner, ['tags'])) {
    // Outer and inner members sit at the same depth, so the tags keep their text and indentation.
    next = insertProperty(next, [], 'tags', new RawJson(text.slice(tags.offset, tags.offset + tags.length)), layout) ?? next;
  }
  return next;
}

/** The value part inserted after a property name: a snippet that fits the member's type. */
function valueSnippet(value: ValueSnippet, snippets: boolean): string {
  const scalar = scalarSnippet(value, snippets);
  if (scalar !== undefined) return scalar;
  if (value.kind === 'string' || value.kind === 'enum') {
    if (!snippets) return '""';
    return value.kind === 'enum' ? `"\${1|${value.values.join(',')}|}"` : '"$1"';
  }
  if (value.kind === 'list') return snippets ? '[$1]' : '[]';
  return snippets ? '{$1}' : '{}';
}

/** JSON's editor: one root, so the root index is always 0. */
export const jsonEditor: DocumentEditor = {
  scalar,
  key: (name) => JSON.stringify(name),
  newString: (value) => JSON.stringify(value),
  sub: (template) => `{ "Fn::Sub": ${JSON.stringify(template)} }`,
  member: (key, value, snippets) => `${JSON.stringify(key)}: ${valueSnippet(value, snippets)}`,
  stringContent: (text, node) => {
    const closed = node.length > 1 && text[node.offset + node.length - 1] === '"';
    return { start: node.offset + 1, end: node.offset + node.length - (closed ? 1 : 0) };
  },
  removeAt: (text, _root, path) => removeAt(text, path),
  insertProperty: (text, _root, path, key, value: InsertValue, index) => insertProperty(text, path, key, value, detectLayout(text), index),
  appendElement: (text, _root, path, value: InsertValue) => appendElement(text, path, value, detectLayout(text)),
  unwrap: (text, _root, member) => unwrap(text, member),
};
