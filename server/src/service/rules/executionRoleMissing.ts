import type { Finding } from '../findings';
import { findArray, findProperty, findValue } from '../document/navigate';
import { keyOf, type DocNode } from '../document/node';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { describeContainer, type ContainerModel } from '../subjects/subject';
import { nodeRange } from './fixBuilders';
import { taskOf, type RuleContext, type SubjectRule } from './rule';
import { capitalize } from '../text';

/** A private ECR image: `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/repo` (docs/reference/execution-role.md#ex-5). */
const PRIVATE_ECR_IMAGE = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

/** Why a container needs the execution role, and the member that says so. */
interface Need {
  container: ContainerModel;
  member: DocNode;
  reason: string;
}

export const executionRoleMissing: SubjectRule = {
  id: 'execution-role-missing',
  title: 'Execution role missing',
  description:
    "Reports a task definition without `executionRoleArn` although ECS needs that role to start it: containers with `secrets`, `logConfiguration.secretOptions`, `repositoryCredentials` or `environmentFiles`, and Fargate tasks that log with `awslogs` or pull from a private ECR repository. ECS rejects such a task definition at registration (\"When you are specifying container secrets, you must also specify a value for 'executionRoleArn'\"). The quick fix adds `executionRoleArn` with a role ARN in the task's account for you to complete.",
  needsCatalog: false,
  // A container-definition array only when a Terraform resource names it (subjects/terraformLinks.ts).
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform', 'containerDefinitions'],
  linkedContainersOnly: true,
  check(ctx) {
    const { linked } = ctx.subject;
    const task = taskOf(ctx);
    if (!task || hasExecutionRole(task)) return [];
    const needs = ctx.subject.containers.flatMap((c) => needsOf(c, ctx.facts.fargate));
    if (needs.length === 0) return [];
    const [first] = needs;
    const others = needs.length - 1;
    const more = others === 0 ? '' : ` (and ${others} more ${others === 1 ? 'place' : 'places'})`;
    const finding: Finding = {
      ruleId: 'execution-role-missing',
      severity: 'error',
      message: `${capitalize(describeContainer(first.container))} ${first.reason}${more}, which ECS does with the task's execution role, but ${linked ? `${linked.task.resource} (${linked.task.source}), whose container definitions these are, has no "execution_role_arn"` : `the task has no "${ctx.subject.dialect.hostName(ROOT_STRUCTURE, 'executionRoleArn')}"`}.`,
      range: nodeRange(ctx, first.member),
      // The role goes into the .tf file, which this document's edits cannot reach.
      fixes: linked ? undefined : [insertExecutionRoleFix(ctx)],
    };
    return [finding];
  },
};

function hasExecutionRole(task: DocNode): boolean {
  const property = findProperty(task, 'executionRoleArn');
  if (!property) return false;
  // A member whose value is unreadable (an unquoted placeholder) is there, invalid-json reports it;
  // so is one known only at deploy time (`!GetAtt Role.Arn`).
  const value = property.children?.[1];
  return value === undefined || (value.type !== 'null' && value.value !== '');
}

function needsOf(container: ContainerModel, fargate: boolean): Need[] {
  const needs: Need[] = [];
  const key = (object: DocNode | undefined, name: string) => {
    const property = findProperty(object, name);
    return property ? keyOf(property) : undefined;
  };
  const add = (member: DocNode | undefined, reason: string) => member && needs.push({ container, member, reason });
  // Reasons name the member as the document spells it (`secrets`, CloudFormation's `Secrets`).
  const addKey = (member: DocNode | undefined, reason: (name: string) => string) => member && add(member, reason(member.value as string));
  const logConfiguration = findValue(container.node, 'logConfiguration');
  if (findArray(container.node, 'secrets').length) addKey(key(container.node, 'secrets'), (n) => `has "${n}" to fetch`);
  if (findArray(logConfiguration, 'secretOptions').length) addKey(key(logConfiguration, 'secretOptions'), (n) => `has log "${n}" to fetch`);
  if (findValue(container.node, 'repositoryCredentials')?.type === 'object')
    addKey(key(container.node, 'repositoryCredentials'), (n) => `pulls with "${n}"`);
  if (findArray(container.node, 'environmentFiles').length) addKey(key(container.node, 'environmentFiles'), (n) => `loads "${n}" from S3`);
  if (fargate) {
    const logDriver = findValue(logConfiguration, 'logDriver');
    if (logDriver?.value === 'awslogs') add(logDriver, 'logs with awslogs on Fargate');
    if (container.image && PRIVATE_ECR_IMAGE.test(container.image))
      add(findValue(container.node, 'image'), 'pulls a private ECR image on Fargate');
  }
  return needs;
}

/** A role ARN snippet in the task's account and partition; the parts not known are placeholders. */
function placeholderRoleArn(ctx: RuleContext): string {
  const { account, partition } = ctx.facts;
  return account
    ? `arn:${partition}:iam::${account}:role/\${1:ecsTaskExecutionRole}`
    : `arn:${partition}:iam::\${1:111122223333}:role/\${2:ecsTaskExecutionRole}`;
}

/** Adds the role after taskRoleArn or family when present, where people look for it; first otherwise. */
function insertExecutionRoleFix(ctx: RuleContext) {
  const name = (member: string) => ctx.subject.dialect.hostName(ROOT_STRUCTURE, member);
  return {
    kind: 'insertExecutionRole' as const,
    title: `Add "${name('executionRoleArn')}"`,
    roleArn: placeholderRoleArn(ctx),
    path: ctx.subject.taskPath,
    key: name('executionRoleArn'),
    after: [name('taskRoleArn'), name('family')],
  };
}
