// Structural edits of Terraform text: HCL's own syntax in bodies, object constructors and tuples
// (`key = value`, commas optional between lines), JSON's inside a `container_definitions` heredoc.
// Like the JSON editor, it touches only what it changes and follows the file's indentation.
import { nodeAtPath } from '../../document/navigate';
import type { DocNode } from '../../document/node';
import type { Path } from '../../document/path';
import { removeBracketed, scalarSnippet } from '../bracketedEdits';
import type { DocumentEditor, InsertValue, ValueSnippet } from '../format';
import { detectLayout, insertChild, lineIndent, type Layout } from '../json/jsonEditor';
import { inEmbeddedJson } from './embeddedJson';
import { parseHcl } from './hclParse';

const IDENTIFIER = /^[A-Za-z_][\w-]*$/;

/**
 * A string literal: JSON's escapes are HCL's, and `${` / `%{` would start an interpolation or a
 * directive (in a quoted string and in a heredoc alike), so they are doubled.
 */
function quote(value: string): string {
  return JSON.stringify(value).replace(/([$%])\{/g, '$1$1{');
}

function scalar(value: string | number | boolean, replacing?: DocNode): string {
  if (typeof value !== 'string') return String(value);
  // A template's rewritten source (subjects/expressionValues.ts) is written back as it stands.
  if (replacing?.type === 'expression' && replacing.expression?.fn === 'template') return `"${value}"`;
  return quote(value);
}

function key(name: string, replacing?: DocNode): string {
  if (replacing && inEmbeddedJson(replacing)) return JSON.stringify(name);
  // A key written in quotes stays quoted; a bare one stays bare when it can.
  const quoted = replacing !== undefined && replacing.length !== String(replacing.value).length;
  return IDENTIFIER.test(name) && !quoted ? name : quote(name);
}

/** HCL for a value: flat collections on one line, others one member per line. */
function render(value: InsertValue, indent: string, layout: Layout): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? quote(value) : String(value);
  const flat = Object.values(value).every((v) => typeof v !== 'object' || v === null);
  if (Array.isArray(value)) {
    if (flat) return `[${value.map((v) => render(v, indent, layout)).join(', ')}]`;
    const inner = indent + layout.indent;
    return `[${layout.eol}${value.map((v) => inner + render(v, inner, layout)).join(`,${layout.eol}`)}${layout.eol}${indent}]`;
  }
  const entries = Object.entries(value).map(([k, v]) => [IDENTIFIER.test(k) ? k : quote(k), v] as const);
  if (flat && entries.length <= 3) return `{ ${entries.map(([k, v]) => `${k} = ${render(v, indent, layout)}`).join(', ')} }`;
  const inner = indent + layout.indent;
  return `{${layout.eol}${entries.map(([k, v]) => `${inner}${k} = ${render(v, inner, layout)}`).join(layout.eol)}${layout.eol}${indent}}`;
}

function valueSnippet(value: ValueSnippet, snippets: boolean): string {
  const scalarText = scalarSnippet(value, snippets);
  if (scalarText !== undefined) return scalarText;
  if (value.kind === 'string' || value.kind === 'enum') {
    if (!snippets) return '""';
    return value.kind === 'enum' ? `"\${1|${value.values.join(',')}|}"` : '"$1"';
  }
  if (value.kind === 'list') return snippets ? '[$1]' : '[]';
  return snippets ? '{ $1 }' : '{}';
}

/** The node at `path` in `text`, parsed afresh (the parser is loaded whenever a Terraform document is edited). */
function nodeAt(text: string, path: Path): DocNode | undefined {
  const root = parseHcl(text).roots[0];
  return root && (path.length ? nodeAtPath(root, path) : root);
}

/** True when only blanks are between the start of the line and `offset`. */
function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
}

function removeAt(text: string, path: Path): string | undefined {
  const node = nodeAt(text, path);
  if (!node?.parent) return undefined;
  const target = node.parent.type === 'property' ? node.parent : node;
  if (inEmbeddedJson(target) || !startsLine(text, target.offset)) return removeBracketed(text, target);
  // A member on a line of its own goes with its line (and a comma HCL allows after it).
  const lineStart = text.lastIndexOf('\n', target.offset - 1) + 1;
  const rest = /^,?[ \t]*(\r?\n|$)/.exec(text.slice(target.offset + target.length));
  if (!rest) return removeBracketed(text, target);
  return text.slice(0, lineStart) + text.slice(target.offset + target.length + rest[0].length);
}

/** Inserts into an HCL body, object or tuple: on a line of its own when its neighbours are, else on theirs. */
function insertHcl(text: string, container: DocNode, entry: (indent: string) => string, layout: Layout, index?: number): string {
  const children = container.children ?? [];
  const at = Math.max(0, Math.min(index ?? children.length, children.length));
  const closing = container.offset + container.length - 1;
  const containerIndent = lineIndent(text, container.offset);
  if (children.length === 0) {
    const inner = containerIndent + layout.indent;
    return `${text.slice(0, container.offset + 1)}${layout.eol}${inner}${entry(inner)}${layout.eol}${containerIndent}${text.slice(closing)}`;
  }
  const neighbour = children[Math.min(at, children.length - 1)];
  const multiline = startsLine(text, neighbour.offset) && text.slice(container.offset, neighbour.offset).includes('\n');
  const comma = container.type === 'array' || !multiline;
  if (multiline) {
    const indent = lineIndent(text, neighbour.offset);
    if (at < children.length) {
      const lineStart = text.lastIndexOf('\n', neighbour.offset - 1) + 1;
      return `${text.slice(0, lineStart)}${indent}${entry(indent)}${comma ? ',' : ''}${layout.eol}${text.slice(lineStart)}`;
    }
    const last = children[children.length - 1];
    const end = last.offset + last.length;
    return `${text.slice(0, end)}${comma ? ',' : ''}${layout.eol}${indent}${entry(indent)}${text.slice(end)}`;
  }
  if (at < children.length) return `${text.slice(0, neighbour.offset)}${entry('')}, ${text.slice(neighbour.offset)}`;
  const last = children[children.length - 1];
  const end = last.offset + last.length;
  return `${text.slice(0, end)}, ${entry('')}${text.slice(end)}`;
}

function insertProperty(text: string, path: Path, name: string, value: InsertValue, index?: number): string | undefined {
  const object = nodeAt(text, path);
  if (object?.type !== 'object') return undefined;
  const layout = detectLayout(text);
  if (inEmbeddedJson(object)) return insertChild(text, object, `${JSON.stringify(name)}: `, value, layout, index);
  const written = IDENTIFIER.test(name) ? name : quote(name);
  return insertHcl(text, object, (indent) => `${written} = ${render(value, indent, layout)}`, layout, index);
}

function appendElement(text: string, path: Path, value: InsertValue): string | undefined {
  const array = nodeAt(text, path);
  if (array?.type !== 'array') return undefined;
  const layout = detectLayout(text);
  if (inEmbeddedJson(array)) return insertChild(text, array, '', value, layout);
  return insertHcl(text, array, (indent) => render(value, indent, layout), layout);
}

/** Terraform's editor: one root per file. */
export const hclEditor: DocumentEditor = {
  scalar,
  key,
  newString: quote,
  // CloudFormation's Fn::Sub has no Terraform form; a template string is what comes closest.
  sub: (template) => `"${template}"`,
  member: (name, value, snippets) => `${IDENTIFIER.test(name) ? name : quote(name)} = ${valueSnippet(value, snippets)}`,
  stringContent: (text, node) => {
    const closed = node.length > 1 && text[node.offset + node.length - 1] === '"';
    return { start: node.offset + 1, end: node.offset + node.length - (closed ? 1 : 0) };
  },
  removeAt: (text, _root, path) => removeAt(text, path),
  insertProperty: (text, _root, path, name, value, index) => insertProperty(text, path, name, value, index),
  appendElement: (text, _root, path, value) => appendElement(text, path, value),
  // Describe output is never written in Terraform.
  unwrap: () => undefined,
};
