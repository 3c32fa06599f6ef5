// Parses Terraform (HCL) into the neutral tree. tree-sitter's Terraform grammar
// (@tree-sitter-grammars/tree-sitter-hcl) keeps every node's range and recovers from errors, so a
// half-typed file still gives a tree around the broken part. The tree is read once with a cursor
// into plain nodes (web-tree-sitter allocates an object per Node access), then converted:
// - a body is an object; an attribute a property; a block a property whose key is the block type
//   and whose labels nest as objects, the way Terraform's JSON syntax writes them
//   (`resource "aws_ecs_task_definition" "web" {}` is `{"resource": {"aws_ecs_task_definition": {"web": {}}}}`);
// - literals, tuples and objects are what JSON's are; `jsonencode(x)` is `x`, since the provider
//   sees the encoded value;
// - a heredoc holding JSON in `container_definitions` is parsed as JSON in place (same offsets),
//   with `${...}` outside JSON strings as expressions;
// - any other expression (`var.x`, `aws_iam_role.exec.arn`, `file(...)`, `for`, a conditional) is
//   an expression node; a template string keeps its literal parts (subjects/expressionValues.ts).
import type { TreeCursor } from 'web-tree-sitter';
import type { DocNode, TemplatePart } from '../../document/node';
import type { Comment, ParsedDocument, SyntaxProblem } from '../../document/parsedDocument';
import { jsonAdapter } from '../json/jsonAdapter';
import { exceededBracketDepth, exceededSize, MAX_HCL_LENGTH } from '../limits';
import { markEmbeddedJson } from './embeddedJson';
import { hclParser } from './hclParser';

/** A tree-sitter node as read once by the cursor. */
interface Syntax {
  type: string;
  start: number;
  end: number;
  named: boolean;
  missing: boolean;
  children: Syntax[];
}

/** Attributes whose string value the AWS provider reads as JSON (the aws_ecs_task_definition resource's documentation). */
const JSON_ATTRIBUTES = new Set(['container_definitions']);

/** Functions whose result is their argument as the provider sees it. */
const TRANSPARENT_FUNCTIONS = new Set(['jsonencode']);

/**
 * What a user reads for a token recovery found missing, by the grammar's name for it; punctuation
 * (`]`, `)`, `}`) is named as it is written.
 */
const MISSING: Record<string, string> = {
  quoted_template_end: 'The closing quote of this string',
  heredoc_identifier: "The heredoc's end marker",
  identifier: 'A name or a value',
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Node = Mutable<DocNode>;

/** The comments of the last text parsed, for the adapter's comments(). */
const commentsOf = new WeakMap<ParsedDocument, Comment[]>();

export function hclComments(document: ParsedDocument): Comment[] {
  return commentsOf.get(document) ?? [];
}

/** Parses a Terraform file; never throws. */
export function parseHcl(text: string): ParsedDocument {
  const limited = exceededSize(text, MAX_HCL_LENGTH) ?? exceededBracketDepth(text);
  if (limited) return { text, format: 'terraform', roots: [], problems: [], limited };
  const parser = hclParser();
  if (!parser) {
    return {
      text,
      format: 'terraform',
      roots: [],
      problems: [{ offset: 0, length: 0, message: 'The Terraform parser is not loaded yet; the file is checked once it is.' }],
    };
  }
  const tree = parser.parse(text);
  if (!tree) return { text, format: 'terraform', roots: [], problems: [] };
  let syntax: Syntax;
  try {
    syntax = read(tree.walk());
  } finally {
    tree.delete();
  }
  const converter = new Converter(text);
  // Around an error tree-sitter may give no body: the root is the ERROR node, or holds one beside
  // the body or instead of it (`resource "a" "b" {` and a half-typed first word).
  const top = syntax.type === 'ERROR' ? [syntax] : syntax.children;
  const items = top.flatMap((c) => (c.type === 'body' ? c.children : c.type === 'ERROR' ? [c] : []));
  const root = converter.body({ type: 'body', start: 0, end: text.length, named: true, missing: false, children: items }, 0, text.length);
  converter.collectProblems(syntax);
  const document: ParsedDocument = { text, format: 'terraform', roots: [root], problems: converter.problems };
  commentsOf.set(document, converter.comments);
  return document;
}

/** The whole tree as plain objects, read with one cursor (iteratively: no recursion limit). */
function read(cursor: TreeCursor): Syntax {
  const make = (): Syntax => ({
    type: cursor.nodeType,
    start: cursor.startIndex,
    end: cursor.endIndex,
    named: cursor.nodeIsNamed,
    missing: cursor.nodeIsMissing,
    children: [],
  });
  const root = make();
  const stack: Syntax[] = [root];
  if (!cursor.gotoFirstChild()) return root;
  for (;;) {
    const node = make();
    stack[stack.length - 1].children.push(node);
    if (cursor.gotoFirstChild()) {
      stack.push(node);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || stack.length === 1) {
        cursor.delete();
        return root;
      }
      stack.pop();
    }
  }
}

class Converter {
  readonly problems: SyntaxProblem[] = [];
  readonly comments: Comment[] = [];
  /**
   * Each block rebuilt from an ERROR node: where its `{` is, and where what recovery could not read
   * starts when the block is closed after all (`resource "a" "b" {`, a half-typed word, `}`).
   */
  private readonly rebuilt: { brace: number; closed: boolean; unread: number }[] = [];

  constructor(private readonly text: string) {}

  private source(s: { start: number; end: number }): string {
    return this.text.slice(s.start, s.end);
  }

  /** A body (of the file or of a block) as an object spanning `offset` to `end`. */
  body(body: Syntax | undefined, offset: number, end: number): Node {
    const object: Node = { type: 'object', offset, length: end - offset, children: [] };
    for (const property of this.items(body?.children ?? [], end)) adopt(object, property);
    return object;
  }

  /**
   * The attributes and blocks among a body's children. Where recovery flattened a block whose end
   * is lost into an ERROR node (`resource "a" "b" {` and what follows it), the block is rebuilt
   * from its type, labels and `{`, with everything after them as its body, up to `end`.
   */
  private items(children: Syntax[], end: number): Node[] {
    const found: Node[] = [];
    for (let i = 0; i < children.length; i++) {
      const item = children[i];
      if (item.type === 'attribute' || item.type === 'block') {
        const property = item.type === 'attribute' ? this.attribute(item) : this.block(item);
        if (property) found.push(property);
      } else if (item.type === 'ERROR') {
        found.push(...this.items(item.children, item.end));
      } else if (item.type === 'identifier') {
        let j = i + 1;
        while (children[j]?.type === 'string_lit') j++;
        if (children[j]?.type !== 'block_start') continue;
        const rest = children.slice(j + 1);
        const body: Syntax = { type: 'body', start: children[j].end, end, named: true, missing: false, children: rest };
        const block: Syntax = { ...body, type: 'block', start: item.start, children: [...children.slice(i, j + 1), body] };
        const property = this.block(block);
        if (property) found.push(property);
        this.rebuilt.push({ brace: children[j].start, closed: closes(this.text, children[j].start, end), unread: rest[0]?.start ?? end });
        break;
      }
    }
    return found;
  }

  private attribute(attribute: Syntax): Node | undefined {
    const [name, equals, expression] = attribute.children;
    if (name?.type !== 'identifier' || !expression) return undefined;
    const key = this.identifier(name);
    const value =
      JSON_ATTRIBUTES.has(key.value as string) && isHeredoc(expression) ? this.jsonHeredoc(expression) : this.expression(expression);
    return property(key, value, attribute, equals?.start);
  }

  private block(block: Syntax): Node | undefined {
    const [type, ...rest] = block.children;
    if (type?.type !== 'identifier') return undefined;
    const open = rest.find((c) => c.type === 'block_start');
    const close = rest.find((c) => c.type === 'block_end');
    if (!open) return undefined;
    const labels = rest.filter((c) => c.type === 'string_lit' || c.type === 'identifier');
    const end = close ? close.end : block.end;
    let value = this.body(
      rest.find((c) => c.type === 'body'),
      open.start,
      end,
    );
    // Labels nest outside in: `resource "a" "b" {}` is resource → a → b → body.
    for (let i = labels.length - 1; i >= 0; i--) {
      const label = labels[i].type === 'identifier' ? this.identifier(labels[i]) : this.stringLiteral(labels[i]);
      const wrapper: Node = { type: 'object', offset: label.offset, length: end - label.offset, children: [] };
      adopt(wrapper, property(label, value, { start: label.offset, end }));
      value = wrapper;
    }
    return property(this.identifier(type), value, { start: block.start, end });
  }

  private identifier(node: Syntax): Node {
    return { type: 'string', offset: node.start, length: node.end - node.start, value: this.source(node) };
  }

  /** An `expression` node (or what stands for one) as a document node. */
  expression(node: Syntax): Node {
    let inner = node;
    // `expression` wraps one child; parentheses wrap another expression.
    while (inner.type === 'expression') {
      const named = inner.children.filter((c) => c.named && c.type !== 'comment');
      if (named.length !== 1) break;
      inner = named[0];
    }
    switch (inner.type) {
      case 'literal_value':
        return this.literal(inner.children.find((c) => c.named) ?? inner);
      case 'collection_value':
        return this.collection(inner.children.find((c) => c.named) ?? inner);
      case 'template_expr':
        return this.template(inner.children.find((c) => c.named) ?? inner, node);
      case 'function_call':
        return this.call(inner, node);
      default:
        return this.opaque(node, inner.type === 'variable_expr' || inner.type === 'expression' ? 'reference' : inner.type);
    }
  }

  private opaque(node: Syntax, fn: string): Node {
    return {
      type: 'expression',
      offset: node.start,
      length: node.end - node.start,
      expression: { syntax: 'terraform', fn, source: this.source(node) },
    };
  }

  private literal(node: Syntax): Node {
    const range = { offset: node.start, length: node.end - node.start };
    const raw = this.source(node);
    switch (node.type) {
      case 'string_lit':
        return this.stringLiteral(node);
      case 'numeric_lit':
        return { type: 'number', ...range, value: Number(raw) };
      case 'bool_lit':
        return { type: 'boolean', ...range, value: raw === 'true' };
      case 'null_lit':
        return { type: 'null', ...range, value: null };
      default:
        return this.opaque(node, node.type);
    }
  }

  private stringLiteral(node: Syntax): Node {
    const content = node.children.filter((c) => c.type === 'template_literal').map((c) => this.source(c));
    return { type: 'string', offset: node.start, length: node.end - node.start, value: unescape(content.join('')) };
  }

  private collection(node: Syntax): Node {
    if (node.type === 'tuple') {
      const array: Node = { type: 'array', offset: node.start, length: node.end - node.start, children: [] };
      for (const element of node.children) if (element.type === 'expression') adopt(array, this.expression(element));
      return array;
    }
    if (node.type === 'object') {
      const object: Node = { type: 'object', offset: node.start, length: node.end - node.start, children: [] };
      const seen = new Set<string>();
      for (const element of node.children) {
        if (element.type !== 'object_elem') continue;
        const [keyNode, separator, valueNode] = element.children;
        const key = keyNode && this.objectKey(keyNode);
        if (!key || !valueNode) continue;
        const name = key.value as string;
        if (seen.has(name)) {
          this.problems.push({
            offset: key.offset,
            length: key.length,
            message: `"${name}" is given twice in this object; only one of the values is kept.`,
          });
        }
        seen.add(name);
        adopt(object, property(key, this.expression(valueNode), element, separator?.start));
      }
      return object;
    }
    return this.opaque(node, node.type);
  }

  /** An object key: a bare name or a string; an expression key (`(var.k) = 1`) names nothing statically. */
  private objectKey(node: Syntax): Node | undefined {
    const key = this.expression(node);
    if (key.type === 'string') return key;
    if (key.type === 'expression' && key.expression?.fn === 'reference' && /^[A-Za-z_][\w-]*$/.test(key.expression.source ?? '')) {
      return { type: 'string', offset: key.offset, length: key.length, value: key.expression.source };
    }
    return undefined;
  }

  /** A quoted template or heredoc: a string when it has no interpolation, else a template expression. */
  private template(node: Syntax, whole: Syntax): Node {
    const parts: TemplatePart[] = [];
    let directive = false;
    for (const child of node.children) {
      if (child.type === 'template_literal') parts.push({ literal: unescape(this.source(child)), source: this.source(child) });
      else if (child.type === 'template_interpolation') parts.push({ source: this.source(child) });
      else if (child.type === 'template_directive') directive = true;
    }
    if (directive) return this.opaque(whole, 'template');
    // `"${x}"` alone is `x` itself (HCL's templates; Terraform 0.11 wrote every expression so).
    const only = node.type === 'quoted_template' && parts.length === 1 && parts[0].literal === undefined;
    const inner = only
      ? node.children.find((c) => c.type === 'template_interpolation')?.children.find((c) => c.type === 'expression')
      : undefined;
    if (inner) return this.expression(inner);
    const range = { offset: whole.start, length: whole.end - whole.start };
    if (node.type === 'heredoc_template') {
      // The grammar's literal parts leave out some white space; the value is what is between the markers.
      if (parts.every((p) => p.literal !== undefined)) {
        const { text } = this.heredocBody(node);
        const indented = node.children.some((c) => c.type === 'heredoc_start' && this.source(c) === '<<-');
        return { type: 'string', ...range, value: indented ? stripIndent(text) : text };
      }
      return this.opaque(whole, 'template');
    }
    if (parts.every((p) => p.literal !== undefined)) return { type: 'string', ...range, value: parts.map((p) => p.literal).join('') };
    return { type: 'expression', ...range, expression: { syntax: 'terraform', fn: 'template', source: this.source(whole), parts } };
  }

  private call(node: Syntax, whole: Syntax): Node {
    const name = node.children.find((c) => c.type === 'identifier');
    const fn = name ? this.source(name) : '';
    const args = node.children.find((c) => c.type === 'function_arguments');
    const argumentNodes = args?.children.filter((c) => c.type === 'expression') ?? [];
    if (TRANSPARENT_FUNCTIONS.has(fn) && argumentNodes.length === 1) return this.expression(argumentNodes[0]);
    const call = this.opaque(whole, fn);
    call.children = [];
    for (const argument of argumentNodes) adopt(call, this.expression(argument));
    return call;
  }

  /** The text between a heredoc's markers, and where it starts. */
  private heredocBody(node: Syntax): { text: string; offset: number } {
    const markers = node.children.filter((c) => c.type === 'heredoc_identifier');
    const opening = markers[0];
    const closing = markers[1];
    const start = opening ? this.text.indexOf('\n', opening.end) + 1 || opening.end : node.start;
    const end = closing ? this.text.lastIndexOf('\n', closing.start - 1) + 1 : node.end;
    return { text: this.text.slice(start, Math.max(start, end)), offset: start };
  }

  /**
   * `container_definitions = <<EOF [...] EOF`: the heredoc's JSON, parsed where it stands. An
   * interpolation outside a JSON string (`"cpu": ${var.cpu}`) is blanked to a number of the same
   * length for the JSON parser and then made the expression it is; one inside a string makes the
   * string a template. A heredoc with `%{}` directives is not JSON until rendered.
   */
  private jsonHeredoc(expression: Syntax): Node {
    const template = findFirst(expression, 'heredoc_template')!;
    if (template.children.some((c) => c.type === 'template_directive')) return this.opaque(expression, 'template');
    const body = this.heredocBody(template);
    const interpolations = template.children.filter((c) => c.type === 'template_interpolation');
    const masked = maskInterpolations(body.text, body.offset, interpolations);
    const parsed = jsonAdapter.parse(masked.text);
    for (const problem of parsed.problems) {
      this.problems.push({
        ...problem,
        offset: body.offset + problem.offset,
        message: `In the container_definitions JSON: ${problem.message}`,
      });
    }
    const json = parsed.roots[0] as Node | undefined;
    if (!json) return this.opaque(expression, 'template');
    this.embed(json, body.offset, masked.blanked);
    markEmbeddedJson(json);
    return json;
  }

  /** Moves a JSON tree parsed from a slice to the host text's offsets, and restores what was masked. */
  private embed(root: Node, shift: number, blanked: Map<number, number>): void {
    const stack: Node[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      node.offset += shift;
      if (node.colonOffset !== undefined) node.colonOffset += shift;
      const interpolation = node.type === 'number' ? blanked.get(node.offset) : undefined;
      if (interpolation !== undefined) {
        // The number stood for the whole `${...}`, but the JSON parser's node covers only its `0`.
        node.type = 'expression';
        node.length = interpolation;
        const parent = node.parent as Node | undefined;
        if (parent?.type === 'property') parent.length = node.offset + node.length - parent.offset;
        node.expression = { syntax: 'terraform', fn: 'reference', source: this.text.slice(node.offset, node.offset + node.length) };
        delete node.value;
      } else if (node.type === 'string' && (node.value as string).includes('${')) {
        const parts = templateParts(node.value as string);
        if (parts.some((p) => p.literal === undefined)) {
          node.type = 'expression';
          node.expression = { syntax: 'terraform', fn: 'template', source: this.text.slice(node.offset, node.offset + node.length), parts };
        }
      }
      for (const child of node.children ?? []) stack.push(child as Node);
    }
  }

  /** Syntax problems where tree-sitter recovered (ERROR and MISSING nodes), and the comments. */
  collectProblems(root: Syntax): void {
    const stack: [Syntax, Syntax[]][] = [[root, []]];
    while (stack.length) {
      const [node, ancestors] = stack.pop()!;
      if (node.type === 'comment') {
        this.comments.push({ offset: node.start, length: node.end - node.start, text: this.source(node) });
        continue;
      }
      if (node.type === 'ERROR') {
        const block = this.rebuilt.find(({ brace }) => brace >= node.start && brace < node.end);
        if (block && !block.closed) {
          this.problems.push({ offset: block.brace, length: 1, message: 'This block is never closed: a "}" is missing.' });
        } else {
          const start = block ? block.unread : node.start;
          const token = this.text.slice(start, node.end).split('\n')[0].slice(0, 40);
          this.problems.push({
            offset: start,
            length: Math.max(1, node.end - start),
            message: `"${token}" is not valid HCL here.`,
          });
        }
        continue;
      }
      if (node.missing) {
        // A block's missing `}` is reported at its `{`, where the user can see what is not closed.
        const block = ancestors[ancestors.length - 2];
        const open = node.type === '}' && block?.type === 'block' ? block.children.find((c) => c.type === 'block_start') : undefined;
        // Recovery may take the `}` into an ERROR before it and then miss one: the ERROR is what is wrong.
        if (open && closes(this.text, open.start, block.end)) continue;
        if (open) this.problems.push({ offset: open.start, length: 1, message: 'This block is never closed: a "}" is missing.' });
        else this.problems.push({ offset: node.start, length: 0, message: `${MISSING[node.type] ?? `"${node.type}"`} is missing here.` });
        continue;
      }
      const below = [...ancestors, node];
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i], below]);
    }
    this.comments.sort((a, b) => a.offset - b.offset);
    this.problems.sort((a, b) => a.offset - b.offset);
  }
}

/** Whether the `{` at `open` is closed before `end`, counting braces outside quoted strings. */
function closes(text: string, open: number, end: number): boolean {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < end && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return true;
  }
  return false;
}

function property(key: Node, value: Node | undefined, range: { start: number; end: number }, colonOffset?: number): Node {
  const node: Node = { type: 'property', offset: range.start, length: range.end - range.start, children: [], colonOffset };
  adopt(node, key);
  if (value) adopt(node, value);
  return node;
}

function adopt(parent: Node, child: Node): void {
  child.parent = parent;
  (parent.children as DocNode[]).push(child);
}

function isHeredoc(expression: Syntax): boolean {
  return findFirst(expression, 'heredoc_template') !== undefined && findFirst(expression, 'function_call') === undefined;
}

function findFirst(node: Syntax, type: string): Syntax | undefined {
  if (node.type === type) return node;
  for (const child of node.children) {
    const found = findFirst(child, type);
    if (found) return found;
  }
  return undefined;
}

/** HCL's string escapes, and `$${` / `%%{` for a literal `${` / `%{` (the HCL native syntax specification). */
function unescape(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  return raw.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|\$\$\{|%%\{/g, (match, escape: string | undefined) => {
    if (match === '$${') return '${';
    if (match === '%%{') return '%{';
    if (!escape) return match;
    if (escape[0] === 'u' || escape[0] === 'U') return String.fromCodePoint(parseInt(escape.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' } as Record<string, string>)[escape] ?? match;
  });
}

/**
 * An indented heredoc's (`<<-`) text: the least leading white space of the lines with text is
 * removed from every line (the HCL native syntax specification; its test suite's
 * expressions/heredoc case counts a tab or an em space as one character, like a space).
 */
function stripIndent(text: string): string {
  const lines = text.split('\n');
  const leading = (line: string) => /^[^\S\r\n]*/.exec(line)![0].length;
  const least = Math.min(...lines.filter((line) => /\S/.test(line)).map(leading));
  return Number.isFinite(least) ? lines.map((line) => line.slice(Math.min(least, leading(line)))).join('\n') : text;
}

/** A string's `${...}` interpolations and the literal text between them. */
function templateParts(value: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const pattern = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    if (match.index > last) parts.push({ literal: value.slice(last, match.index), source: value.slice(last, match.index) });
    parts.push({ source: match[0] });
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push({ literal: value.slice(last), source: value.slice(last) });
  return parts;
}

/**
 * The heredoc text with each interpolation outside a JSON string replaced by a number of its length
 * (`0` and spaces), and the host offset and length of each interpolation so masked.
 */
function maskInterpolations(text: string, offset: number, interpolations: Syntax[]): { text: string; blanked: Map<number, number> } {
  const blanked = new Map<number, number>();
  if (!interpolations.length) return { text, blanked };
  let masked = '';
  let at = 0;
  let inString = false;
  for (const interpolation of interpolations) {
    const start = interpolation.start - offset;
    const end = interpolation.end - offset;
    if (start < at || end > text.length) continue;
    inString = stringStateAfter(text, at, start, inString);
    masked += text.slice(at, start);
    if (inString) masked += text.slice(start, end);
    else {
      masked += '0'.padEnd(end - start, ' ');
      blanked.set(interpolation.start, end - start);
    }
    at = end;
  }
  return { text: masked + text.slice(at), blanked };
}

/** Whether the text is inside a JSON string at `end`, given whether it was at `start`. */
function stringStateAfter(text: string, start: number, end: number, inString: boolean): boolean {
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (inString && c === '\\') i++;
    else if (c === '"') inString = !inString;
  }
  return inString;
}
