import { closestNames } from '../closestName';
import type { Finding } from '../findings';
import { checkedRole } from '../roles/roleChecks';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import type { SubjectRule } from './rule';

const ROLE_NAMES = { executionRoleArn: 'execution role', taskRoleArn: 'task role' } as const;

export const roleNotFound: SubjectRule = {
  id: 'role-not-found',
  title: 'Role not found in the account',
  description:
    'Reports an `executionRoleArn` or `taskRoleArn` naming a role of the signed-in account that iam:GetRole says does not exist. ECS cannot assume it: the task fails to start ("ECS was unable to assume the role"). With iam:ListRoles allowed, the message names the closest role names and a quick fix replaces the ARN with each. Roles of other accounts, and ARNs written with placeholders or expressions, are not checked.',
  needsCatalog: true,
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform'],
  check(ctx) {
    const roles = ctx.options.roles;
    if (!roles) return [];
    const findings: Finding[] = [];
    for (const member of ['executionRoleArn', 'taskRoleArn'] as const) {
      const role = checkedRole(ctx.subject, member, roles.account);
      const state = role && roles.role(role.arn);
      if (!role || state?.status !== 'missing') continue;
      const closest = closestNames(role.name, state.roleNames ?? []);
      const prefix = role.arn.slice(0, role.arn.length - role.name.length);
      findings.push({
        ruleId: 'role-not-found',
        severity: 'error',
        message: `The ${ROLE_NAMES[member]} "${role.name}" (${ctx.subject.dialect.hostName(ROOT_STRUCTURE, member)}) does not exist in account ${roles.account}; ECS cannot assume it and the task will not start.${closest.length ? ` Closest: ${closest.map((n) => `"${n}"`).join(', ')}.` : ''}`,
        range: nodeRange(ctx, role.node),
        fixes: fixList(...closest.map((name) => replaceStringFix(ctx, role.node, `${prefix}${name}`, `Change to "${name}"`, false))),
      });
    }
    return findings;
  },
};
