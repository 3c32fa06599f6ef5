import { checkParameterName, formatParameterArn, isArn } from '../arn';
import { lookupReference } from '../catalogLookup';
import type { Finding } from '../findings';
import { isTemplated } from '../template';
import { fixList, nodeRange, replaceStringFix, safeFix } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

export const shortParameterName: SubjectRule = {
  id: 'short-parameter-name',
  title: 'Bare SSM parameter name',
  description:
    "Reports a `valueFrom` that is a bare SSM parameter name rather than an ARN. ECS accepts it, but only for a parameter in the task's own region, and the execution role's policy and the console need the ARN anyway. When the account and region are known (from the role ARNs, `awslogs-region`, the signed-in account, or the settings), a quick fix expands the name to the full ARN; with the account's catalog loaded, it is the parameter's real ARN.",
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    const { account, region, partition } = ctx.facts;
    const { references } = ctx.subject;
    for (let i = 0; i < references.length; i++) {
      const reference = references[i];
      const { value } = reference;
      // isArn first: most references are ARNs, which the name check below would refuse too, only slower.
      if (reference.place === 'registryCredentials' || isArn(value) || isTemplated(value)) continue;
      if (checkParameterName(value).length) continue; // arn-malformed reports it (and empty-value an empty one)
      // A missing parameter or a secret's name is reported by the account-aware rules instead.
      const lookup = lookupReference(ctx, reference);
      if (lookup.status === 'missing') continue;
      const arn =
        lookup.status === 'found'
          ? lookup.entry.arn
          : account && region
            ? formatParameterArn(partition, region, account, value)
            : undefined;
      findings.push({
        ruleId: 'short-parameter-name',
        severity: 'information',
        message: arn
          ? `"${value}" is a bare SSM parameter name, read from the task's region only; its ARN is ${arn}.`
          : `"${value}" is a bare SSM parameter name, read from the task's region only; prefer the parameter's full ARN.`,
        range: nodeRange(ctx, reference.node),
        // Safe: the ARN is complete (the catalog's, or built from the known account and region).
        fixes: arn ? fixList(safeFix(replaceStringFix(ctx, reference.node, arn, "Expand to the parameter's ARN"))) : undefined,
      });
    }
    return findings;
  },
};
