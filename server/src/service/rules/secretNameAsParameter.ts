import { secretMeantByName } from '../catalogLookup';
import type { Finding } from '../findings';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

export const secretNameAsParameter: SubjectRule = {
  id: 'secret-name-as-parameter',
  title: 'Secret name where ECS expects a parameter',
  description:
    'Reports a bare `valueFrom` name that belongs to a Secrets Manager secret and to no SSM parameter. ECS reads every bare name from SSM Parameter Store, so the task fails at start ("invalid parameters"); Secrets Manager secrets must be given by ARN. The quick fix writes the secret\'s full ARN.',
  needsCatalog: true,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    return ctx.subject.references.flatMap((reference): Finding[] => {
      const secret = secretMeantByName(ctx, reference);
      if (!secret) return [];
      return [
        {
          ruleId: 'secret-name-as-parameter',
          severity: 'error',
          message: `"${reference.value}" is the name of a Secrets Manager secret, but ECS looks bare names up in SSM Parameter Store; use the secret's ARN.`,
          range: nodeRange(ctx, reference.node),
          fixes: fixList(replaceStringFix(ctx, reference.node, secret.arn, "Use the secret's ARN")),
        },
      ];
    });
  },
};
