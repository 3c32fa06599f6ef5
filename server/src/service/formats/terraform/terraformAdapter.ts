// Terraform: `.tf` files, parsed by hclParse.ts over tree-sitter's Terraform grammar and edited by
// hclEditor.ts. The subjects are `aws_ecs_task_definition` resources (subjects/terraform.ts).
import { innermostAt, pathOf } from '../../document/navigate';
import type { DocNode } from '../../document/node';
import type { Location, ParsedDocument } from '../../document/parsedDocument';
import type { FormatAdapter } from '../format';
import { inEmbeddedJson } from './embeddedJson';
import { hclEditor } from './hclEditor';
import { hclComments, parseHcl } from './hclParse';

/** A bare word being typed where a member name goes: alone on its line, or after `{` or `,` in a one-line object. */
const KEY_LINE = /(?:^|[{,])\s*([A-Za-z_][\w-]*)?$/;

function locate(document: ParsedDocument, offset: number): Location | undefined {
  const tree = document.roots[0];
  if (!tree) return undefined;
  const { text } = document;
  const at = innermostAt(tree, offset);
  if (!at) return undefined;
  const property = at.parent?.type === 'property' ? at.parent : undefined;
  if (property && property.children?.[0] === at && at.type === 'string' && offset <= at.offset + at.length) {
    const value = property.children[1];
    return { root: 0, path: pathOf(value ?? at), onKey: true, node: at, object: property.parent, hasValue: value !== undefined };
  }
  if (at.type === 'string' || at.type === 'number' || at.type === 'boolean' || at.type === 'expression') {
    if (offset > at.offset || at.type !== 'expression') return { root: 0, path: pathOf(at), onKey: false, node: at };
  }
  // tree-sitter leaves a half-typed line out of the tree: what it is comes from the text.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  const container = at.type === 'object' || at.type === 'array' ? at : enclosing(at);
  if (!container || inEmbeddedJson(container)) return undefined;
  const typing = KEY_LINE.exec(before);
  if (typing && container.type === 'object' && /^[\w-]*\s*(?:[,}].*)?$/.test(after)) {
    const wordEnd = offset + /^[\w-]*/.exec(after)![0].length;
    const wordStart = lineStart + before.length - (typing[1]?.length ?? 0);
    const word = text.slice(wordStart, wordEnd);
    const node = word ? ({ type: 'string', offset: wordStart, length: word.length, value: word } as DocNode) : undefined;
    return { root: 0, path: [...pathOf(container), word], onKey: true, node, object: container, hasValue: false };
  }
  // `name = ` with nothing after it yet.
  const keyOnly = /^\s*([A-Za-z_][\w-]*)\s*=\s*$/.exec(before);
  if (keyOnly && container.type === 'object' && /^\s*$/.test(after)) {
    return { root: 0, path: [...pathOf(container), keyOnly[1]], onKey: false };
  }
  return undefined;
}

function enclosing(node: DocNode): DocNode | undefined {
  let current = node.parent;
  while (current && current.type !== 'object' && current.type !== 'array') current = current.parent;
  return current;
}

export const terraformAdapter: FormatAdapter = {
  id: 'terraform',
  parse: parseHcl,
  locate,
  comments: (text) => hclComments(parseHcl(text)),
  editor: hclEditor,
};
