import type { Finding } from '../findings';
import { findArray, findValue } from '../document/navigate';
import type { DocNode } from '../document/node';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { renderedImageOf } from '../deployment/deployment';
import { describeContainer } from '../subjects/subject';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';

/** `family`, container and volume names: up to 255 letters, digits, `_` and `-` (docs/reference/container-definitions.md#cd-7). */
const NAME_RULE = 'up to 255 letters, digits, "_" and "-"';

export const emptyValue: SubjectRule = {
  id: 'empty-value',
  title: 'Empty value',
  description:
    'Reports `""` (or only whitespace) where ECS needs a value: the task `family`, a container\'s `name` and `image` ("Container.image should not be null or empty"; not where a workflow\'s render step fills the image in, see docs/deployment.md), an `environment` or `secrets` entry\'s `name`, a tag `key`, `dependsOn[].containerName`, a volume\'s `name`, and task-level `cpu` and `memory`. An empty `valueFrom` is an `arn-malformed` finding. Console exports and hand-edited templates leave such values behind; the AWS CLI sends them and ECS rejects the task definition.',
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    const { dialect, task } = ctx.subject;
    const report = (node: DocNode | undefined, what: (blank: string) => string) => {
      if (!isBlank(node)) return;
      const blank = node.value === '' ? 'is empty' : 'holds only whitespace';
      findings.push({ ruleId: 'empty-value', severity: 'error', message: what(blank), range: nodeRange(ctx, node) });
    };

    if (task) {
      const family = dialect.hostName(ROOT_STRUCTURE, 'family');
      report(findValue(task, 'family'), (blank) => `"${family}" ${blank}; ECS needs a family name (${NAME_RULE}).`);
      for (const member of ['cpu', 'memory']) {
        const name = dialect.hostName(ROOT_STRUCTURE, member);
        report(
          findValue(task, member),
          (blank) => `Task-level "${name}" ${blank}; ECS rejects the task definition. Give a value or remove "${name}".`,
        );
      }
      const key = dialect.hostName('Tag', 'key');
      for (const tag of tagsOf(ctx)) {
        report(
          findValue(tag, 'key'),
          (blank) => `A tag's "${key}" ${blank}; ECS rejects the task definition (a tag key has 1 to 128 characters).`,
        );
      }
      const volumeName = dialect.hostName('Volume', 'name');
      findArray(task, 'volumes').forEach((volume, i) =>
        report(
          findValue(volume, 'name'),
          (blank) => `"${volumeName}" of volume #${i + 1} ${blank}; ECS needs a volume name (${NAME_RULE}), which mount points refer to.`,
        ),
      );
    }

    const names = {
      name: dialect.hostName('ContainerDefinition', 'name'),
      image: dialect.hostName('ContainerDefinition', 'image'),
      environment: dialect.hostName('ContainerDefinition', 'environment'),
      secrets: dialect.hostName('ContainerDefinition', 'secrets'),
      variable: dialect.hostName('KeyValuePair', 'name'),
      secret: dialect.hostName('Secret', 'name'),
      dependsOn: dialect.hostName('ContainerDefinition', 'dependsOn'),
      containerName: dialect.hostName('ContainerDependency', 'containerName'),
    };
    for (const container of ctx.subject.containers) {
      const which = describeContainer(container);
      report(
        findValue(container.node, 'name'),
        (blank) => `"${names.name}" of ${which} ${blank}; ECS needs a container name (${NAME_RULE}).`,
      );
      // amazon-ecs-render-task-definition writes this container's image before it is registered.
      if (!renderedImageOf(ctx.options.deployment, container.name))
        report(
          findValue(container.node, 'image'),
          (blank) => `"${names.image}" of ${which} ${blank}; ECS rejects it ("Container.image should not be null or empty").`,
        );
      // One message function per list and indexed loops: a list may hold thousands of entries, in
      // code a short CLI run does not optimise (docs/performance.md, "Measured 2026-12-04").
      const environment = findArray(container.node, 'environment');
      const variableMessage = (blank: string) =>
        `The "${names.variable}" of an "${names.environment}" entry of ${which} ${blank}; a variable needs a name.`;
      for (let i = 0; i < environment.length; i++) report(findValue(environment[i], 'name'), variableMessage);
      const secrets = findArray(container.node, 'secrets');
      const secretMessage = (blank: string) =>
        `The "${names.secret}" of a "${names.secrets}" entry of ${which} ${blank}; a variable needs a name.`;
      for (let i = 0; i < secrets.length; i++) report(findValue(secrets[i], 'name'), secretMessage);
      for (const dependency of findArray(container.node, 'dependsOn')) {
        report(
          findValue(dependency, 'containerName'),
          (blank) => `"${names.containerName}" in "${names.dependsOn}" of ${which} ${blank}; it must name a container of the task.`,
        );
      }
    }
    return findings;
  },
};

/** A string of nothing but whitespace; never an expression or a placeholder. */
function isBlank(node: DocNode | undefined): node is DocNode {
  return node?.type === 'string' && (node.value as string).trim() === '';
}

/** The task's tags, and for describe-task-definition output the ones beside the task (the unwrap fix moves them inside). */
function tagsOf(ctx: RuleContext): DocNode[] {
  const tags = findArray(ctx.subject.task, 'tags');
  return ctx.subject.kind === 'describeOutput' ? [...tags, ...findArray(ctx.subject.root, 'tags')] : tags;
}
