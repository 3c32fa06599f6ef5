import { closestNames } from '../closestName';
import type { Finding } from '../findings';
import { knownStores } from '../kubernetesLookup';
import type { StoreRef } from '../subjects/kubernetes';
import { isTemplated } from '../template';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import type { SubjectRule } from './rule';

export const externalSecretStoreUnknown: SubjectRule = {
  id: 'external-secret-store-unknown',
  title: 'Unknown External Secrets store',
  description:
    "Reports a `secretStoreRef` (or an entry's `sourceRef.storeRef`) that names no SecretStore or ClusterSecretStore of that kind in the file or the workspace, when the file and the workspace hold stores at all (stores kept in another repository are no mistake). The ExternalSecret would never sync. When a store's name is close, the quick fix changes the reference to it.",
  needsCatalog: false,
  appliesTo: ['externalSecret'],
  check(ctx) {
    const manifest = ctx.subject.kubernetes;
    if (manifest?.kind !== 'externalSecret') return [];
    const stores = knownStores(ctx.model, ctx.options);
    const refs = new Set<StoreRef>([manifest.store, ...manifest.keys.map((k) => k.store)]);
    const findings: Finding[] = [];
    for (const ref of refs) {
      const node = ref.node;
      if (node?.type !== 'string' || !ref.name || isTemplated(ref.name) || stores.length === 0) continue;
      // Any store of that kind and name will do: which of several it is, is not this rule's question.
      if (stores.some((s) => s.kind === ref.kind && s.name === ref.name)) continue;
      const names = [...new Set(stores.filter((s) => s.kind === ref.kind && s.name).map((s) => s.name!))];
      const [closest] = closestNames(ref.name, names, 1);
      const otherKind = ref.kind === 'SecretStore' ? 'ClusterSecretStore' : 'SecretStore';
      const there = names.length ? ` (there ${names.length === 1 ? 'is' : 'are'}: ${names.map((n) => `"${n}"`).join(', ')})` : '';
      const hint = stores.some((s) => s.kind === otherKind && s.name === ref.name)
        ? ` A ${otherKind} has that name: set kind: ${otherKind}.`
        : closest === undefined
          ? ''
          : ` Did you mean "${closest}"?`;
      findings.push({
        ruleId: 'external-secret-store-unknown',
        severity: 'warning',
        message: `No ${ref.kind} is named "${ref.name}" in this file or the workspace${there}; the ExternalSecret would never sync.${hint}`,
        range: nodeRange(ctx, node),
        fixes: closest === undefined ? undefined : fixList(replaceStringFix(ctx, node, closest, `Change to "${closest}"`)),
      });
    }
    return findings;
  },
};
