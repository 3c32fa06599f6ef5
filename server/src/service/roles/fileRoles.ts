// The execution role when it is written beside the task definition: `ExecutionRoleArn: !GetAtt
// ExecRole.Arn` naming an AWS::IAM::Role of the same template, or `execution_role_arn =
// aws_iam_role.exec.arn` naming an aws_iam_role of the same file. Read without any AWS call: its
// trust policy, and every policy attached to it in the file. Whatever the file cannot tell (a
// customer managed policy from elsewhere, an AWS managed policy not in managedPolicies.ts, a
// condition, NotAction)
// makes the permissions unknown, and no finding is made of them (docs/roles.md).
import type { DocNode } from '../document/node';
import { findString, findValue } from '../document/navigate';
import type { Subject } from '../subjects/subject';
import { terraformBlocks } from '../subjects/terraform';
import { managedPolicy } from './managedPolicies';

/** One policy statement, as far as the file says it: actions and resources with IAM wildcards. */
export interface PlainStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  /** Parts known only at deploy time (`${AWS::Region}`, a reference) are `*`. */
  resources: string[];
  /** Set when the statement has a Condition, NotAction or NotResource: its effect cannot be judged. */
  unknown?: boolean;
  sid?: string;
}

/** An execution role defined in the file. */
export interface FileRole {
  /** The logical id or the Terraform resource name. */
  name: string;
  /** The trust policy as plain data; undefined when the file does not say it literally. */
  trustPolicy?: unknown;
  /** Every statement of every policy attached to it; undefined when one of them is not in the file, or none is. */
  statements?: PlainStatement[];
  /** Where a fix adds a policy: a template role's Properties (path from the root), or a Terraform role by name. */
  fixAt: { kind: 'cloudFormation'; path: (string | number)[] } | { kind: 'terraform'; resource: string };
}

/** The role a subject's `executionRoleArn` (or `taskRoleArn`) names in the same document, if it names one. */
export function fileRole(subject: Subject, member: 'executionRoleArn' | 'taskRoleArn' = 'executionRoleArn'): FileRole | undefined {
  const value = findValue(subject.task, member);
  if (!value || value.type !== 'expression') return undefined;
  if (subject.kind === 'cloudFormation') return cloudFormationRole(subject.root, value);
  if (subject.kind === 'terraform') return terraformRole(subject.root, value);
  return undefined;
}

// ---------------------------------------------------------------- CloudFormation

function cloudFormationRole(root: DocNode, value: DocNode): FileRole | undefined {
  const argument = value.children?.[0];
  const fn = value.expression?.fn;
  let id: string | undefined;
  if (fn === 'Fn::GetAtt') {
    const parts = argument?.type === 'array' ? (argument.children ?? []).map((c) => c.value) : String(argument?.value ?? '').split('.');
    if (parts[1] === 'Arn') id = String(parts[0]);
  } else if (fn === 'Ref' && argument?.type === 'string') id = argument.value as string;
  const resources = findValue(root, 'Resources');
  const role = id ? findValue(resources, id) : undefined;
  if (!id || findString(role, 'Type') !== 'AWS::IAM::Role') return undefined;
  const properties = findValue(role, 'Properties');
  let known = true;
  const statements: PlainStatement[] = [];
  const add = (document: DocNode | undefined) => {
    const read = documentStatements(plain(document));
    if (read) statements.push(...read);
    else known = false;
  };
  const policies = findValue(properties, 'Policies');
  if (policies && policies.type !== 'array') known = false;
  for (const policy of policies?.children ?? []) add(findValue(policy, 'PolicyDocument'));
  const managed = findValue(properties, 'ManagedPolicyArns');
  if (managed && managed.type !== 'array') known = false;
  for (const arn of managed?.children ?? []) {
    const literal = subText(arn);
    const refId = arn.type === 'expression' && arn.expression?.fn === 'Ref' ? String(arn.children?.[0]?.value ?? '') : undefined;
    const local = refId ? findValue(resources, refId) : undefined;
    if (local && findString(local, 'Type') === 'AWS::IAM::ManagedPolicy') add(findValue(findValue(local, 'Properties'), 'PolicyDocument'));
    else {
      const statementsOf = literal ? managedPolicy(literal) : undefined;
      if (statementsOf) statements.push(...statementsOf);
      else known = false;
    }
  }
  // AWS::IAM::Policy and ::ManagedPolicy resources of the template that attach themselves to the role.
  for (const resource of resources?.children ?? []) {
    const body = resource.children?.[1];
    const type = findString(body, 'Type');
    if (type !== 'AWS::IAM::Policy' && type !== 'AWS::IAM::ManagedPolicy') continue;
    const attached = findValue(findValue(body, 'Properties'), 'Roles');
    if ((attached?.children ?? []).some((r) => r.type === 'expression' && r.expression?.fn === 'Ref' && r.children?.[0]?.value === id)) {
      add(findValue(findValue(body, 'Properties'), 'PolicyDocument'));
    }
  }
  // A role without a policy in the file has its policies elsewhere (attached by another stack or by hand).
  const judged = known && statements.length > 0;
  return {
    name: id,
    trustPolicy: documentOrNothing(plain(findValue(properties, 'AssumeRolePolicyDocument'))),
    statements: judged ? statements : undefined,
    fixAt: { kind: 'cloudFormation', path: ['Resources', id, 'Properties'] },
  };
}

/** A `!Sub` or plain string as text, with what CloudFormation fills in as `*`. */
function subText(node: DocNode | undefined): string | undefined {
  if (node?.type === 'string') return node.value as string;
  if (node?.type === 'expression' && node.expression?.fn === 'Fn::Sub' && node.children?.[0]?.type === 'string') {
    return subPattern(node.children[0].value as string);
  }
  return undefined;
}

function subPattern(template: string): string {
  return template.replace(/\$\{AWS::Partition\}/g, 'aws').replace(/\$\{[^}]*\}/g, '*');
}

// ---------------------------------------------------------------- Terraform

const ROLE_REFERENCE = /^aws_iam_role\.([\w-]+)\.(arn|name|id)$/;

function terraformRole(root: DocNode, value: DocNode): FileRole | undefined {
  const reference = ROLE_REFERENCE.exec(value.expression?.source ?? '');
  if (!reference || reference[2] !== 'arn') return undefined;
  const name = reference[1];
  const role = resourceBody(root, 'aws_iam_role', name);
  if (!role) return undefined;
  let known = true;
  const statements: PlainStatement[] = [];
  const add = (policy: DocNode | undefined) => {
    const read = documentStatements(policyJson(root, policy));
    if (read) statements.push(...read);
    else known = false;
  };
  /** A policy ARN: an AWS managed policy we know, or an aws_iam_policy of the file. */
  const attach = (arn: DocNode | undefined) => {
    const local = /^aws_iam_policy\.([\w-]+)\.arn$/.exec(arn?.expression?.source ?? '');
    const statementsOf = arn?.type === 'string' ? managedPolicy(arn.value as string) : undefined;
    if (statementsOf) statements.push(...statementsOf);
    else if (local) add(findValue(resourceBody(root, 'aws_iam_policy', local[1]), 'policy'));
    else known = false;
  };
  for (const property of role.children ?? []) {
    const key = property.children?.[0]?.value;
    const value = property.children?.[1];
    if (key === 'inline_policy') add(findValue(value, 'policy'));
    if (key === 'managed_policy_arns') {
      if (value?.type === 'array') value.children?.forEach(attach);
      else known = false;
    }
  }
  const namesRole = (node: DocNode | undefined) => ROLE_REFERENCE.exec(node?.expression?.source ?? '')?.[1] === name;
  for (const { type, body } of terraformBlocks(root, 'resource')) {
    if (type === 'aws_iam_policy_attachment') {
      // Attaches one policy to lists of users, groups and roles.
      if ((findValue(body, 'roles')?.children ?? []).some(namesRole)) attach(findValue(body, 'policy_arn'));
      continue;
    }
    if (!namesRole(findValue(body, 'role'))) continue;
    if (type === 'aws_iam_role_policy') add(findValue(body, 'policy'));
    if (type === 'aws_iam_role_policy_attachment') attach(findValue(body, 'policy_arn'));
  }
  const judged = known && statements.length > 0;
  return {
    name,
    trustPolicy: documentOrNothing(policyJson(root, findValue(role, 'assume_role_policy'))),
    statements: judged ? statements : undefined,
    fixAt: { kind: 'terraform', resource: name },
  };
}

/**
 * A `data "aws_iam_policy_document"` block as the JSON policy it renders (the provider's
 * documentation of the data source): `statement` blocks with effect (Allow by default), sid,
 * actions, resources, principals and conditions, merged with the documents it names. Those in
 * `source_policy_documents` come first; a statement of its own, then one of
 * `override_policy_documents`, replaces one with the same sid. A `dynamic` block is not read.
 */
function policyDocumentData(root: DocNode, name: string, seen = new Set<string>()): unknown {
  const body = terraformBlocks(root, 'data')
    .filter((b) => b.type === 'aws_iam_policy_document' && b.name === name)
    .at(-1)?.body;
  if (!body || seen.has(name)) return undefined;
  seen.add(name);
  const merged: Record<string, unknown>[] = [];
  /** Adds statements, each replacing the one with its sid; false when a document is not readable. */
  const merge = (statements: unknown) => {
    if (!Array.isArray(statements)) return false;
    for (const statement of statements as Record<string, unknown>[]) {
      const same = typeof statement.Sid === 'string' && statement.Sid ? merged.findIndex((s) => s.Sid === statement.Sid) : -1;
      if (same >= 0) merged[same] = statement;
      else merged.push(statement);
    }
    return true;
  };
  const documents = (member: string) => {
    const list = findValue(body, member);
    if (!list) return [];
    if (list.type !== 'array') return undefined;
    const read = (list.children ?? []).map((node) => policyJson(root, node, seen) as { Statement?: unknown } | undefined);
    const statements = read.map((d) => (d && typeof d === 'object' && d.Statement !== undefined ? [d.Statement].flat() : undefined));
    return statements.every((list) => list?.every((statement) => statement !== null && typeof statement === 'object'))
      ? (statements as Record<string, unknown>[][])
      : undefined;
  };
  const sources = documents('source_policy_documents');
  const overrides = documents('override_policy_documents');
  if (!sources || !overrides) return undefined;
  sources.forEach(merge);
  const own: Record<string, unknown>[] = [];
  for (const property of body.children ?? []) {
    const key = property.children?.[0]?.value;
    if (key === 'dynamic') return undefined;
    if (key !== 'statement') continue;
    const block = property.children?.[1];
    const field = (member: string) => plain(findValue(block, member));
    const statement: Record<string, unknown> = {
      Sid: field('sid'),
      Effect: field('effect') ?? 'Allow',
      Action: field('actions'),
      Resource: field('resources'),
    };
    for (const inner of block?.children ?? []) {
      const innerKey = inner.children?.[0]?.value;
      if (innerKey === 'not_actions' || innerKey === 'not_resources' || innerKey === 'condition') statement.Condition = 'unknown';
      if (innerKey === 'principals') {
        const type = plain(findValue(inner.children?.[1], 'type'));
        const identifiers = plain(findValue(inner.children?.[1], 'identifiers'));
        statement.Principal = { ...((statement.Principal as object) ?? {}), [String(type)]: identifiers };
      }
    }
    own.push(statement);
  }
  merge(own);
  if (!overrides.every(merge)) return undefined;
  return { Version: '2012-10-17', Statement: merged };
}

function resourceBody(root: DocNode, type: string, name: string): DocNode | undefined {
  return terraformBlocks(root, 'resource').find((b) => b.type === type && b.name === name)?.body;
}

/** A Terraform policy: `jsonencode({...})` (an object), or a JSON string (a heredoc). */
function policyJson(root: DocNode, node: DocNode | undefined, seen?: Set<string>): unknown {
  const document = /^data\.aws_iam_policy_document\.([\w-]+)\.json$/.exec(node?.expression?.source ?? '');
  if (document) return policyDocumentData(root, document[1], seen);
  if (node?.type === 'string') {
    try {
      return JSON.parse(node.value as string);
    } catch {
      return undefined;
    }
  }
  return plain(node);
}

// ---------------------------------------------------------------- Policy documents

/** A policy document read from the file, or undefined: one known only at deploy time (`!Ref`, a data source) is nothing to judge. */
function documentOrNothing(document: unknown): unknown {
  return document !== null && typeof document === 'object' && !Array.isArray(document) ? document : undefined;
}

/** A node as plain data; expressions in strings become `*`, anything else unknown makes it undefined. */
function plain(node: DocNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object': {
      // A long-form intrinsic of a JSON template (`{"Fn::Sub": ...}`) is what the short form is.
      const only = node.children?.length === 1 ? node.children[0] : undefined;
      const fn = only?.children?.[0]?.value;
      if (typeof fn === 'string' && /^(Ref|Fn::[A-Za-z]+)$/.test(fn)) {
        const argument = only!.children?.[1];
        return fn === 'Fn::Sub' && argument?.type === 'string' ? subPattern(argument.value as string) : '*';
      }
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const value = plain(property.children?.[1]);
        if (value === undefined) return undefined;
        object[property.children![0].value as string] = value;
      }
      return object;
    }
    case 'array': {
      const values = (node.children ?? []).map(plain);
      return values.includes(undefined) ? undefined : values;
    }
    case 'expression':
      // What is known only at deploy or plan time (`!Ref Bucket`, `aws_s3_bucket.b.arn`) could be
      // anything: `*`, so that it never proves a permission missing. A YAML alias is not followed.
      if (node.expression?.syntax === 'yaml-alias') return undefined;
      return subText(node) ?? '*';
    default:
      return node.value;
  }
}

/** The statements of a policy document; undefined when it is not readable as one. */
function documentStatements(document: unknown): PlainStatement[] | undefined {
  const statement = (document as { Statement?: unknown } | undefined)?.Statement;
  if (statement === undefined) return undefined;
  const list = Array.isArray(statement) ? statement : [statement];
  const statements: PlainStatement[] = [];
  for (const raw of list as (Record<string, unknown> | null)[]) {
    if (raw === null || typeof raw !== 'object' || (raw.Effect !== 'Allow' && raw.Effect !== 'Deny')) return undefined;
    const strings = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
    statements.push({
      effect: raw.Effect,
      actions: strings(raw.Action),
      resources: strings(raw.Resource),
      unknown: raw.Condition !== undefined || raw.NotAction !== undefined || raw.NotResource !== undefined || undefined,
      sid: typeof raw.Sid === 'string' ? raw.Sid : undefined,
    });
  }
  return statements;
}

/** IAM's wildcards: `*` any run of characters, `?` any one; actions compare without case. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const expression = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${expression}$`, ignoreCase ? 'i' : '').test(value);
}

/**
 * What the role's statements in the file decide for one action and resource: `allowed`,
 * `explicitDeny`, `implicitDeny`, or `unknown` when a statement that could decide it has a condition.
 * A resource with parts unknown to us (`*`) is judged by the action alone.
 */
export function fileDecision(
  statements: readonly PlainStatement[],
  action: string,
  resource: string,
): 'allowed' | 'explicitDeny' | 'implicitDeny' | 'unknown' {
  const vague = resource.includes('*') || resource.includes('?');
  const applies = (s: PlainStatement) =>
    s.actions.some((a) => wildcardMatch(a, action, true)) && (vague || s.resources.some((r) => wildcardMatch(r, resource)));
  const relevant = statements.filter(applies);
  if (relevant.some((s) => s.unknown)) return 'unknown';
  if (relevant.some((s) => s.effect === 'Deny')) return vague ? 'unknown' : 'explicitDeny';
  return relevant.some((s) => s.effect === 'Allow') ? 'allowed' : 'implicitDeny';
}
