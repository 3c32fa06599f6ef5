import { closestNames } from '../closestName';
import type { Finding } from '../findings';
import { describeStructure, structure } from '../shape/taskDefinitionShape';
import { nodeRange, replaceNodeFix } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

export const unknownProperty: SubjectRule = {
  id: 'unknown-property',
  title: 'Property not in the ECS API',
  description:
    'Reports a property that the RegisterTaskDefinition API does not have at that place, such as `containerDefinition` for `containerDefinitions` or `ContainerPort` for `containerPort`. The AWS CLI refuses the whole request with "Unknown parameter", and other tools silently drop the property. The message suggests the closest real name, and a quick fix renames it.',
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    for (const issue of ctx.schemaIssues()) {
      if (issue.kind !== 'unknown') continue;
      const name = issue.key.value as string;
      const { dialect } = ctx.subject;
      const names = Object.keys(structure(issue.structure).members).map((m) => dialect.hostName(issue.structure, m));
      const [best] = closestNames(name, names);
      const where = describeStructure(issue.structure);
      findings.push({
        ruleId: 'unknown-property',
        severity: 'warning',
        message: best
          ? `"${name}" is not a property of ${where}. Did you mean "${best}"?`
          : `"${name}" is not a property of ${where}; ${dialect.id === 'terraform' ? 'the AWS provider drops it without a word' : 'the AWS CLI rejects the request'}.`,
        range: nodeRange(ctx, issue.key),
        fixes: best ? [replaceNodeFix(ctx, issue.key, ctx.editor.key(best, issue.key), `Rename to "${best}"`)] : undefined,
      });
    }
    return findings;
  },
};
