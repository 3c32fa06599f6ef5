// The statements a role written in the file is missing, in the file's own syntax: a `Policies`
// entry of the template's role, or an aws_iam_role_policy resource after the rest of the Terraform
// file. Where the policy generator had to write `*` for the unknown account or region, the fix
// writes what stands for the stack's own: the pseudo parameters in a template (`Fn::Sub`), the
// file's aws_caller_identity / aws_region / aws_partition data sources in Terraform when it
// declares them; so the policy is exact once deployed (docs/roles.md).
import type { PolicyStatement } from '../executionRolePolicy';
import type { FixData } from '../findings';
import type { InsertValue } from '../formats/format';
import type { Range } from 'vscode-languageserver-types';
import type { DocNode } from '../document/node';
import { findString, nodeAtPath } from '../document/navigate';
import { terraformBlocks } from '../subjects/terraform';
import type { FileRole } from './fileRoles';

/**
 * Statements whose resources name the task's own region where the region is `*`: a short secret or
 * parameter name, or a `!Sub` with ${AWS::Region}. Elsewhere (an awslogs-region from a parameter)
 * an unknown region may be another one, and only the account is the stack's.
 */
const OWN_REGION = new Set(['ReadTaskSecrets', 'ReadTaskParameters']);

/** What stands for the stack's partition, region and account in the file's syntax. */
interface StackValues {
  partition: string;
  region: string;
  account: string;
}

/** The fix that adds `statements` to the role of the file, or undefined when there are none. */
export function addRolePolicyFix(
  root: DocNode,
  text: string,
  role: FileRole,
  statements: PolicyStatement[],
  range: (offset: number, length: number) => Range,
): FixData | undefined {
  if (!statements.length) return undefined;
  const title = `Add the missing statements to "${role.name}"`;
  if (role.fixAt.kind === 'cloudFormation') {
    const Statement = statements.map((s) => {
      const scoped = withStackValues(s, CLOUDFORMATION_VALUES);
      return { ...scoped, Resource: toSub(scoped.Resource) };
    });
    const taken = (nodeAtPath(root, [...role.fixAt.path, 'Policies'])?.children ?? []).map((p) => findString(p, 'PolicyName'));
    const entry = {
      PolicyName: unused('EcsTaskExecution', taken),
      PolicyDocument: { Version: '2012-10-17', Statement },
    } as unknown as InsertValue;
    return { kind: 'addRolePolicy', title, path: role.fixAt.path, entry };
  }
  // Terraform: a policy resource of its own after the rest, the policy in JSON inside jsonencode,
  // where `${` starts an interpolation: a literal one is written `$${`.
  const values = terraformValues(root);
  const marked = statements.map((s) => withStackValues(s, values && MARKERS));
  const document = JSON.stringify({ Version: '2012-10-17', Statement: marked }, null, 2)
    .replace(/\$\{/g, () => '$${')
    .replace(/<stack-(partition|region|account)>/g, (_, part: keyof StackValues) => `\${${values![part]}}`)
    .split('\n')
    .join('\n  ');
  const name = role.fixAt.resource;
  const taken = terraformBlocks(root, 'resource')
    .filter((b) => b.type === 'aws_iam_role_policy')
    .map((b) => b.name);
  const block = `${text.endsWith('\n') ? '' : '\n'}\nresource "aws_iam_role_policy" "${unused(`${name}_ecs_task_execution`, taken)}" {\n  role   = aws_iam_role.${name}.id\n  policy = jsonencode(${document})\n}\n`;
  return { kind: 'replaceText', title, range: range(text.length, 0), oldText: '', newText: block };
}

/** `name`, or `name2`, `name3`... when the role already has a policy of that name (from an earlier fix). */
function unused(name: string, taken: (string | undefined)[]): string {
  let n = 1;
  while (taken.includes(n === 1 ? name : `${name}${n}`)) n++;
  return n === 1 ? name : `${name}${n}`;
}

const CLOUDFORMATION_VALUES: StackValues = { partition: '${AWS::Partition}', region: '${AWS::Region}', account: '${AWS::AccountId}' };

/** Stand-ins replaced after JSON.stringify, so that the `$${` escaping leaves the interpolations alone. */
const MARKERS: StackValues = { partition: '<stack-partition>', region: '<stack-region>', account: '<stack-account>' };

/** The Terraform expressions for the stack's values, when the file declares all three data sources. */
function terraformValues(root: DocNode): StackValues | undefined {
  const data = terraformBlocks(root, 'data');
  const named = (type: string) => data.find((b) => b.type === type)?.name;
  const [identity, region, partition] = [named('aws_caller_identity'), named('aws_region'), named('aws_partition')];
  if (!identity || !region || !partition) return undefined;
  return {
    partition: `data.aws_partition.${partition}.partition`,
    // `name` is what every provider version has (6.x adds `region` and deprecates `name`).
    region: `data.aws_region.${region}.name`,
    account: `data.aws_caller_identity.${identity}.account_id`,
  };
}

/** The statement with each ARN widened to `*` in the account or region written with the stack's values. */
function withStackValues(statement: PolicyStatement, values: StackValues | undefined): PolicyStatement {
  if (!values) return statement;
  const rewrite = (resource: string) => {
    const [arn, , service, region, account, ...rest] = resource.split(':');
    const ownRegion = OWN_REGION.has(statement.Sid) && region === '*';
    if (arn !== 'arn' || !rest.length || (!ownRegion && account !== '*')) return resource;
    return ['arn', values.partition, service, ownRegion ? values.region : region, account === '*' ? values.account : account, ...rest].join(
      ':',
    );
  };
  return { ...statement, Resource: Array.isArray(statement.Resource) ? statement.Resource.map(rewrite) : rewrite(statement.Resource) };
}

/** A template resource with pseudo parameters as `Fn::Sub` (secret and parameter names never hold `${`). */
function toSub(resource: string | string[]): unknown {
  const one = (r: string) => (r.includes('${AWS::') ? { 'Fn::Sub': r } : r);
  return Array.isArray(resource) ? resource.map(one) : one(resource);
}
