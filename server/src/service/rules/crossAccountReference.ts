import { isAccountId, isArn } from '../arn';
import type { Finding } from '../findings';
import { usesStackAccount } from '../subjects/expressionValues';
import { ALL_SUBJECTS, type SubjectRule } from './rule';
import { nodeRange } from './fixBuilders';

export const crossAccountReference: SubjectRule = {
  id: 'cross-account-reference',
  title: 'Reference to another account',
  description:
    "Reports a `valueFrom` or `credentialsParameter` ARN in an account other than the task's (the account of `executionRoleArn`, else `taskRoleArn`, else the configured account). An SSM parameter in another account is an error: ECS refuses it at registration, RAM-shared parameters included. A Secrets Manager secret in another account is a warning: it works only with a resource policy on the secret, a customer-managed KMS key, and a key policy that let the execution role read it.",
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const { account, accountSource } = ctx.facts;
    if (!account) return [];
    const source =
      accountSource === 'settings'
        ? 'the configured account'
        : accountSource === 'signed-in'
          ? 'the signed-in account'
          : `the account of ${accountSource}`;
    const findings: Finding[] = [];
    const { references } = ctx.subject;
    for (let i = 0; i < references.length; i++) {
      const reference = references[i];
      // `${AWS::AccountId}` is the stack's own account, whatever the task's is said to be.
      if (!isArn(reference.value) || usesStackAccount(reference.template)) continue;
      const { arn } = reference;
      if (!arn || !isAccountId(arn.account) || arn.account === account) continue;
      if (arn.service === 'ssm') {
        findings.push({
          ruleId: 'cross-account-reference',
          severity: 'error',
          message: `This SSM parameter is in account ${arn.account}, but the task runs in ${account} (${source}); ECS does not read parameters from another account, even shared ones.`,
          range: nodeRange(ctx, reference.node),
        });
      } else if (arn.service === 'secretsmanager') {
        findings.push({
          ruleId: 'cross-account-reference',
          severity: 'warning',
          message: `This secret is in account ${arn.account}, but the task runs in ${account} (${source}); make sure the secret's resource policy allows the execution role and the secret uses a customer-managed KMS key whose key policy allows kms:Decrypt.`,
          range: nodeRange(ctx, reference.node),
        });
      }
    }
    return findings;
  },
};
