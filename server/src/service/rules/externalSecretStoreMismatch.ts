import type { Finding } from '../findings';
import { kindOfService, knownStores, lookupKey, manifestKeys } from '../kubernetesLookup';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import type { SubjectRule } from './rule';

const SERVICE_NAMES = { secret: 'Secrets Manager', parameter: 'Parameter Store' } as const;

export const externalSecretStoreMismatch: SubjectRule = {
  id: 'external-secret-store-mismatch',
  title: 'Key of the other service than the store',
  description:
    "Reports an ExternalSecret key that the store's service does not have but the other one does: a Parameter Store path read through a `SecretsManager` store, or a secret name through a `ParameterStore` store. The External Secrets Operator asks the store's service only, so the secret never syncs and the pod waits for it. When the workspace has stores of the right service, a quick fix points `secretStoreRef` at each of them.",
  needsCatalog: true,
  appliesTo: ['externalSecret'],
  check(ctx) {
    const findings: Finding[] = [];
    const stores = knownStores(ctx.model, ctx.options);
    for (const key of manifestKeys(ctx.subject, ctx.model, ctx.options)) {
      if (!key.store?.service || key.key.startsWith('arn:')) continue;
      const kind = kindOfService(key.store.service);
      const other = kind === 'secret' ? 'parameter' : 'secret';
      if (lookupKey(ctx.options, kind, key.region, key.key).status !== 'missing') continue;
      if (lookupKey(ctx.options, other, key.region, key.key).status !== 'found') continue;
      const wanted = other === 'secret' ? 'SecretsManager' : 'ParameterStore';
      const candidates = stores.filter(
        (s) => s.service === wanted && s.kind === key.store!.kind && s.name && (s.region ?? key.region) === key.region,
      );
      const refNode = key.storeRef?.node;
      findings.push({
        ruleId: 'external-secret-store-mismatch',
        severity: 'error',
        message: `"${key.key}" is in ${SERVICE_NAMES[other]}, but ${key.store.kind} "${key.store.name}" reads ${SERVICE_NAMES[kind]}; the External Secrets Operator will not find it there.${candidates.length ? ` ${candidates.map((s) => `"${s.name}"`).join(', ')} ${candidates.length === 1 ? 'reads' : 'read'} ${SERVICE_NAMES[other]}.` : ` Use a store with service: ${wanted}.`}`,
        range: nodeRange(ctx, key.node),
        fixes:
          refNode?.type === 'string'
            ? fixList(...candidates.map((s) => replaceStringFix(ctx, refNode, s.name!, `Use store "${s.name}"`, candidates.length === 1)))
            : undefined,
      });
    }
    return findings;
  },
};
