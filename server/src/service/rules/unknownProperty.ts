import { closestNames } from '../closestName';
import type { Finding } from '../findings';
import { describeStructure, structure } from '../shape/taskDefinitionShape';
import { nodeRange } from './fixBuilders';
import type { Rule } from './rule';

export const unknownProperty: Rule = {
  id: 'unknown-property',
  title: 'Property not in the ECS API',
  description:
    'Reports a property that the RegisterTaskDefinition API does not have at that place, such as `containerDefinition` for `containerDefinitions` or `ContainerPort` for `containerPort`. The AWS CLI refuses the whole request with "Unknown parameter", and other tools silently drop the property. The message suggests the closest real name, and a quick fix renames it.',
  needsCatalog: false,
  check(ctx) {
    const findings: Finding[] = [];
    for (const issue of ctx.schemaIssues()) {
      if (issue.kind !== 'unknown') continue;
      const name = issue.key.value as string;
      const [best] = closestNames(name, Object.keys(structure(issue.structure).members));
      const where = describeStructure(issue.structure);
      const oldText = ctx.model.text.slice(issue.key.offset, issue.key.offset + issue.key.length);
      findings.push({
        ruleId: 'unknown-property',
        severity: 'warning',
        message: best
          ? `"${name}" is not a property of ${where}. Did you mean "${best}"?`
          : `"${name}" is not a property of ${where}; the AWS CLI rejects the request.`,
        range: nodeRange(ctx, issue.key),
        fixes: best
          ? [
              {
                kind: 'replaceText',
                title: `Rename to "${best}"`,
                range: nodeRange(ctx, issue.key),
                oldText,
                newText: JSON.stringify(best),
                preferred: true,
              },
            ]
          : undefined,
      });
    }
    return findings;
  },
};
