import type { Finding } from '../findings';
import { findValue } from '../document/navigate';
import { fileRole } from '../roles/fileRoles';
import { checkedRole, ECS_TRUST_POLICY, trustVerdict } from '../roles/roleChecks';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { nodeRange } from './fixBuilders';
import type { SubjectRule } from './rule';

const ROLE_NAMES = { executionRoleArn: 'execution role', taskRoleArn: 'task role' } as const;

export const roleUntrusted: SubjectRule = {
  id: 'role-untrusted',
  title: 'Role that ECS tasks may not assume',
  description:
    "Reports an `executionRoleArn` or `taskRoleArn` whose role (read with iam:GetRole, or written in the same template or Terraform file) has a trust policy that does not let the service principal `ecs-tasks.amazonaws.com` call `sts:AssumeRole`, or denies it. ECS cannot assume the role and the task fails to start. The message says whom the trust policy lets assume the role instead; the finding's related information holds the trust policy ECS needs. Conditions on the statement (`aws:SourceAccount`, `aws:SourceArn`) are fine.",
  needsCatalog: false,
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform'],
  check(ctx) {
    const roles = ctx.options.roles;
    const findings: Finding[] = [];
    for (const member of ['executionRoleArn', 'taskRoleArn'] as const) {
      // Online, what IAM says of a deployed role; offline, the trust policy of a role written in the file.
      const deployed = roles && checkedRole(ctx.subject, member, roles.account);
      const state = deployed && roles!.role(deployed.arn);
      const defined = deployed ? undefined : fileRole(ctx.subject, member);
      const node = findValue(ctx.subject.task, member);
      const trust = state?.status === 'found' ? state.trustPolicy : defined?.trustPolicy;
      const role = deployed ? { name: deployed.name, node: deployed.node } : defined && node ? { name: defined.name, node } : undefined;
      if (!role || trust === undefined) continue;
      const verdict = trustVerdict(trust);
      if (verdict.trusted) continue;
      const instead = verdict.principals.length
        ? `it lets ${verdict.principals.map((p) => `"${p}"`).join(', ')} assume it`
        : 'it lets no one assume it';
      findings.push({
        ruleId: 'role-untrusted',
        severity: 'error',
        message: `The ${ROLE_NAMES[member]} "${role.name}" (${ctx.subject.dialect.hostName(ROOT_STRUCTURE, member)}) cannot be assumed by ECS tasks: its trust policy does not allow ecs-tasks.amazonaws.com to call sts:AssumeRole (${instead}). The task will not start.`,
        range: nodeRange(ctx, role.node),
        related: [{ message: `The trust policy ECS needs: ${JSON.stringify(ECS_TRUST_POLICY)}`, range: nodeRange(ctx, role.node) }],
      });
    }
    return findings;
  },
};
