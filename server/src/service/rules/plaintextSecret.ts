import type { Finding } from '../findings';
import { findArray, findValue, pathOf } from '../document/navigate';
import { describeContainer } from '../subjects/subject';
import { plaintextCredentialReason } from '../plaintextSecretDetection';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';
import { secretsKeys } from './secretsKeys';

export const plaintextSecret: SubjectRule = {
  id: 'plaintext-secret',
  title: 'Credential in plain text',
  description:
    'Reports an `environment` entry whose literal value looks like a credential: its name says so (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, ...) and the value is real rather than a placeholder, or the value has a known credential format (an AWS access key ID, a private key, a JSON Web Token, a bearer token, a URL with a password, a connection string with `Password=`, `Pwd=`, `AccountKey=` or `SharedAccessKey=`) whatever the name. Anyone who can read the task definition can read such a value. The quick fix moves the variable to `secrets`, referencing an SSM parameter you then create; the value is never sent anywhere or shown in the message.',
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    for (const container of ctx.subject.containers) {
      for (const entry of findArray(container.node, 'environment')) {
        const name = findValue(entry, 'name');
        const value = findValue(entry, 'value');
        if (name?.type !== 'string' || value?.type !== 'string') continue;
        const reason = plaintextCredentialReason(name.value, value.value);
        if (!reason) continue;
        findings.push({
          ruleId: 'plaintext-secret',
          severity: 'warning',
          message: `"${name.value}" in ${describeContainer(container)} looks like a credential in plain text (${reason}). Store it in SSM Parameter Store or Secrets Manager and reference it from "secrets".`,
          range: nodeRange(ctx, value),
          fixes: [
            {
              kind: 'moveToSecretsAsParameter',
              title: 'Move to "secrets" (as an SSM parameter)',
              path: pathOf(entry),
              parameterArn: proposedParameterArn(ctx, container.name, name.value),
              keys: secretsKeys(ctx),
            },
          ],
        });
      }
    }
    return findings;
  },
};

/** `arn:…:parameter/<family>/<container>/<NAME>`, as a snippet whose unknown parts are placeholders. */
function proposedParameterArn(ctx: RuleContext, container: string | undefined, name: string): string {
  const { partition, region, account } = ctx.facts;
  const family = findValue(ctx.subject.task, 'family');
  const familyName = family?.type === 'string' && /^[A-Za-z0-9_.-]+$/.test(family.value) ? family.value : 'app';
  const containerName = container && /^[A-Za-z0-9_.-]+$/.test(container) ? container : 'container';
  const safe = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `arn:${partition}:ssm:\${1:${region ?? 'region'}}:\${2:${account ?? '111122223333'}}:parameter/\${3:${familyName}/${containerName}/${safe}}`;
}
