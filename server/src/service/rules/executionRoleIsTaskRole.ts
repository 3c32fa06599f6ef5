import { parseArn } from '../arn';
import { findValue } from '../document/navigate';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { isTemplated } from '../template';
import { nodeRange } from './fixBuilders';
import type { SubjectRule } from './rule';

// The two roles serve different principals: ECS (its agent) uses the execution role to pull images,
// write awslogs streams and fetch the task's secrets, while the application's code gets the task role
// ("Amazon ECS task execution IAM role", task_execution_IAM_role.html, and "Amazon ECS task IAM
// role", task-iam-roles.html, of the ECS developer guide). "Best practices for IAM roles in Amazon
// ECS" (security-iam-roles.html) recommends separate roles over shared ones; docs/reference/arns.md#arn-iam-3; Datadog's
// rule def-000-7dk and Steampipe's ecs_task_definition_role_check flag the same thing.

export const executionRoleIsTaskRole: SubjectRule = {
  id: 'execution-role-is-task-role',
  title: 'Execution role used as task role',
  description:
    "Reports a task definition whose `taskRoleArn` is the same ARN as its `executionRoleArn`. The application's own AWS calls then run with what ECS needs to start the task (reading every secret the task references, pulling images, writing logs), and ECS runs with whatever the application needs. The ECS developer guide recommends a role of each kind. Placeholders and intrinsics are not judged.",
  needsCatalog: false,
  // A container-definition array has no roles: they are the task's, set elsewhere.
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform'],
  check(ctx) {
    const task = ctx.subject.task;
    const execution = findValue(task, 'executionRoleArn');
    const taskRole = findValue(task, 'taskRoleArn');
    if (execution?.type !== 'string' || taskRole?.type !== 'string') return [];
    const arn = (taskRole.value as string).trim();
    // Only an ARN: a skeleton's "string" or a bare name is arn-malformed's to report.
    if (!parseArn(arn) || isTemplated(arn) || arn !== (execution.value as string).trim()) return [];
    const name = (member: string) => ctx.subject.dialect.hostName(ROOT_STRUCTURE, member);
    return [
      {
        ruleId: 'execution-role-is-task-role',
        severity: 'information',
        message: `"${name('taskRoleArn')}" is the execution role "${arn}": the application's AWS calls get the permissions ECS uses to start the task (such as reading its secrets), and ECS gets the application's. Give the task a role of its own, with only what the application calls.`,
        range: nodeRange(ctx, taskRole),
      },
    ];
  },
};
