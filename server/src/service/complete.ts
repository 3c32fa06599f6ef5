// Completion from the API model: property names at any depth (with a value snippet of the right
// type) and the allowed values of enums and booleans.
import { getLocation, findNodeAtLocation, type JSONPath, type Location } from 'jsonc-parser';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver-types';
import { completeReference, referenceSlot } from './completeReference';
import { taskPath, type TaskDefinitionModel } from './model';
import type { AnalysisOptions } from './options';
import { memberDocumentation } from './hover';
import { enumValues, formatType, requiredMembers, structure, typeAtPath, type TypeRef } from './shape/taskDefinitionShape';

/** What the client can show. */
export interface CompletionCapabilities {
  /** The client accepts snippets in completion items. */
  snippets: boolean;
  /** The client renders markdown documentation. */
  markdown: boolean;
  /** The client asks for documentation with completionItem/resolve, so items may come without it. */
  lazyDocumentation?: boolean;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Completion items at a position: references from the account's catalog, else from the API model. */
export function completeFromModel(
  doc: TextDocument,
  model: TaskDefinitionModel,
  position: Position,
  capabilities: CompletionCapabilities,
  options: AnalysisOptions,
): CompletionList {
  if (!model.kind || model.limited) return EMPTY;
  const offset = doc.offsetAt(position);
  const location = getLocation(model.text, offset);
  const path = taskPath(model, location.path);
  if (!path) return EMPTY;
  const slot = location.isAtPropertyKey ? undefined : referenceSlot(path);
  if (slot) return completeReference(doc, model, location, slot, offset, options, capabilities);
  return location.isAtPropertyKey
    ? completePropertyNames(doc, model, location, path, offset, capabilities)
    : valueItems(doc, location, typeAtPath(model.kind, path), offset, capabilities);
}

function completePropertyNames(
  doc: TextDocument,
  model: TaskDefinitionModel,
  location: Location,
  path: JSONPath,
  offset: number,
  caps: CompletionCapabilities,
): CompletionList {
  const parentType = typeAtPath(model.kind!, path.slice(0, -1));
  if (!parentType || typeof parentType === 'string' || !('structure' in parentType)) return EMPTY;
  const shape = structure(parentType.structure);
  const objectPath = location.path.slice(0, -1);
  const object = model.root && (objectPath.length ? findNodeAtLocation(model.root, objectPath) : model.root);
  const typing = location.previousNode?.type === 'property' ? location.previousNode : undefined;
  const present = new Set(
    (object?.children ?? [])
      .map((p) => p.children?.[0])
      .filter((k) => k && k !== typing)
      .map((k) => k!.value as string),
  );
  // Typing inside an existing key: replace the key token; keep its colon and value if it has them.
  const range: Range = typing
    ? { start: doc.positionAt(typing.offset), end: doc.positionAt(typing.offset + typing.length) }
    : { start: doc.positionAt(offset), end: doc.positionAt(offset) };
  const hasValue =
    typing !== undefined && /^\s*:/.test(model.text.slice(typing.offset + typing.length, typing.offset + typing.length + 200));
  const required = new Set(requiredMembers(parentType.structure));

  const items: CompletionItem[] = [];
  for (const [name, member] of Object.entries(shape.members)) {
    if (present.has(name)) continue;
    const insert = hasValue ? JSON.stringify(name) : `${JSON.stringify(name)}: ${valueSnippet(member.type, caps.snippets)}`;
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: formatType(member.type) + (required.has(name) ? ' (required)' : ''),
      documentation: memberDocumentation(parentType.structure, name, caps.markdown),
      sortText: `${required.has(name) ? '0' : '1'}${name}`,
      filterText: JSON.stringify(name),
      insertTextFormat: caps.snippets && !hasValue ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: insert },
    });
  }
  return { isIncomplete: false, items };
}

function valueItems(
  doc: TextDocument,
  location: Location,
  type: TypeRef | undefined,
  offset: number,
  caps: CompletionCapabilities,
): CompletionList {
  let values: { label: string; text: string }[];
  if (type === 'boolean') values = ['true', 'false'].map((v) => ({ label: v, text: v }));
  else if (type && typeof type !== 'string' && 'enum' in type)
    values = enumValues(type.enum).map((v) => ({ label: v, text: JSON.stringify(v) }));
  else return EMPTY;
  const node = location.previousNode;
  const replacing =
    node && (node.type === 'string' || node.type === 'boolean') && offset >= node.offset && offset <= node.offset + node.length;
  const range: Range = replacing
    ? { start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) }
    : { start: doc.positionAt(offset), end: doc.positionAt(offset) };
  const items = values.map(({ label, text }): CompletionItem => ({
    label,
    kind: CompletionItemKind.EnumMember,
    filterText: text,
    textEdit: { range, newText: text },
    documentation:
      caps.markdown && type && typeof type !== 'string' && 'enum' in type
        ? { kind: MarkupKind.Markdown, value: `One of the ${type.enum} values.` }
        : undefined,
  }));
  return { isIncomplete: false, items };
}

/** The value part inserted after a property name: a snippet that fits the member's type. */
function valueSnippet(type: TypeRef, snippets: boolean): string {
  if (!snippets) {
    if (type === 'integer') return '0';
    if (type === 'boolean') return 'false';
    if (typeof type === 'string' || 'enum' in type) return '""';
    return 'list' in type ? '[]' : '{}';
  }
  if (type === 'integer') return '${1:0}';
  if (type === 'boolean') return '${1|true,false|}';
  if (typeof type === 'string') return '"$1"';
  if ('enum' in type) return `"\${1|${enumValues(type.enum).join(',')}|}"`;
  return 'list' in type ? '[$1]' : '{$1}';
}
