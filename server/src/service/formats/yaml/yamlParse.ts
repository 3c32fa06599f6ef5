// Parses YAML into the neutral tree. The `yaml` package keeps every node's range; its nodes are
// converted the way yaml-language-server converts them into JSON's
// (src/languageservice/parser/ast-converter.ts). A stream's documents become separate roots.
// CloudFormation's short tags become expression nodes; aliases are expression nodes too, so an
// alias bomb is never expanded.
import { isAlias, isMap, isScalar, isSeq, Lexer, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { DocNode, NodeType } from '../../document/node';
import type { AnalysisLimit, Comment, ParsedDocument, SyntaxProblem } from '../../document/parsedDocument';
import { exceededBracketDepth, exceededIndicatorDepth, exceededSize, MAX_NESTING_DEPTH, MAX_YAML_LENGTH } from '../limits';
import { firstDirective } from '../templateDirectives';

/**
 * CloudFormation's short-form tags and the long-form function each stands for (the intrinsic function
 * reference of the CloudFormation user guide; cfn-lint's decode/cfn_yaml.py maps them alike; docs/formats.md).
 */
const SHORT_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Select': 'Fn::Select',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!Split': 'Fn::Split',
  '!Base64': 'Fn::Base64',
  '!GetAZs': 'Fn::GetAZs',
  '!Cidr': 'Fn::Cidr',
  '!And': 'Fn::And',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!Or': 'Fn::Or',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
  '!GetStackOutput': 'Fn::GetStackOutput',
};

/** Where each document of a stream starts, so that a cursor between documents finds its own. */
export const documentStarts = new WeakMap<ParsedDocument, number[]>();

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Parses a YAML stream; never throws. */
export function parseYaml(text: string): ParsedDocument {
  // Flow collections nest with brackets like JSON; block nesting needs indentation, which the size
  // limit bounds, or indicators on one line, which are counted.
  const limited = exceededSize(text, MAX_YAML_LENGTH) ?? exceededBracketDepth(text, true) ?? exceededIndicatorDepth(text);
  if (limited) return { text, format: 'yaml', roots: [], problems: [], limited };
  let documents;
  try {
    documents = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, strict: false });
  } catch (error) {
    // Deep block nesting can exhaust the parser's stack before any limit of ours is reached.
    if (error instanceof RangeError) return { text, format: 'yaml', roots: [], problems: [], limited: tooDeep(MAX_NESTING_DEPTH + 1) };
    throw error;
  }
  const list = Array.isArray(documents) ? documents : [];
  const roots: DocNode[] = [];
  const problems: SyntaxProblem[] = [];
  const starts: number[] = [];
  for (const document of list) {
    for (const error of document.errors) problems.push(toProblem(text, error.pos, error.message, error.code));
    // Unknown tags are CloudFormation's (handled above) or a tool's own: not a reason to refuse a file.
    for (const warning of document.warnings) {
      if (warning.code !== 'TAG_RESOLVE_FAILED') problems.push(toProblem(text, warning.pos, warning.message, warning.code));
    }
    if (document.contents) {
      const root = convert(document.contents as YamlNode, undefined, 0);
      if (root === TOO_DEEP) return { text, format: 'yaml', roots: [], problems: [], limited: tooDeep(MAX_NESTING_DEPTH + 1) };
      if (root) {
        embedProviderObjects(text, root, problems);
        roots.push(root);
        starts.push(document.range[0]);
      }
    }
  }
  const unrendered = problems.length ? firstDirective(text) : undefined;
  const parsed: ParsedDocument = { text, format: 'yaml', roots, problems, ...(unrendered ? { unrendered } : {}) };
  documentStarts.set(parsed, starts);
  return parsed;
}

function toProblem(source: string, pos: [number, number], message: string, code: string): SyntaxProblem {
  const text =
    code === 'DUPLICATE_KEY'
      ? 'This key is already in the mapping; YAML keeps only one of them.'
      : code === 'TAB_AS_INDENT'
        ? 'Tabs are not allowed as indentation in YAML; indent with spaces.'
        : message; // one line, with no position (prettyErrors is off)
  // The parser marks one character of a duplicate key: the whole key is what to look at.
  const length = code === 'DUPLICATE_KEY' ? (/^[^\s:]+/.exec(source.slice(pos[0], pos[0] + 200))?.[0].length ?? 1) : pos[1] - pos[0];
  return { offset: pos[0], length: Math.max(length, 1), message: /[.!?]$/.test(text) ? text : `${text}.` };
}

/**
 * A node with every field present, so that all nodes share one shape (the rules' hot loops stay
 * monomorphic) and nothing is spread or destructured: conversion is most of what YAML costs beyond
 * the parse itself (docs/performance.md).
 */
function make(
  type: NodeType,
  offset: number,
  end: number,
  parent: DocNode | undefined,
  value: string | number | boolean | null | undefined,
  style: DocNode['style'],
  expression?: DocNode['expression'],
): Mutable<DocNode> {
  return {
    type,
    offset,
    length: end - offset,
    value,
    children: undefined,
    parent,
    colonOffset: undefined,
    member: undefined,
    style,
    expression,
  };
}

function styleOf(type: string | undefined): DocNode['style'] {
  return type === 'QUOTE_DOUBLE' ? 'double' : type === 'QUOTE_SINGLE' ? 'single' : type === 'PLAIN' ? 'plain' : 'block';
}

/** Returned (and passed up) when a tree nests deeper than the limit: the document is not analysed. */
const TOO_DEEP = Object.freeze({ type: 'null', offset: 0, length: 0 }) as DocNode;

function tooDeep(depth: number): AnalysisLimit {
  return { kind: 'depth', actual: depth, limit: MAX_NESTING_DEPTH };
}

function convert(node: YamlNode, parent: DocNode | undefined, depth: number): DocNode | undefined {
  if (depth > MAX_NESTING_DEPTH) return TOO_DEEP;
  const tag = node.tag;
  const fn = tag ? SHORT_TAGS[tag] : undefined;
  if (fn) {
    const range = node.range;
    const expression = make('expression', range?.[0] ?? 0, range?.[1] ?? 0, parent, undefined, undefined, { syntax: 'cloudformation', fn });
    const argument = convertUntagged(node, expression, depth + 1);
    if (argument === TOO_DEEP) return TOO_DEEP;
    expression.children = argument ? [argument] : [];
    return expression;
  }
  return convertUntagged(node, parent, depth);
}

function convertUntagged(node: YamlNode, parent: DocNode | undefined, depth: number): DocNode | undefined {
  const range = node.range;
  const start = range?.[0] ?? 0;
  const end = range?.[1] ?? 0;
  if (isScalar(node)) {
    const value = node.value;
    const kind = typeof value;
    if (value === null || value === undefined) return make('null', start, end, parent, null, styleOf(node.type));
    if (kind === 'string') return make('string', start, end, parent, value as string, styleOf(node.type));
    if (kind === 'number' || kind === 'bigint') return make('number', start, end, parent, Number(value), styleOf(node.type));
    if (kind === 'boolean') return make('boolean', start, end, parent, value as boolean, styleOf(node.type));
    return make('string', start, end, parent, String(value), styleOf(node.type));
  }
  if (isMap(node)) {
    const object = make('object', start, end, parent, undefined, node.flow ? 'flow' : undefined);
    const properties: DocNode[] = [];
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key)) continue; // complex keys name no member
      const keyStart = key.range?.[0] ?? 0;
      const keyEnd = key.range?.[1] ?? 0;
      const valueNode = pair.value as YamlNode | null;
      const valueEnd = valueNode?.range?.[1] ?? 0;
      const property = make('property', keyStart, valueEnd > keyEnd ? valueEnd : keyEnd, object, undefined, undefined);
      const keyNode = make('string', keyStart, keyEnd, property, String(key.value), styleOf(key.type));
      const value = valueNode ? convert(valueNode, property, depth + 1) : undefined;
      if (value === TOO_DEEP) return TOO_DEEP;
      property.children = value ? [keyNode, value] : [keyNode];
      properties.push(property);
    }
    object.children = properties;
    return object;
  }
  if (isSeq(node)) {
    const array = make('array', start, end, parent, undefined, node.flow ? 'flow' : undefined);
    const elements: DocNode[] = [];
    for (const item of node.items) {
      const element = item ? convert(item as YamlNode, array, depth + 1) : undefined;
      if (element === TOO_DEEP) return TOO_DEEP;
      if (element) elements.push(element);
    }
    array.children = elements;
    return array;
  }
  if (isAlias(node)) return make('expression', start, end, parent, undefined, undefined, { syntax: 'yaml-alias', fn: 'alias' });
  return undefined;
}

/**
 * The `#` comments of a YAML text, from the yaml package's lexer, whose tokens are the text itself
 * but for one-character control tokens (document, scalar and flow markers) that it adds.
 */
export function yamlComments(text: string): Comment[] {
  const found: Comment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && token.charCodeAt(0) < 0x20 && token !== '\n' && token !== '\t' && token !== '\r') continue;
    if (token.startsWith('#')) found.push({ offset, length: token.length, text: token });
    offset += token.length;
  }
  return found;
}

/**
 * A Secrets Store CSI `SecretProviderClass` of the AWS provider holds its objects as YAML inside a
 * string (`spec.parameters.objects: |`). A literal block scalar is parsed where it stands: its lines
 * are the host's less the block's indentation, so each node's offset maps back line by line, and
 * ranges, completions and fixes land inside the block. Any other string form stays a string.
 */
function embedProviderObjects(text: string, root: DocNode, problems: SyntaxProblem[]): void {
  const objects = providerObjectsNode(root);
  if (!objects || objects.type !== 'string' || objects.style !== 'block' || text[objects.offset] !== '|') return;
  const contentStart = text.indexOf('\n', objects.offset) + 1;
  const end = objects.offset + objects.length;
  if (contentStart <= 0 || contentStart >= end) return;
  const hostLines = text.slice(contentStart, end).split('\n');
  const indent = Math.min(...hostLines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  if (!Number.isFinite(indent)) return;
  // Where each line starts in the stripped text and in the host text.
  const valueStarts: number[] = [];
  const hostStarts: number[] = [];
  let value = '';
  let host = contentStart;
  for (const line of hostLines) {
    const cut = Math.min(indent, /^ */.exec(line)![0].length);
    valueStarts.push(value.length);
    hostStarts.push(host + cut);
    value += `${line.slice(cut)}\n`;
    host += line.length + 1;
  }
  const toHost = (offset: number) => {
    let low = 0;
    let high = valueStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (valueStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    // Past the block's last character (a problem the parser finds at the very end) is its end.
    return Math.min(hostStarts[low] + (offset - valueStarts[low]), end);
  };
  const [document] = parseAllDocuments(value, { uniqueKeys: true, prettyErrors: false, strict: false }) as ReturnType<
    typeof parseAllDocuments
  > &
    unknown[];
  if (!document || !document.contents) return;
  for (const error of document.errors) {
    const problem = toProblem(value, error.pos, error.message, error.code);
    problems.push({ ...problem, offset: toHost(problem.offset), message: `In "objects": ${problem.message}` });
  }
  const embedded = convert(document.contents as YamlNode, objects.parent, 1);
  if (!embedded || embedded === TOO_DEEP) return;
  const stack: Mutable<DocNode>[] = [embedded as Mutable<DocNode>];
  while (stack.length) {
    const node = stack.pop()!;
    const start = toHost(node.offset);
    // The end is mapped from the node's last character: a node that ends with its line ends there,
    // not after the next line's indentation.
    node.length = node.length > 0 ? toHost(node.offset + node.length - 1) + 1 - start : 0;
    node.offset = start;
    for (const child of node.children ?? []) stack.push(child as Mutable<DocNode>);
  }
  const property = objects.parent as Mutable<DocNode>;
  property.children = [property.children![0], embedded];
  embeddedObjects.add(embedded);
}

/** The value node of `spec.parameters.objects` of an AWS SecretProviderClass, if the root is one. */
function providerObjectsNode(root: DocNode): DocNode | undefined {
  const value = (node: DocNode | undefined, key: string) =>
    node?.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;
  if (value(root, 'kind')?.value !== 'SecretProviderClass') return undefined;
  const spec = value(root, 'spec');
  if (value(spec, 'provider')?.value !== 'aws') return undefined;
  return value(value(spec, 'parameters'), 'objects');
}

/** The trees parsed from a block scalar (see embedProviderObjects): edits there keep the block's indentation. */
export const embeddedObjects = new WeakSet<DocNode>();
