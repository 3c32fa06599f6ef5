import { closestNames } from '../closestName';
import { findValue } from '../document/navigate';
import { keyOf } from '../document/node';
import type { Finding } from '../findings';
import { fixList, nodeRange, replaceStringFix, safeFix } from './fixBuilders';
import type { SubjectRule } from './rule';

/** What `spec.provider.aws.service` takes (the External Secrets Operator's AWS provider). */
const SERVICES = ['SecretsManager', 'ParameterStore'];

export const externalSecretStoreInvalid: SubjectRule = {
  id: 'external-secret-store-invalid',
  title: 'External Secrets store the operator refuses',
  description:
    'Reports a SecretStore or ClusterSecretStore with the AWS provider that the External Secrets Operator refuses: more than one provider under `spec.provider` (a store has exactly one), or an `aws.service` other than `SecretsManager` or `ParameterStore`. The store never becomes ready, so no ExternalSecret through it syncs. The quick fix corrects a service name that is close to one of the two.',
  needsCatalog: false,
  appliesTo: ['secretStore'],
  check(ctx) {
    const manifest = ctx.subject.kubernetes;
    if (manifest?.kind !== 'store') return [];
    const provider = findValue(findValue(manifest.store.node, 'spec'), 'provider');
    const findings: Finding[] = [];
    const providers = (provider?.children ?? []).filter((p) => p.children?.[1]?.type !== 'null');
    if (providers.length > 1) {
      const names = providers.map((p) => `"${keyOf(p).value as string}"`).join(', ');
      for (const extra of providers.filter((p) => keyOf(p).value !== 'aws')) {
        findings.push({
          ruleId: 'external-secret-store-invalid',
          severity: 'error',
          message: `This store sets ${providers.length} providers (${names}); the External Secrets Operator takes exactly one per store and does not make it ready. Keep "aws" and move the others to stores of their own.`,
          range: nodeRange(ctx, keyOf(extra)),
        });
      }
    }
    const service = findValue(findValue(provider, 'aws'), 'service');
    if (service?.type === 'string' && !SERVICES.includes(service.value as string)) {
      const [closest] = closestNames(service.value as string, SERVICES, 1);
      const fix = closest === undefined ? undefined : replaceStringFix(ctx, service, closest, `Change to "${closest}"`);
      findings.push({
        ruleId: 'external-secret-store-invalid',
        severity: 'error',
        message: `"${service.value as string}" is not a service of the AWS provider; use "SecretsManager" or "ParameterStore".`,
        range: nodeRange(ctx, service),
        fixes: fixList(safeFix(fix)),
      });
    }
    return findings;
  },
};
