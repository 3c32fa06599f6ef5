// The execution and task roles, checked against the signed-in account's IAM (docs/roles.md): what
// the host asks IAM (roleCheckRequests), what it hands back (RoleChecksAccess), and how a trust
// policy is read. Pure: the host runs iam:GetRole and iam:SimulatePrincipalPolicy and passes the
// answers in; nothing here calls AWS, assumes a role or reads a value.
import { parseArn } from '../arn';
import { findValue } from '../document/navigate';
import type { DocNode } from '../document/node';
import { executionRoleNeeds, type ExecutionNeed } from '../executionRolePolicy';
import type { AnalysisOptions } from '../options';
import type { Subject } from '../subjects/subject';
import { isTemplated } from '../template';

/** The simulator's decision on one action and resource. */
export interface RoleDecision {
  decision: 'allowed' | 'implicitDeny' | 'explicitDeny';
  matchedStatements: string[];
  missingContextValues: string[];
}

/** What the host knows of one role ARN so far. */
export type RoleState =
  /** Not asked yet, or the answer has not come. */
  | { status: 'pending' }
  /** iam:GetRole said NoSuchEntity; `roleNames` when iam:ListRoles was allowed. */
  | { status: 'missing'; roleNames?: string[] }
  | {
      status: 'found';
      name: string;
      /** The decoded AssumeRolePolicyDocument. */
      trustPolicy: unknown;
      /** By decisionKey(action, resource): the simulated needs, once the simulation has come. */
      decisions?: ReadonlyMap<string, RoleDecision>;
    };

/** The role checks' answers, handed in by the host (undefined when AWS is off, the workspace untrusted, or IAM refused). */
export interface RoleChecksAccess {
  /** The signed-in account: only its roles are checked. */
  account: string;
  role(arn: string): RoleState | undefined;
}

/** One role to check, and what ECS will do with it for this document. */
export interface RoleCheckRequest {
  which: 'execution' | 'task';
  arn: string;
  name: string;
  /** Execution role: every action on every resource ECS needs it for. */
  needs: Omit<ExecutionNeed, 'node'>[];
}

export function decisionKey(action: string, resource: string): string {
  return `${action}\n${resource}`;
}

/** The role ARN a member holds, when it is a literal role of the signed-in account (anything else is not checked). */
export function checkedRole(
  subject: Subject,
  member: 'executionRoleArn' | 'taskRoleArn',
  account: string,
): { node: DocNode; arn: string; name: string } | undefined {
  const node = findValue(subject.task, member);
  if (node?.type !== 'string') return undefined;
  const arn = (node.value as string).trim();
  const parsed = parseArn(arn);
  if (!parsed || isTemplated(arn) || parsed.service !== 'iam' || parsed.account !== account || !parsed.resource.startsWith('role/')) {
    return undefined;
  }
  return { node, arn, name: parsed.resource.slice(parsed.resource.lastIndexOf('/') + 1) };
}

/** What the host should ask IAM for a subject. */
export function roleCheckRequests(subject: Subject, options: AnalysisOptions, account: string): RoleCheckRequest[] {
  if (!subject.task || subject.kubernetes) return [];
  const requests: RoleCheckRequest[] = [];
  const execution = checkedRole(subject, 'executionRoleArn', account);
  if (execution) {
    const seen = new Set<string>();
    const needs = executionRoleNeeds(subject, options)
      .filter((n) => !seen.has(decisionKey(n.action, n.resource)) && seen.add(decisionKey(n.action, n.resource)))
      .map(({ action, resource, context }) => ({ action, resource, ...(context ? { context } : {}) }));
    requests.push({ which: 'execution', arn: execution.arn, name: execution.name, needs });
  }
  const task = checkedRole(subject, 'taskRoleArn', account);
  if (task && task.arn !== execution?.arn) requests.push({ which: 'task', arn: task.arn, name: task.name, needs: [] });
  return requests;
}

/** The trust policy ECS needs a role to have: ecs-tasks.amazonaws.com may call sts:AssumeRole. */
export const ECS_TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

const ECS_TASKS = 'ecs-tasks.amazonaws.com';

/** Whether a trust policy lets ECS tasks assume the role, and what it lets assume it instead. */
export function trustVerdict(policy: unknown): { trusted: boolean; principals: string[] } {
  const statements = asList((policy as { Statement?: unknown } | undefined)?.Statement);
  const principals: string[] = [];
  let allowed = false;
  let denied = false;
  for (const statement of statements as (Record<string, unknown> | null)[]) {
    // Half-typed documents hold anything: what is not a statement allows nothing.
    if (statement === null || typeof statement !== 'object') continue;
    const actions = asList(statement.Action).map(String);
    if (!actions.some((a) => /^sts:(AssumeRole|\*)$/i.test(a) || a === '*')) continue;
    const principal = statement.Principal as Record<string, unknown> | string | undefined;
    const named =
      principal === '*'
        ? ['*']
        : principal && typeof principal === 'object'
          ? Object.entries(principal).flatMap(([kind, value]) =>
              asList(value).map((v) => (kind === 'Service' ? String(v) : `${kind}:${String(v)}`)),
            )
          : [];
    const forEcs = named.includes(ECS_TASKS) || named.includes('*');
    if (statement.Effect === 'Deny' && forEcs) denied = true;
    if (statement.Effect === 'Allow') {
      principals.push(...named);
      if (forEcs) allowed = true;
    }
  }
  return { trusted: allowed && !denied, principals: [...new Set(principals)] };
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
