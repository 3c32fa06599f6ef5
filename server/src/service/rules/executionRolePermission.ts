import type { DocNode } from '../document/node';
import { findValue } from '../document/navigate';
import { executionRoleNeeds, executionRolePolicy, type ExecutionNeed } from '../executionRolePolicy';
import type { FixData } from '../findings';
import type { Finding } from '../findings';
import { checkedRole, decisionKey, type RoleDecision } from '../roles/roleChecks';
import { fileDecision, fileRole } from '../roles/fileRoles';
import { addRolePolicyFix } from '../roles/filePolicyFix';
import { fixList, nodeRange } from './fixBuilders';
import type { RuleContext, SubjectRule } from './rule';

export const executionRolePermission: SubjectRule = {
  id: 'execution-role-permission',
  title: 'Execution role lacks a permission ECS needs',
  description:
    "Reports each member (a `valueFrom`, `credentialsParameter`, private ECR `image`, `awslogs` log driver or environment file) whose action the execution role may not do, as iam:SimulatePrincipalPolicy evaluates the role's own policies for exactly what ECS does for this document: secretsmanager:GetSecretValue, ssm:GetParameters, kms:Decrypt through Secrets Manager or SSM, the ECR pull actions, logs:CreateLogStream and logs:PutLogEvents, s3:GetObject. An explicit deny is an error; an implicit one a warning, since a resource policy (a secret's, a key's) that the simulator does not see could still allow it. The task would stop at start with AccessDeniedException. A role written beside the task definition (an AWS::IAM::Role of the template, an aws_iam_role of the Terraform file) is judged without any AWS call, when every policy attached to it is in the file (the AWS managed AmazonECSTaskExecutionRolePolicy grants ECR pulls and CloudWatch Logs, not secrets). The quick fix shows the policy statements the role is missing.",
  needsCatalog: false,
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform'],
  check(ctx) {
    const roles = ctx.options.roles;
    const role = roles && checkedRole(ctx.subject, 'executionRoleArn', roles.account);
    const state = role && roles!.role(role.arn);
    if (role && state?.status === 'found' && state.decisions) {
      // Online: the simulator's answers for a deployed role.
      const decide = (need: ExecutionNeed) => state.decisions!.get(decisionKey(need.action, need.resource));
      return findingsOf(
        ctx,
        executionRoleNeeds(ctx.subject, ctx.options),
        decide,
        `The execution role "${role.name}"`,
        role.node.offset,
        false,
      );
    }
    // Offline: a role written beside the task definition, when every policy attached to it is in the file.
    const defined = fileRole(ctx.subject);
    const roleNode = findValue(ctx.subject.task, 'executionRoleArn');
    if (!defined?.statements || !roleNode) return [];
    const statements = defined.statements;
    const decide = (need: ExecutionNeed): RoleDecision | undefined => {
      const decision = fileDecision(statements, need.action, need.resource);
      return decision === 'unknown' ? undefined : { decision, matchedStatements: [], missingContextValues: [] };
    };
    const addFix = (only: string[]) =>
      addRolePolicyFix(
        ctx.subject.root,
        ctx.model.text,
        defined,
        executionRolePolicy(ctx.subject, ctx.options, only).policy.Statement,
        ctx.range,
      );
    return findingsOf(
      ctx,
      executionRoleNeeds(ctx.subject, ctx.options, true),
      decide,
      `The execution role "${defined.name}" of this file`,
      roleNode.offset,
      true,
      addFix,
    );
  },
};

/** One finding per member, naming every action it is denied. */
function findingsOf(
  ctx: RuleContext,
  needs: ExecutionNeed[],
  decide: (need: ExecutionNeed) => RoleDecision | undefined,
  who: string,
  roleOffset: number,
  fromFile: boolean,
  addFix: (only: string[]) => FixData | undefined = () => undefined,
): Finding[] {
  const denied = new Map<DocNode, { action: string; resource: string; decision: RoleDecision }[]>();
  for (const need of needs) {
    const decision = decide(need);
    if (!decision || decision.decision === 'allowed') continue;
    // The plan asks each member for each action and resource once (executionRolePolicy.ts).
    const list = denied.get(need.node) ?? [];
    list.push({ ...need, decision });
    denied.set(need.node, list);
  }
  // One fix adds what the role is missing for the whole document, so applying it once clears them
  // all: built once, offered on every finding.
  const add = denied.size ? addFix([...denied.values()].flat().map((d) => decisionKey(d.action, d.resource))) : undefined;
  const findings: Finding[] = [];
  for (const [node, list] of denied) {
    const explicit = list.filter((d) => d.decision.decision === 'explicitDeny');
    const what = list.map((d) => `${d.action} on ${d.resource}`).join(', ');
    const statements = [...new Set(explicit.flatMap((d) => d.decision.matchedStatements))];
    const missing = [...new Set(list.flatMap((d) => d.decision.missingContextValues))];
    const why = explicit.length
      ? ` It is denied explicitly${statements.length ? ` by ${statements.map((s) => `"${s}"`).join(', ')}` : ''}.`
      : fromFile
        ? ' No statement of the policies attached to it in this file grants it (a resource policy could still allow it).'
        : ' No policy of the role allows it (a resource policy the simulator does not see could still allow it).';
    const unknown = missing.length ? ` Not evaluated: the condition keys ${missing.join(', ')}.` : '';
    findings.push({
      ruleId: 'execution-role-permission',
      severity: explicit.length ? 'error' : 'warning',
      message: `${who} is not allowed ${what}; the task would stop with AccessDeniedException at start.${why}${unknown}`,
      range: nodeRange(ctx, node),
      fixes: fixList(add, {
        kind: 'showPolicy',
        title: 'Show the statements the role is missing',
        offset: roleOffset,
        only: list.map((d) => decisionKey(d.action, d.resource)),
      }),
    });
  }
  return findings;
}
