import type { Finding } from '../findings';
import { describeStructure } from '../shape/taskDefinitionShape';
import { renderedImageOf } from '../deployment/deployment';
import { describeContainer } from '../subjects/subject';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

export const missingRequired: SubjectRule = {
  id: 'missing-required',
  title: 'Required property missing',
  description:
    "Reports a property that ECS requires and the document lacks: the task's `family` and `containerDefinitions`, each container's `name` and `image` (unless a workflow's render step adds it), and the required members of nested objects (`name` and `valueFrom` of a secret, `logDriver` of a log configuration, ...). Registration fails without them.",
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    return ctx.schemaIssues().flatMap((issue): Finding[] => {
      if (issue.kind !== 'required') return [];
      const container = ctx.subject.containers.find((c) => c.node === issue.object);
      // amazon-ecs-render-task-definition adds the image of the container it names.
      if (container && issue.member === 'image' && renderedImageOf(ctx.options.deployment, container.name)) return [];
      const where = container ? describeContainer(container) : describeStructure(issue.structure);
      return [
        {
          ruleId: 'missing-required',
          severity: 'error',
          message: `"${ctx.subject.dialect.hostName(issue.structure, issue.member)}" is required in ${where}.`,
          range: ctx.range(issue.anchor.offset, issue.anchor.length),
        },
      ];
    });
  },
};
