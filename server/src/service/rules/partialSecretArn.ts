import { lookupReference } from '../catalogLookup';
import type { Finding } from '../findings';
import type { SecretReference } from '../subjects/subject';
import { isTemplated } from '../template';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';

const LOOKS_LIKE_SUFFIX = /-[A-Za-z0-9]{6}$/;

export const partialSecretArn: SubjectRule = {
  id: 'partial-secret-arn',
  title: 'Secret ARN without its random suffix',
  description:
    'Reports a Secrets Manager ARN that leaves out the six random characters Secrets Manager appends to the name. Such a partial ARN resolves only while exactly one secret matches, and not at all when the name itself ends in a hyphen and six characters (`db-secret`, `test-secret`): Secrets Manager reads those as the suffix, and the task fails at start with AccessDenied or ResourceNotFound. Offline it reports the ARNs whose name cannot end in a suffix (no hyphen and six letters or digits at its end); with the account it also finds the names that only look suffixed, and the quick fix writes the full ARN from the account.',
  // Offline it judges the ARN's own text; the catalog, when there is one, adds the names that only
  // look suffixed and the full ARN for the fix.
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    return ctx.subject.references.flatMap((reference): Finding[] => {
      const lookup = lookupReference(ctx, reference);
      if (lookup.status === 'found') {
        if (!lookup.partial) return [];
        const { entry } = lookup;
        const trap = LOOKS_LIKE_SUFFIX.test(entry.name);
        const full = entry.arn + (reference.secret?.tail ?? '');
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
      }
      // A secret the account does not have is reference-not-found's to report.
      if (lookup.status === 'missing') return [];
      return offlineFindings(ctx, reference);
    });
  },
};

/**
 * A partial ARN known from its text alone: the name cannot end in the suffix, a hyphen and six
 * letters or digits (docs/reference/arns.md#arn-sm-1 and #arn-sm-3). No fix: only the account knows
 * the suffix.
 */
function offlineFindings(ctx: RuleContext, reference: SecretReference): Finding[] {
  // An expression's value is CloudFormation's to fill in; a `Fn::Sub` whose name part is written
  // literally still says enough (its variables stay placeholders, which are not judged).
  if (reference.node.type === 'expression' && !reference.template) return [];
  const arn = reference.secret;
  if (!arn || arn.suffix !== undefined || arn.nameWithSuffix === '' || isTemplated(arn.nameWithSuffix)) return [];
  return [
    {
      ruleId: 'partial-secret-arn',
      severity: 'warning',
      message: `This ARN lacks the random suffix of the secret "${arn.nameWithSuffix}" (a hyphen and six letters or digits after the name); it resolves only while exactly one secret matches. Use the full ARN, as describe-secret or the console shows it.`,
      range: nodeRange(ctx, reference.node),
    },
  ];
}
