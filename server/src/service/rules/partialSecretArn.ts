import { parseSecretArn } from '../arn';
import { lookupReference } from '../catalogLookup';
import type { Finding } from '../findings';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

const LOOKS_LIKE_SUFFIX = /-[A-Za-z0-9]{6}$/;

export const partialSecretArn: SubjectRule = {
  id: 'partial-secret-arn',
  title: 'Secret ARN without its random suffix',
  description:
    'Reports a Secrets Manager ARN that leaves out the six random characters Secrets Manager appends to the name. Such a partial ARN resolves only while exactly one secret matches, and not at all when the name itself ends in a hyphen and six characters (`db-secret`, `my-apikey1`): Secrets Manager reads those as the suffix, and the task fails at start with AccessDenied or ResourceNotFound. The quick fix writes the full ARN from the account.',
  needsCatalog: true,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    return ctx.subject.references.flatMap((reference): Finding[] => {
      const lookup = lookupReference(ctx, reference);
      if (lookup.status !== 'found' || !lookup.partial) return [];
      const { entry } = lookup;
      const trap = LOOKS_LIKE_SUFFIX.test(entry.name);
      const full = entry.arn + (parseSecretArn(reference.value)?.tail ?? '');
      return [
        {
          ruleId: 'partial-secret-arn',
          severity: 'warning',
          message: trap
            ? `The secret "${entry.name}" ends in "${entry.name.slice(-7)}", which Secrets Manager reads as the random suffix of a full ARN: this partial ARN will not be found at task start. Use the full ARN.`
            : `This ARN lacks the random suffix of the secret "${entry.name}"; it resolves only while exactly one secret matches. Use the full ARN.`,
          range: nodeRange(ctx, reference.node),
          fixes: fixList(replaceStringFix(ctx, reference.node, full, 'Use the full ARN')),
        },
      ];
    });
  },
};
