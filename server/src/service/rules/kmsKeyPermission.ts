import { lookupReference } from '../catalogLookup';
import { usesCustomerManagedKey } from '../describeEntry';
import type { Finding } from '../findings';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

export const kmsKeyPermission: SubjectRule = {
  id: 'kms-key-permission',
  title: 'Customer-managed KMS key to decrypt with',
  description:
    "Points out a referenced secret or SecureString parameter that is encrypted with a customer-managed KMS key (as the account's listing reports it). The execution role needs `kms:Decrypt` on that key, which AWS managed keys do not require; without it the task fails at start with AccessDenied. The generated execution role policy includes the key.",
  needsCatalog: true,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    return ctx.subject.references.flatMap((reference): Finding[] => {
      const lookup = lookupReference(ctx, reference);
      if (lookup.status !== 'found' || !usesCustomerManagedKey(lookup.entry)) return [];
      const { entry } = lookup;
      const what = entry.kind === 'secret' ? `The secret "${entry.name}"` : `The parameter "${entry.name}"`;
      return [
        {
          ruleId: 'kms-key-permission',
          severity: 'information',
          message: `${what} is encrypted with the customer-managed KMS key ${entry.kmsKeyId}; the execution role needs kms:Decrypt on that key.`,
          range: nodeRange(ctx, reference.node),
        },
      ];
    });
  },
};
