import { closestNames } from '../closestName';
import { keyOf } from '../document/node';
import type { Finding } from '../findings';
import { enumValues } from '../shape/taskDefinitionShape';
import { fixList, nodeRange, replaceStringFix, safeFix } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

export const invalidEnumValue: SubjectRule = {
  id: 'invalid-enum-value',
  title: 'Value not among the allowed values',
  description:
    'Reports a string that is not one of the values the ECS API allows for that property, such as `networkMode: "default"` or `logDriver: "logentries"`. Values are case-sensitive. The message lists the allowed values, and a quick fix offers the closest one.',
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    for (const issue of ctx.schemaIssues()) {
      if (issue.kind !== 'enum') continue;
      const values = enumValues(issue.enumName);
      const value = issue.node.value as string;
      // The member as the document spells it (CloudFormation's `NetworkMode`, Terraform's `network_mode`).
      const parent = issue.node.parent;
      const written = parent?.type === 'property' ? (keyOf(parent).value as string) : issue.member;
      const close = closestNames(value, values, 2);
      const fix = close.length ? replaceStringFix(ctx, issue.node, close[0], `Change to "${close[0]}"`) : undefined;
      findings.push({
        ruleId: 'invalid-enum-value',
        severity: 'error',
        message: `"${value}" is not a valid ${written}; allowed values: ${values.join(', ')}.`,
        range: nodeRange(ctx, issue.node),
        // Safe only when no other allowed value is close: then there is nothing to choose.
        fixes: fixList(close.length === 1 ? safeFix(fix) : fix),
      });
    }
    return findings;
  },
};
