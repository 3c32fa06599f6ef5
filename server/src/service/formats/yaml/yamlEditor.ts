// Structural edits of YAML text in its own style: a block mapping gets a new line at its keys'
// indentation, a flow mapping stays on its line with a comma, a removed entry takes its whole lines
// with it, and strings keep the quotes they had (or none, where YAML needs none).
import { stringify } from 'yaml';
import type { DocNode } from '../../document/node';
import { nodeAtPath } from '../../document/navigate';
import type { Path } from '../../document/path';
import { removeBracketed, scalarSnippet } from '../bracketedEdits';
import type { DocumentEditor, InsertValue, ValueSnippet } from '../format';
import { parseYaml } from './yamlParse';

/** A string as YAML writes it without quotes where that reads back as the same string, else double-quoted. */
function plainOrQuoted(value: string): string {
  const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  // stringify picks block scalars for multi-line text; a one-line double-quoted form fits every place.
  return text.includes('\n') ? JSON.stringify(value) : text;
}

function scalar(value: string | number | boolean, replacing?: DocNode): string {
  if (typeof value !== 'string') return String(value);
  if (replacing?.style === 'double') return JSON.stringify(value);
  if (replacing?.style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return plainOrQuoted(value);
}

/** The value part after `key:`: on the key's line for scalars, below it for collections (as snippets). */
function valueSnippet(value: ValueSnippet, snippets: boolean, indent: string): string {
  const scalar = scalarSnippet(value, snippets);
  if (scalar !== undefined) return ` ${scalar}`;
  if (value.kind === 'string' || value.kind === 'enum') {
    if (!snippets) return ' ""';
    return value.kind === 'enum' ? ` \${1|${value.values.join(',')}|}` : ' $1';
  }
  if (!snippets) return value.kind === 'list' ? ' []' : ' {}';
  return value.kind === 'list' ? `\n${indent}  - $1` : `\n${indent}  $1`;
}

/** The document's indentation step: the smallest indentation of any line (two spaces when flat). */
function indentStep(text: string): number {
  let step = 0;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  for (const match of sample.matchAll(/\n( +)\S/g)) {
    if (step === 0 || match[1].length < step) step = match[1].length;
    if (step <= 2) break;
  }
  return step || 2;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the line that holds `offset` (its line break included). */
function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

/** What follows the line that holds `offset`, from its line break on (nothing when it is the text's last line). */
function afterLine(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return end === -1 ? '' : eolOf(text) + text.slice(end + 1);
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** True when only indentation and list dashes precede `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
  return /^[\s-]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** A value as flow YAML on one line: `{ name: A, valueFrom: x }`. */
function flow(value: InsertValue): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    if (!Object.keys(value).length) return '{}';
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${plainOrQuoted(k)}: ${flow(v)}`)
      .join(', ')} }`;
  }
  return value === null ? 'null' : scalar(value);
}

/**
 * A value as block YAML lines at `indent` (the lines of an object's members, or of a list's items),
 * or undefined for a scalar or an empty collection, which go after the key on its line.
 */
function block(value: InsertValue, indent: string, step: string, eol: string): string | undefined {
  if (Array.isArray(value)) {
    if (!value.length) return undefined;
    return value
      .map((item) => {
        const inner = block(item, `${indent}  `, step, eol);
        return inner === undefined ? `${indent}- ${flow(item)}` : `${indent}- ${inner.slice(indent.length + 2)}`;
      })
      .join(eol);
  }
  if (value === null || typeof value !== 'object' || !Object.keys(value).length) return undefined;
  return Object.entries(value)
    .map(([k, v]) => entry(k, v, indent, step, eol))
    .join(eol);
}

/** `key: value` at `indent`, the value on the key's line when it is short, else below it. */
function entry(key: string, value: InsertValue, indent: string, step: string, eol: string): string {
  const inner = block(value, indent + step, step, eol);
  return inner === undefined ? `${indent}${plainOrQuoted(key)}: ${flow(value)}` : `${indent}${plainOrQuoted(key)}:${eol}${inner}`;
}

function rootOf(text: string, root: number): DocNode | undefined {
  return parseYaml(text).roots[root];
}

function removeAt(text: string, root: number, path: Path): string | undefined {
  const node = nodeAtPath(rootOf(text, root), path);
  if (!node?.parent) return undefined;
  const target = node.parent.type === 'property' ? node.parent : node;
  const container = target.parent!;
  const siblings = container.children!;
  if (container.style === 'flow') return removeBracketed(text, target);
  const end = target.offset + target.length;
  if (siblings.length === 1 && container.parent?.type === 'property') {
    // The last entry of a block collection: the collection becomes an empty flow one after its key.
    const key = container.parent.children![0];
    const keyEnd = text.indexOf(':', key.offset + key.length) + 1;
    return `${text.slice(0, keyEnd)} ${container.type === 'array' ? '[]' : '{}'}${afterLine(text, end - 1)}`;
  }
  // Block style: the entry's whole lines go (for a list item, from its dash).
  const from = node.parent.type === 'property' && !startsLine(text, target.offset) ? target.offset : lineStartOf(text, target.offset);
  // The item's own dash: before its first character (which may be a number's minus sign).
  const dash = container.type === 'array' ? text.lastIndexOf('-', target.offset - 1) : -1;
  if (dash >= 0 && text.slice(lineStartOf(text, dash), dash).trim() !== '') {
    // An item behind the dash of the item it is in (`- - a`, a list in a list written compactly):
    // the next item moves up into its place, or `[]` is left when it was the only one.
    const next = siblings[siblings.indexOf(target) + 1];
    if (next) return text.slice(0, dash) + text.slice(text.lastIndexOf('-', next.offset - 1));
    return `${text.slice(0, dash)}[]${afterLine(text, end - 1)}`;
  }
  const start = dash >= 0 && startsLine(text, dash) ? lineStartOf(text, dash) : from;
  // A key with more than indentation before it on its line (the first key of a list item,
  // `- name: x`, behind its dash): the next key moves up into its place.
  if (container.type === 'object' && text.slice(lineStartOf(text, target.offset), target.offset).trim() !== '') {
    const next = siblings[siblings.indexOf(target) + 1];
    if (next) return text.slice(0, target.offset) + text.slice(next.offset);
  }
  return text.slice(0, start) + text.slice(lineEndOf(text, Math.max(end - 1, start)));
}

function insertProperty(text: string, root: number, path: Path, key: string, value: InsertValue, index?: number): string | undefined {
  const object = nodeAtPath(rootOf(text, root), path);
  if (object?.type !== 'object') return undefined;
  const eol = eolOf(text);
  const step = ' '.repeat(indentStep(text));
  const children = object.children ?? [];
  const at = Math.max(0, Math.min(index ?? children.length, children.length));
  if (object.style === 'flow' || !children.length) {
    const member = `${plainOrQuoted(key)}: ${flow(value)}`;
    if (!children.length) return `${text.slice(0, object.offset)}{ ${member} }${text.slice(object.offset + object.length)}`;
    if (at < children.length) return text.slice(0, children[at].offset) + `${member}, ` + text.slice(children[at].offset);
    const last = children[children.length - 1];
    return text.slice(0, last.offset + last.length) + `, ${member}` + text.slice(last.offset + last.length);
  }
  const indent = ' '.repeat(columnOf(text, children[0].offset));
  const lines = entry(key, value, indent, step, eol);
  if (at < children.length) {
    const before = children[at];
    if (!startsLine(text, before.offset) || text.slice(lineStartOf(text, before.offset), before.offset).includes('-')) {
      // Before the first key of a list item: the new key takes its place behind the dash.
      return `${text.slice(0, before.offset)}${lines.trimStart()}${eol}${indent}${text.slice(before.offset)}`;
    }
    const start = lineStartOf(text, before.offset);
    return text.slice(0, start) + lines + eol + text.slice(start);
  }
  const last = children[children.length - 1];
  const end = lineEndOf(text, last.offset + last.length - 1);
  const needsBreak = end === text.length && !text.endsWith('\n');
  return text.slice(0, end) + (needsBreak ? eol : '') + lines + (needsBreak ? '' : eol) + text.slice(end);
}

function appendElement(text: string, root: number, path: Path, value: InsertValue): string | undefined {
  const array = nodeAtPath(rootOf(text, root), path);
  if (array?.type !== 'array') return undefined;
  const eol = eolOf(text);
  const step = ' '.repeat(indentStep(text));
  const items = array.children ?? [];
  if (array.style === 'flow' || !items.length) {
    if (!items.length) return `${text.slice(0, array.offset)}[${flow(value)}]${text.slice(array.offset + array.length)}`;
    const last = items[items.length - 1];
    return text.slice(0, last.offset + last.length) + `, ${flow(value)}` + text.slice(last.offset + last.length);
  }
  const last = items[items.length - 1];
  const dash = text.lastIndexOf('-', items[0].offset);
  const indent = ' '.repeat(columnOf(text, dash));
  const inner = block(value, `${indent}  `, step, eol);
  const item = inner === undefined ? `${indent}- ${flow(value)}` : `${indent}- ${inner.slice(indent.length + 2)}`;
  const end = lineEndOf(text, last.offset + last.length - 1);
  const needsBreak = end === text.length && !text.endsWith('\n');
  return text.slice(0, end) + (needsBreak ? eol : '') + item + (needsBreak ? '' : eol) + text.slice(end);
}

/** Lifts the block mapping under the root's `member` to the root, moving the outer `tags` inside when it has none. */
function unwrap(text: string, root: number, member: string): string | undefined {
  const top = rootOf(text, root);
  const wrapper = top?.children?.find((p) => p.children?.[0]?.value === member);
  const inner = wrapper?.children?.[1];
  if (!top || inner?.type !== 'object' || inner.style === 'flow' || !inner.children?.length) return undefined;
  const eol = eolOf(text);
  const depth = columnOf(text, inner.children[0].offset);
  const dedent = (lines: string) =>
    lines
      .split(/\r?\n/)
      .map((line) => (line.slice(0, depth).trim() === '' ? line.slice(depth) : line))
      .join(eol);
  const body = dedent(text.slice(lineStartOf(text, inner.offset), lineEndOf(text, inner.offset + inner.length - 1))).replace(/\r?\n$/, '');
  const tags = top.children?.find((p) => p.children?.[0]?.value === 'tags');
  const carried =
    tags && tags.children?.[1]?.type !== 'null' && !inner.children.some((p) => p.children?.[0]?.value === 'tags')
      ? eol + text.slice(lineStartOf(text, tags.offset), lineEndOf(text, tags.offset + tags.length - 1)).replace(/\r?\n$/, '')
      : '';
  const start = lineStartOf(text, top.offset);
  const end = lineEndOf(text, top.offset + top.length - 1);
  // A text that ended without a line break still does.
  const lastBreak = end === text.length && !text.endsWith('\n') ? '' : eol;
  return text.slice(0, start) + body + carried + lastBreak + text.slice(end);
}

export const yamlEditor: DocumentEditor = {
  scalar,
  key: (name, replacing) => scalar(name, replacing),
  newString: plainOrQuoted,
  sub: (template) => `!Sub ${JSON.stringify(template)}`,
  member: (key, value, snippets, indent) => `${plainOrQuoted(key)}:${valueSnippet(value, snippets, indent)}`,
  stringContent: (text, node) => {
    if (node.style !== 'double' && node.style !== 'single') return { start: node.offset, end: node.offset + node.length };
    const closed = node.length > 1 && text[node.offset + node.length - 1] === (node.style === 'double' ? '"' : "'");
    return { start: node.offset + 1, end: node.offset + node.length - (closed ? 1 : 0) };
  },
  removeAt,
  insertProperty,
  appendElement,
  unwrap,
};
