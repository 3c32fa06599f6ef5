// Completion of the keys of Kubernetes manifests from the signed-in account: an ExternalSecret's
// `remoteRef.key` / `extract.key` from its store's service and region, a SecretProviderClass
// object's `objectName` from its objectType's. Names only, never anything read from a secret: no
// value, no JSON key. Like completeReference.ts it reads only the snapshot it is handed.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { isRegion } from './arn';
import { indexCatalog } from './catalog';
import type { CompletionCapabilities } from './complete';
import { MAX_REFERENCE_ITEMS, stringEdit, type ReferenceItemData } from './completeReference';
import type { Location } from './document/parsedDocument';
import { describeEntry } from './describeEntry';
import type { KeyKind } from './kubernetesLookup';
import type { TaskDefinitionModel } from './model';
import type { AnalysisOptions } from './options';

const SERVICE = { secret: 'Secrets Manager secret', parameter: 'Parameter Store parameter' } as const;

/** Items for a key slot; `kind` undefined offers both kinds, each labelled. */
export function completeManifestKey(
  doc: TextDocument,
  model: TaskDefinitionModel,
  location: Location,
  slot: { kind?: KeyKind; region?: string },
  offset: number,
  options: AnalysisOptions,
  caps: CompletionCapabilities,
): CompletionList {
  const catalog = options.catalog;
  if (!catalog) return { isIncomplete: false, items: [] };
  const { range, quote, typed: written } = stringEdit(doc, model, location, offset);
  const region =
    slot.region !== undefined && isRegion(slot.region) ? slot.region : slot.region === undefined ? catalog.defaultRegion : undefined;
  // A region that is a placeholder (`${REGION}`) says nothing about where the key is.
  if (!region) return { isIncomplete: false, items: [] };
  const snapshot = catalog.snapshot(region);
  if (!snapshot) return { isIncomplete: true, items: [] };
  const typed = written.toLowerCase();
  const { entries, truncated } = indexCatalog(snapshot).search(typed, MAX_REFERENCE_ITEMS, slot.kind === 'secret');
  const items: CompletionItem[] = entries
    .filter((entry) => slot.kind === undefined || entry.kind === slot.kind)
    .map((entry) => ({
      label: entry.name,
      labelDetails: { description: slot.kind ? undefined : entry.kind === 'secret' ? 'Secrets Manager' : 'Parameter Store' },
      kind: entry.kind === 'secret' ? CompletionItemKind.Constant : CompletionItemKind.Variable,
      detail: `${SERVICE[entry.kind]} in ${snapshot.account}/${snapshot.region}`,
      sortText: `${entry.kind === 'secret' ? 0 : 1}${entry.name}`,
      filterText: quote(entry.name),
      textEdit: { range, newText: quote(entry.name) },
      data: { arn: entry.arn, region: snapshot.region } satisfies ReferenceItemData,
      ...(caps.lazyDocumentation
        ? {}
        : {
            documentation: { kind: caps.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: describeEntry(entry, caps.markdown) },
          }),
    }));
  return { isIncomplete: truncated || !snapshot.complete, items };
}
