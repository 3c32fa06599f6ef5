// Completion of secret and parameter ARNs from the signed-in account, and of the account's role ARN
// prefix. It only reads the catalog snapshot it is handed: a completion request never waits on the
// network, and while pages are still arriving the list says it is incomplete so the client asks again.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver-types';
import { isRegion, parseArn } from './arn';
import { indexCatalog } from './catalog';
import type { CompletionCapabilities } from './complete';
import type { Location } from './document/parsedDocument';
import type { Path } from './document/path';
import { describeEntry } from './describeEntry';
import type { TaskDefinitionModel } from './model';
import type { AnalysisOptions } from './options';
import type { Subject } from './subjects/subject';
import { deriveTaskFacts } from './taskFacts';

/** What a reference completion item carries so that its documentation can be resolved later. */
export interface ReferenceItemData {
  arn: string;
  region: string;
}

/** Adds the documentation of a reference item (completionItem/resolve). */
export function resolveReferenceItem(item: CompletionItem, options: AnalysisOptions, markdown: boolean): CompletionItem {
  const data = item.data as ReferenceItemData | undefined;
  const snapshot = data && options.catalog?.snapshot(data.region);
  const entry = snapshot && indexCatalog(snapshot).byArn(data.arn);
  if (!entry) return item;
  return { ...item, documentation: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: describeEntry(entry, markdown) } };
}

/** Where a reference string sits. */
export type ReferenceSlot = 'valueFrom' | 'registryCredentials' | 'role';

/** At most this many entries per request; the client asks again as the user types (isIncomplete). */
export const MAX_REFERENCE_ITEMS = 200;

/** The slot a path (in task coordinates) points at, if it is one that takes a reference. */
export function referenceSlot(path: Path): ReferenceSlot | undefined {
  const n = path.length;
  const last = path[n - 1];
  if (n === 1 && (last === 'executionRoleArn' || last === 'taskRoleArn')) return 'role';
  if (
    last === 'valueFrom' &&
    typeof path[n - 2] === 'number' &&
    (path[n - 3] === 'secrets' || (path[n - 3] === 'secretOptions' && path[n - 4] === 'logConfiguration'))
  ) {
    return 'valueFrom';
  }
  if (last === 'credentialsParameter' && path[n - 2] === 'repositoryCredentials') return 'registryCredentials';
  return undefined;
}

/**
 * Where a completed string goes and how it is written: the whole string contents wherever the
 * cursor is in it; outside a string, a new one at the cursor. A plain YAML scalar has no quotes to
 * keep: it is replaced whole, and quoted only where YAML needs it (a `:json-key::` tail ends in a colon).
 */
export function stringEdit(doc: TextDocument, model: TaskDefinitionModel, location: Location, offset: number) {
  const { editor } = model.format;
  const node = location.node;
  const content = node?.type === 'string' ? editor.stringContent(model.text, node) : undefined;
  const inString = node !== undefined && content !== undefined && offset >= content.start && offset <= node.offset + node.length;
  const keepQuotes = inString && node.style !== 'plain';
  const range: Range = keepQuotes
    ? { start: doc.positionAt(content.start), end: doc.positionAt(content.end) }
    : inString
      ? { start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) }
      : { start: doc.positionAt(offset), end: doc.positionAt(offset) };
  const quote = (text: string) => (keepQuotes ? text : editor.newString(text));
  /** What is typed in the string before the cursor. */
  const typed = inString ? model.text.slice(content.start, offset) : '';
  return { range, quote, inString, content: inString ? content : undefined, typed };
}

/** Completion items for a reference slot. */
export function completeReference(
  doc: TextDocument,
  model: TaskDefinitionModel,
  subject: Subject,
  location: Location,
  slot: ReferenceSlot,
  offset: number,
  options: AnalysisOptions,
  caps: CompletionCapabilities,
): CompletionList {
  const { editor } = model.format;
  const node = location.node;
  const { range, quote, inString, typed } = stringEdit(doc, model, location, offset);
  /** The whole string, quotes included: what an intrinsic replaces. */
  const nodeRange: Range =
    inString && node
      ? { start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) }
      : { start: doc.positionAt(offset), end: doc.positionAt(offset) };
  const facts = deriveTaskFacts(subject, options);

  if (slot === 'role') {
    if (!facts.account) return { isIncomplete: false, items: [] };
    const prefix = `arn:${facts.partition}:iam::${facts.account}:role/`;
    return {
      isIncomplete: false,
      items: [
        {
          label: prefix,
          kind: CompletionItemKind.Value,
          detail: `A role in account ${facts.account}`,
          filterText: quote(prefix),
          insertTextFormat: caps.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          textEdit: { range, newText: quote(caps.snippets ? `${prefix}\${1:ecsTaskExecutionRole}` : prefix) },
        },
      ],
    };
  }

  const catalog = options.catalog;
  if (!catalog) return { isIncomplete: false, items: [] };
  // An ARN typed for another region is completed from that region's catalog (loaded on demand).
  const typedRegion = typed.startsWith('arn:') ? parseArn(`${typed}:::::`)?.region : undefined;
  const region = isRegion(typedRegion) ? typedRegion : (facts.region ?? catalog.defaultRegion);
  const snapshot = catalog.snapshot(region);
  if (!snapshot) return { isIncomplete: true, items: [] };

  const needle = typed.toLowerCase();
  const byArn = needle.startsWith('arn:');
  const { entries: chosen, truncated } = indexCatalog(snapshot).search(needle, MAX_REFERENCE_ITEMS, slot === 'registryCredentials');

  // Documentation comes with completionItem/resolve, for the one item the user looks at, when the
  // client can ask for it that way.
  const items: CompletionItem[] = [];
  for (const entry of chosen) {
    const base: CompletionItem = {
      label: entry.name,
      labelDetails: { description: entry.kind === 'secret' ? 'secret' : (entry.parameterType ?? 'parameter') },
      kind: entry.kind === 'secret' ? CompletionItemKind.Constant : CompletionItemKind.Variable,
      detail: entry.kind === 'secret' ? 'Secrets Manager secret' : `SSM parameter${entry.parameterType ? ` (${entry.parameterType})` : ''}`,
      sortText: `${entry.kind === 'secret' ? 0 : 1}${entry.name}`,
      filterText: quote(byArn ? entry.arn : entry.name),
      textEdit: { range, newText: quote(entry.arn) },
      data: { arn: entry.arn, region: snapshot.region } satisfies ReferenceItemData,
      ...(caps.lazyDocumentation
        ? {}
        : {
            documentation: { kind: caps.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: describeEntry(entry, caps.markdown) },
          }),
    };
    items.push(base);
    if (entry.kind === 'secret' && slot === 'valueFrom' && caps.snippets) {
      items.push({
        ...base,
        label: `${entry.name}:json-key::`,
        labelDetails: { description: 'one JSON key of the secret' },
        sortText: `${base.sortText}~`,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: quote(`${entry.arn}:\${1:json-key}::`) },
      });
    }
    // In a template, the stack's own secret or parameter can be written with its pseudo
    // parameters, so the template deploys unchanged to another account or region.
    if (subject.kind === 'cloudFormation' && entry.accountId === (facts.account ?? catalog.account) && entry.region === region) {
      const arn = parseArn(entry.arn)!;
      const template = `arn:\${AWS::Partition}:${arn.service}:\${AWS::Region}:\${AWS::AccountId}:${arn.resource}`;
      items.push({
        ...base,
        label: `${entry.name} (!Sub)`,
        labelDetails: { description: "with the stack's account and region" },
        sortText: `${base.sortText}~~`,
        filterText: editor.newString(byArn ? entry.arn : entry.name),
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: nodeRange, newText: editor.sub(template) },
      });
    }
  }
  return { isIncomplete: truncated || !snapshot.complete, items };
}
