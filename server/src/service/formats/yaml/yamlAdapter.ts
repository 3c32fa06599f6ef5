// YAML: `register-task-definition --cli-input-yaml` input, `describe-task-definition --output yaml`
// output and CloudFormation templates, parsed by yamlParse.ts and edited by yamlEditor.ts.
import { innermostAt, pathOf } from '../../document/navigate';
import type { DocNode } from '../../document/node';
import type { Location, ParsedDocument } from '../../document/parsedDocument';
import type { FormatAdapter } from '../format';
import { yamlEditor } from './yamlEditor';
import { documentStarts, parseYaml, yamlComments } from './yamlParse';

/** A bare word being typed where a key goes (`    imag|`), with nothing but indentation and dashes before it. */
const KEY_LINE = /^(\s*(?:-\s+)*)([A-Za-z_][\w-]*)?$/;

function locate(document: ParsedDocument, offset: number): Location | undefined {
  const { text } = document;
  const starts = documentStarts.get(document) ?? [];
  let root = 0;
  while (root + 1 < starts.length && starts[root + 1] <= offset) root++;
  const tree = document.roots[root];
  if (!tree) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  const typingKey = KEY_LINE.exec(before);
  if (typingKey && /^[\w-]*\s*$/.test(after) && !after.includes(':')) {
    const column = typingKey[1].length;
    const wordEnd = offset + /^[\w-]*/.exec(after)![0].length;
    const word = text.slice(lineStart + column, wordEnd);
    const node = word ? ({ type: 'string', offset: lineStart + column, length: word.length, value: word } as DocNode) : undefined;
    const owner = ownerOfNewKey(text, tree, lineStart, column, typingKey[1].includes('-'));
    if (!owner) return undefined;
    return { root, path: [...owner.path, word], onKey: true, node, object: owner.object, hasValue: false };
  }
  const at = innermostAt(tree, offset);
  const property = at?.parent?.type === 'property' ? at.parent : undefined;
  if (
    at &&
    property &&
    property.children?.[0] === at &&
    at.offset + at.length >= offset &&
    !text.slice(at.offset, at.offset + at.length).includes('\n')
  ) {
    const hasValue = /^\s*:/.test(text.slice(at.offset + at.length, at.offset + at.length + 200));
    return { root, path: pathOf(at.parent!.children![1] ?? at), onKey: true, node: at, object: property.parent, hasValue };
  }
  // After `key: ` with nothing typed yet, the value is the empty node YAML put at the line's end.
  const keyOnly = /^\s*(?:-\s+)*([^\s:#][^:#]*?):\s*$/.exec(before);
  if (keyOnly && /^\s*$/.test(after)) {
    const key = innermostAt(tree, lineStart + before.indexOf(keyOnly[1]));
    const value = key?.parent?.type === 'property' ? key.parent.children?.[1] : undefined;
    if (key && value) return { root, path: pathOf(value), onKey: false, node: value.type === 'null' ? undefined : value };
  }
  if (!at || at.type === 'object' || at.type === 'array' || at.type === 'property') return undefined;
  return { root, path: pathOf(at), onKey: false, node: at };
}

/**
 * The object a key typed at `column` of the line at `lineStart` belongs to, found from the lines
 * above: the nearest key at the same column is a sibling; a key further left with nothing after its
 * colon is the parent. With `newItem` (the line starts with `- `), it is a new element of a list.
 */
function ownerOfNewKey(
  text: string,
  tree: DocNode,
  lineStart: number,
  column: number,
  newItem: boolean,
): { path: (string | number)[]; object?: DocNode } | undefined {
  const dashColumn = newItem ? text.slice(lineStart).search(/-/) : -1;
  for (let end = lineStart - 1; end > 0;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const match = /^(\s*)((?:-\s+)*)(.*)$/.exec(line)!;
    if ((!match[3].trim() && !match[2]) || match[3].trimStart().startsWith('#')) continue;
    const indent = match[1].length;
    const keyColumn = indent + match[2].length;
    const key = innermostAt(tree, start + keyColumn);
    const property = key?.parent?.type === 'property' && key.parent.children?.[0] === key ? key.parent : undefined;
    if (newItem) {
      if (match[2] && indent === dashColumn && property) {
        const list = property.parent?.parent;
        if (list?.type === 'array') return { path: [...pathOf(list), list.children?.length ?? 0] };
      }
      // The key of the list: further left, or at the dash's own column (a sequence may sit at its
      // key's indentation, `secrets:` over `- name: A`, as kubectl writes it).
      const value = property?.children?.[1];
      const sameColumnList = keyColumn === dashColumn && !match[2] && (!value || value.type === 'array' || value.type === 'null');
      if ((keyColumn < dashColumn || sameColumnList) && property) {
        if (value?.type === 'array') return { path: [...pathOf(value), value.children?.length ?? 0] };
        return { path: [...pathOf(value ?? key!), 0] };
      }
      continue;
    }
    if (keyColumn === column && property) return { path: pathOf(property.parent!), object: property.parent };
    if (keyColumn < column) {
      if (!property) return undefined;
      const value = property.children?.[1];
      if (value?.type === 'object') return { path: pathOf(value), object: value };
      return { path: pathOf(value ?? key!) };
    }
  }
  // Nothing above: a key at the start of the document belongs to its root mapping.
  return column === 0 && !newItem && tree.type === 'object' ? { path: [], object: tree } : undefined;
}

export const yamlAdapter: FormatAdapter = { id: 'yaml', parse: parseYaml, locate, comments: yamlComments, editor: yamlEditor };
