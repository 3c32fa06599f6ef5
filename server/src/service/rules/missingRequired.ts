import type { Finding } from '../findings';
import { describeStructure } from '../shape/taskDefinitionShape';
import { describeContainer } from '../model';
import type { Rule } from './rule';

export const missingRequired: Rule = {
  id: 'missing-required',
  title: 'Required property missing',
  description:
    "Reports a property that ECS requires and the document lacks: the task's `family` and `containerDefinitions`, each container's `name` and `image`, and the required members of nested objects (`name` and `valueFrom` of a secret, `logDriver` of a log configuration, ...). Registration fails without them.",
  needsCatalog: false,
  check(ctx) {
    return ctx.schemaIssues().flatMap((issue): Finding[] => {
      if (issue.kind !== 'required') return [];
      const container = issue.structure === 'ContainerDefinition' ? ctx.model.containers.find((c) => c.node === issue.object) : undefined;
      const where = container ? describeContainer(container) : describeStructure(issue.structure);
      return [
        {
          ruleId: 'missing-required',
          severity: 'error',
          message: `"${issue.member}" is required in ${where}.`,
          range: ctx.range(issue.anchor.offset, issue.anchor.length),
        },
      ];
    });
  },
};
