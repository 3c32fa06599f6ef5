import type { Finding } from '../findings';
import { manifestKeys } from '../kubernetesLookup';
import { isTemplated } from '../template';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import type { SubjectRule } from './rule';

/** The staging labels Secrets Manager itself moves (the Secrets Manager user guide, "Secret versions"). */
const AWS_LABELS = ['AWSCURRENT', 'AWSPREVIOUS', 'AWSPENDING'];
/** A version id, as the External Secrets Operator's AWS provider reads `uuid/<id>` (its provider documentation). */
const VERSION_ID = /^uuid\/[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

export const externalSecretVersion: SubjectRule = {
  id: 'external-secret-version',
  title: 'ExternalSecret version that will not be found',
  description:
    "Reports a `remoteRef.version` (or `extract.version`) of a Secrets Manager store that the External Secrets Operator will not read as meant: it reads `uuid/<version-id>` as a version id and anything else as a staging label: `v1` or `latest` is looked up as a label, which a secret rarely has (AWSCURRENT, AWSPREVIOUS and AWSPENDING are Secrets Manager's own). (With a Parameter Store store the operator asks for `name:version`, where SSM takes a version number or a label alike, so nothing is judged there.) A staging label of your own is fine: turn the finding off for that line.",
  needsCatalog: false,
  appliesTo: ['externalSecret'],
  check(ctx) {
    const findings: Finding[] = [];
    for (const key of manifestKeys(ctx.subject, ctx.model, ctx.options)) {
      const node = key.version;
      if (node?.type !== 'string' && node?.type !== 'number') continue;
      const version = String(node.value);
      if (version === '' || isTemplated(version)) continue;
      if (key.kind === 'secret') {
        if (AWS_LABELS.includes(version) || VERSION_ID.test(version)) continue;
        const upper = AWS_LABELS.find((l) => l === version.toUpperCase());
        findings.push({
          ruleId: 'external-secret-version',
          severity: 'warning',
          message: `"${version}" is read as a staging label of the secret "${key.key}"; unless you attached that label yourself, it is not found. Use AWSCURRENT, AWSPREVIOUS, AWSPENDING or uuid/<version-id>.`,
          range: nodeRange(ctx, node),
          fixes: upper ? fixList(replaceStringFix(ctx, node, upper, `Change to "${upper}"`)) : undefined,
        });
      }
    }
    return findings;
  },
};
