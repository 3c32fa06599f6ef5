// The least-privilege IAM policy a task's execution role needs for exactly what the document uses
// (docs/reference/execution-role.md#the-policy-it-needs): the secrets and parameters it references,
// the customer-managed KMS keys they are encrypted with (from the account's catalog), its environment
// files, private ECR images and awslogs log groups. Pure: it reads one task definition, its facts and the catalog it is handed.
import { isArn, parseParameterArn, parseSecretArn } from './arn';
import { indexCatalog, type CatalogEntry } from './catalog';
import { usesCustomerManagedKey } from './describeEntry';
import { findArray, findString, findValue } from './document/navigate';
import type { DocNode } from './document/node';
import { bindReferences } from './subjects/bindReferences';
import type { Subject } from './subjects/subject';
import type { AnalysisOptions } from './options';
import { deriveTaskFacts, type TaskFacts } from './taskFacts';
import { isTemplated } from './template';

/** One IAM policy statement. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** An IAM policy document, as `aws iam put-role-policy --policy-document` takes it. */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** The policy and what a user should know beside it (never inside it: policies have no comments). */
export interface ExecutionRolePolicy {
  policy: PolicyDocument;
  notes: string[];
}

const PRIVATE_ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/;
const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * One thing ECS does with the execution role for a document: an action on a resource, for the
 * member that asks for it. The role checks (roles/) simulate these; the policy is built from them.
 */
export interface ExecutionNeed {
  /** The member that needs it: a `valueFrom`, `credentialsParameter`, `image`, `logDriver` or environment file `value`. */
  node: DocNode;
  action: string;
  resource: string;
  /** Conditions ECS's call satisfies (kms:ViaService, the encryption context), for the simulator. */
  context?: { key: string; values: string[] }[];
}

/**
 * Builds the execution role policy for a task definition. With `only` (`action\nresource` pairs, as
 * roles/roleChecks.ts keys them), just the statements that grant one of those: what a role the
 * simulator denied them is missing.
 */
export function executionRolePolicy(subject: Subject, options: AnalysisOptions, only?: readonly string[]): ExecutionRolePolicy {
  const { policy, notes } = plan(subject, options);
  if (!only) return { policy, notes };
  const wanted = only.map((pair) => pair.split('\n') as [string, string]);
  const grants = (statement: PolicyStatement) =>
    wanted.some(
      ([action, resource]) => asList(statement.Action).includes(action) && asList(statement.Resource).some((r) => matches(r, resource)),
    );
  return { policy: { ...policy, Statement: policy.Statement.filter(grants) }, notes: [] };
}

function asList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/** IAM's wildcards in a Resource: `*` any run of characters, `?` any one. */
function matches(pattern: string, resource: string): boolean {
  const expression = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${expression}$`).test(resource);
}

/**
 * What ECS will do with the execution role for this document, member by member, where the
 * resource is known exactly (a `*` for an unknown account or region is no question to ask IAM);
 * with `vague`, also those whose resource has such parts (what a role read from the file is judged on).
 */
export function executionRoleNeeds(subject: Subject, options: AnalysisOptions, vague = false): ExecutionNeed[] {
  const { needs } = plan(subject, options);
  return vague ? needs : needs.filter((n) => n.resource === '*' || !/[*?]/.test(n.resource));
}

function plan(subject: Subject, options: AnalysisOptions): ExecutionRolePolicy & { needs: ExecutionNeed[] } {
  const needs: ExecutionNeed[] = [];
  const facts = deriveTaskFacts(subject, options);
  // A pseudo parameter nobody knows the value of is "*" in a policy, never a stand-in.
  const model = bindReferences(subject, facts, '*');
  const account = facts.account ?? '*';
  const region = facts.region ?? '*';
  /** Set when a resource had to say "*" for the unknown account or region. */
  let widened = false;
  const widen = <T>(value: T): T => {
    if (account === '*' || region === '*') widened = true;
    return value;
  };
  const notes: string[] = [];
  const secrets = new Set<string>();
  const parameters = new Set<string>();
  /** KMS key resource → the services (with region) that decrypt with it. */
  const keys = new Map<string, { via: Set<string>; alias?: string }>();

  const addKey = (entry: CatalogEntry | undefined, service: 'secretsmanager' | 'ssm', node: DocNode) => {
    if (!entry || !usesCustomerManagedKey(entry)) return;
    const key = keyResource(entry, facts.partition);
    const slot = keys.get(key.resource) ?? { via: new Set<string>(), alias: key.alias };
    const via = `${service}.${entry.region}.${dnsSuffix(facts.partition)}`;
    slot.via.add(via);
    keys.set(key.resource, slot);
    // The encryption context Secrets Manager and SSM decrypt with (docs/reference/execution-role.md#ex-4).
    const contextKey = service === 'secretsmanager' ? 'kms:EncryptionContext:SecretARN' : 'kms:EncryptionContext:PARAMETER_ARN';
    if (!key.alias) {
      needs.push({
        node,
        action: 'kms:Decrypt',
        resource: key.resource,
        context: [
          { key: 'kms:ViaService', values: [via] },
          { key: contextKey, values: [entry.arn] },
        ],
      });
    }
  };
  const catalogEntry = (kind: 'secret' | 'parameter', name: string, entryRegion: string, arn?: string): CatalogEntry | undefined => {
    const snapshot = options.catalog && options.catalog.account === account ? options.catalog.snapshot(entryRegion) : undefined;
    if (!snapshot) return undefined;
    const index = indexCatalog(snapshot);
    if (kind === 'parameter') return index.parameterByName(name);
    return (arn ? index.secretByArn(arn) : undefined) ?? index.secretByName(name);
  };
  const addSecret = (nameOrArn: string, node: DocNode) => {
    const parsed = parseSecretArn(nameOrArn);
    const entryRegion = parsed?.region ?? region;
    const name = parsed?.nameWithSuffix ?? nameOrArn;
    const base = parsed ? nameOrArn.slice(0, nameOrArn.length - parsed.tail.length) : undefined;
    const entry = catalogEntry('secret', name, entryRegion, base);
    addKey(entry, 'secretsmanager', node);
    // The full ARN when it is known; `name-??????` matches this secret's suffix and no other secret
    // whose name merely starts the same (which `name-*` would).
    const resource = entry
      ? entry.arn
      : base && parsed?.suffix
        ? base
        : parsed
          ? `${base}-??????`
          : widen(`arn:${facts.partition}:secretsmanager:${region}:${account}:secret:${name}-??????`);
    secrets.add(resource);
    needs.push({ node, action: 'secretsmanager:GetSecretValue', resource });
  };
  const addParameter = (nameOrArn: string, node: DocNode) => {
    const parsed = parseParameterArn(nameOrArn);
    const name = parsed?.name ?? nameOrArn;
    const entryRegion = parsed?.region ?? region;
    const entry = catalogEntry('parameter', name, entryRegion);
    addKey(entry, 'ssm', node);
    const resource =
      entry?.arn ?? (parsed ? nameOrArn : widen(`arn:${facts.partition}:ssm:${region}:${account}:parameter/${name.replace(/^\/+/, '')}`));
    parameters.add(resource);
    needs.push({ node, action: 'ssm:GetParameters', resource });
  };

  for (const reference of model.references) {
    const { value } = reference;
    if (value === '' || isTemplated(value)) continue;
    if (reference.place === 'registryCredentials') {
      if (!isArn(value) || reference.arn?.service === 'secretsmanager') addSecret(value, reference.node);
      continue;
    }
    const service = isArn(value) ? reference.arn?.service : 'ssm';
    if (service === 'secretsmanager') addSecret(value, reference.node);
    else if (service === 'ssm') {
      addParameter(value, reference.node);
      // Parameter Store passes /aws/reference/secretsmanager/<id> on to Secrets Manager: both are read.
      const name = parseParameterArn(value)?.name ?? value;
      if (name.startsWith('/aws/reference/secretsmanager/')) addSecret(name.slice('/aws/reference/secretsmanager/'.length), reference.node);
    }
  }

  const statements: PolicyStatement[] = [];
  if (secrets.size)
    statements.push({ Sid: 'ReadTaskSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: oneOrSorted(secrets) });
  if (parameters.size)
    statements.push({ Sid: 'ReadTaskParameters', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: oneOrSorted(parameters) });
  statements.push(...decryptStatements(keys));
  statements.push(...environmentFileStatements(model, needs));
  const ecr = ecrStatements(model, needs);
  const logs = awslogsStatements(model, facts, account, needs);
  if (logs.some((l) => JSON.stringify(l.Resource).includes(':*:'))) widened = true;
  if ([...secrets, ...parameters].some((r) => r.includes(':*:'))) widened = true;
  statements.push(...ecr, ...logs);
  if (ecr.length || logs.length) {
    notes.push(
      'The ECR and CloudWatch Logs statements grant what the AWS managed policy AmazonECSTaskExecutionRolePolicy grants, limited to this task; you can attach that managed policy instead of them.',
    );
  }
  if (widened) {
    notes.push(
      'The task\'s account or region is unknown (no role ARN, awslogs-region or AWS profile tells them), so some resources use "*" there; replace it to narrow the policy.',
    );
  }
  if (secrets.size === 0 && parameters.size === 0 && statements.length === 0)
    notes.push('This task definition needs nothing from its execution role.');
  return { policy: { Version: '2012-10-17', Statement: statements }, notes, needs };
}

/** An IAM value: the one string itself, or the strings sorted (a stable, readable policy). */
function oneOrSorted(items: Iterable<string>): string | string[] {
  const sorted = [...items].sort();
  return sorted.length === 1 ? sorted[0] : sorted;
}

function dnsSuffix(partition: string): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The IAM resource of a KMS key: its key ARN; for an alias, every key plus a condition on the alias. */
function keyResource(entry: CatalogEntry, partition: string): { resource: string; alias?: string } {
  const id = entry.kmsKeyId!;
  const prefix = `arn:${partition}:kms:${entry.region}:${entry.accountId}`;
  if (/^arn:[^:]+:kms:[^:]*:\d{12}:key\//.test(id)) return { resource: id };
  if (KEY_ID.test(id)) return { resource: `${prefix}:key/${id}` };
  // An alias ARN as Resource grants nothing on the key behind it (docs/reference/arns.md#arn-kms-2).
  const alias = id.includes(':alias/') ? id.slice(id.indexOf(':alias/') + 1) : id;
  return { resource: `${prefix}:key/*`, alias };
}

function decryptStatements(keys: Map<string, { via: Set<string>; alias?: string }>): PolicyStatement[] {
  // Keys decrypted through the same services share a statement; kms:ViaService keeps each key
  // usable only through Secrets Manager or SSM.
  const groups = new Map<string, { resources: string[]; via: string[]; aliases: string[] }>();
  for (const [resource, { via, alias }] of keys) {
    const services = [...via].sort();
    const group = groups.get(services.join(' ')) ?? { resources: [], via: services, aliases: [] };
    if (!group.resources.includes(resource)) group.resources.push(resource);
    if (alias) group.aliases.push(alias);
    groups.set(services.join(' '), group);
  }
  let n = 0;
  return [...groups.values()].map((group) => {
    const condition: PolicyStatement['Condition'] = {
      StringEquals: { 'kms:ViaService': oneOrSorted(group.via) },
    };
    if (group.aliases.length)
      condition['ForAnyValue:StringEquals'] = {
        'kms:ResourceAliases': oneOrSorted(group.aliases),
      };
    n++;
    return {
      Sid: n === 1 ? 'DecryptWithCustomerManagedKeys' : `DecryptWithCustomerManagedKeys${n}`,
      Effect: 'Allow' as const,
      Action: 'kms:Decrypt',
      Resource: oneOrSorted(group.resources),
      Condition: condition,
    };
  });
}

function environmentFileStatements(model: Subject, needs: ExecutionNeed[]): PolicyStatement[] {
  const objects = new Set<string>();
  const buckets = new Set<string>();
  for (const container of model.containers) {
    for (const file of findArray(container.node, 'environmentFiles')) {
      const value = findString(file, 'value');
      const match = value && !isTemplated(value) ? /^arn:([^:]+):s3:::([^/]+)\/.+$/.exec(value) : null;
      if (!match) continue;
      objects.add(value!);
      needs.push({ node: findValue(file, 'value')!, action: 's3:GetObject', resource: value! });
      buckets.add(`arn:${match[1]}:s3:::${match[2]}`);
    }
  }
  if (!objects.size) return [];
  return [
    { Sid: 'ReadEnvironmentFiles', Effect: 'Allow', Action: 's3:GetObject', Resource: oneOrSorted(objects) },
    { Sid: 'LocateEnvironmentFileBuckets', Effect: 'Allow', Action: 's3:GetBucketLocation', Resource: oneOrSorted(buckets) },
  ];
}

function ecrStatements(model: Subject, needs: ExecutionNeed[]): PolicyStatement[] {
  const repositories = new Set<string>();
  for (const container of model.containers) {
    const match = container.image ? PRIVATE_ECR_IMAGE.exec(container.image) : null;
    if (!match) continue;
    const partition = container.image!.includes('.amazonaws.com.cn/') ? 'aws-cn' : 'aws';
    const repository = `arn:${partition}:ecr:${match[2]}:${match[1]}:repository/${match[3]}`;
    repositories.add(repository);
    const node = findValue(container.node, 'image')!;
    needs.push({ node, action: 'ecr:GetAuthorizationToken', resource: '*' });
    for (const action of ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'])
      needs.push({ node, action, resource: repository });
  }
  if (!repositories.size) return [];
  return [
    // GetAuthorizationToken has no resource-level permissions: its Resource is always "*".
    { Sid: 'GetEcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
    {
      Sid: 'PullPrivateImages',
      Effect: 'Allow',
      Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      Resource: oneOrSorted(repositories),
    },
  ];
}

function awslogsStatements(model: Subject, facts: TaskFacts, account: string, needs: ExecutionNeed[]): PolicyStatement[] {
  const streams = new Set<string>();
  const created = new Set<string>();
  for (const container of model.containers) {
    const logConfiguration = findValue(container.node, 'logConfiguration');
    if (findString(logConfiguration, 'logDriver') !== 'awslogs') continue;
    const options = findValue(logConfiguration, 'options');
    const group = findString(options, 'awslogs-group');
    if (!group || isTemplated(group)) continue;
    const region = findString(options, 'awslogs-region') ?? facts.region ?? '*';
    const groupArn = `arn:${facts.partition}:logs:${isTemplated(region) ? '*' : region}:${account}:log-group:${group}`;
    // `<group>:*` covers the log group (CreateLogStream) and its streams (PutLogEvents).
    streams.add(`${groupArn}:*`);
    const node = findValue(logConfiguration, 'logDriver')!;
    // ECS creates a stream of its own name in the group and writes to it.
    for (const action of ['logs:CreateLogStream', 'logs:PutLogEvents'])
      needs.push({ node, action, resource: `${groupArn}:log-stream:ecs-task` });
    if (findString(options, 'awslogs-create-group')?.toLowerCase() === 'true') created.add(`${groupArn}:*`);
  }
  const statements: PolicyStatement[] = [];
  if (streams.size)
    statements.push({
      Sid: 'WriteAwslogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: oneOrSorted(streams),
    });
  if (created.size)
    statements.push({ Sid: 'CreateAwslogsGroups', Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: oneOrSorted(created) });
  return statements;
}
