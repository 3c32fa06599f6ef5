// Completion from the API's shape: property names at any depth (with a value snippet of the right
// type, in the document's own syntax and dialect) and the allowed values of enums and booleans.
import { completeManifestKey } from './completeManifest';
import { manifestSlotAt } from './kubernetesLookup';
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
import { memberName } from './document/node';
import type { Location } from './document/parsedDocument';
import type { Path } from './document/path';
import type { ValueSnippet } from './formats/format';
import { subjectAt, type TaskDefinitionModel } from './model';
import type { AnalysisOptions } from './options';
import { memberDocumentation } from './hover';
import { enumValues, formatType, requiredMembers, structure, typeAtPath, type TypeRef } from './shape/taskDefinitionShape';
import type { Subject } from './subjects/subject';
import { taskPathOf } from './subjects/taskPath';

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

/** Completion items at a position: references from the account's catalog, else from the API's shape. */
export function completeFromModel(
  doc: TextDocument,
  model: TaskDefinitionModel,
  position: Position,
  capabilities: CompletionCapabilities,
  options: AnalysisOptions,
): CompletionList {
  if (!model.subjects.length || model.document.limited) return EMPTY;
  const offset = doc.offsetAt(position);
  const location = model.format.locate(model.document, offset);
  const subject = location && subjectAt(model, location);
  if (location && subject?.kubernetes) {
    const slot = location.onKey ? undefined : manifestSlotAt(subject, model, options, location.path);
    return slot ? completeManifestKey(doc, model, location, slot, offset, options, capabilities) : EMPTY;
  }
  const path = subject && taskPathOf(subject, location.path);
  if (!location || !subject || !path) return EMPTY;
  const slot = location.onKey ? undefined : referenceSlot(path);
  if (slot) return completeReference(doc, model, subject, location, slot, offset, options, capabilities);
  return location.onKey
    ? completePropertyNames(doc, model, subject, location, path, offset, capabilities)
    : valueItems(doc, model, location, typeAtPath(subject.kind, path), offset, capabilities);
}

function completePropertyNames(
  doc: TextDocument,
  model: TaskDefinitionModel,
  subject: Subject,
  location: Location,
  path: Path,
  offset: number,
  caps: CompletionCapabilities,
): CompletionList {
  const parentType = typeAtPath(subject.kind, path.slice(0, -1));
  if (!parentType || typeof parentType === 'string' || !('structure' in parentType)) return EMPTY;
  const shape = structure(parentType.structure);
  const typing = location.node;
  const present = new Set(
    (location.object?.children ?? []).filter((p) => p.children?.[0] && p.children[0].offset !== typing?.offset).map(memberName),
  );
  // Typing inside an existing key: replace the key token; keep its colon and value if it has them.
  const range: Range = typing
    ? { start: doc.positionAt(typing.offset), end: doc.positionAt(typing.offset + typing.length) }
    : { start: doc.positionAt(offset), end: doc.positionAt(offset) };
  const hasValue = location.hasValue === true;
  const required = new Set(requiredMembers(parentType.structure));
  const { editor } = model.format;
  const indent = lineIndent(model.text, typing?.offset ?? offset);

  const items: CompletionItem[] = [];
  for (const [name, member] of Object.entries(shape.members)) {
    if (present.has(name)) continue;
    const key = subject.dialect.hostName(parentType.structure, name);
    const insert = hasValue ? editor.key(key) : editor.member(key, snippetFor(member.type), caps.snippets, indent);
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: formatType(member.type) + (required.has(name) ? ' (required)' : ''),
      documentation: memberDocumentation(parentType.structure, name, caps.markdown),
      sortText: `${required.has(name) ? '0' : '1'}${key}`,
      filterText: editor.key(key),
      insertTextFormat: caps.snippets && !hasValue ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: insert },
    });
  }
  return { isIncomplete: false, items };
}

function valueItems(
  doc: TextDocument,
  model: TaskDefinitionModel,
  location: Location,
  type: TypeRef | undefined,
  offset: number,
  caps: CompletionCapabilities,
): CompletionList {
  let values: { label: string; text: string }[];
  const { editor } = model.format;
  if (type === 'boolean') values = ['true', 'false'].map((v) => ({ label: v, text: v }));
  else if (type && typeof type !== 'string' && 'enum' in type)
    values = enumValues(type.enum).map((v) => ({ label: v, text: editor.newString(v) }));
  else return EMPTY;
  const node = location.node;
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

/** The kind of value a member's type takes. */
function snippetFor(type: TypeRef): ValueSnippet {
  if (type === 'integer' || type === 'boolean') return { kind: type };
  if (typeof type === 'string') return { kind: 'string' };
  if ('enum' in type) return { kind: 'enum', values: enumValues(type.enum) };
  return { kind: 'list' in type ? 'list' : 'object' };
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}
