import { checkParameterArn, checkParameterName, checkRoleArn, checkSecretArn, isArn, parseArn, secretArnOf, type ArnProblem } from '../arn';
import { isSecretNameInValueFrom } from '../catalogLookup';
import { manifestKeys } from '../kubernetesLookup';
import type { Finding } from '../findings';
import { findValue } from '../document/navigate';
import type { DocNode } from '../document/node';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import type { SecretReference } from '../subjects/subject';
import { isTemplated } from '../template';
import { fixList, nodeRange, replaceStringFix, safeFix } from './fixBuilders';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';

export const arnMalformed: SubjectRule = {
  id: 'arn-malformed',
  title: 'Malformed ARN or parameter name',
  description:
    'Reports a secret reference or role that breaks the ARN grammar: the wrong number of fields, an unknown partition, a region or account of the wrong shape, `parameter:` or `parameter//` in an SSM ARN, a Secrets Manager JSON-key form with one or two extra fields instead of three, an ARN of another service in `valueFrom`, a non-role ARN as a role, or a bare parameter name SSM cannot have (invalid characters, levels without a leading `/`, a `:version` selector). ECS rejects these at registration or fails the task at start. Quick fixes correct `parameter:`/`parameter//` and pad the JSON-key form.',
  needsCatalog: false,
  appliesTo: [...ALL_SUBJECTS, 'secretStore', 'externalSecret', 'secretProviderClass'],
  check(ctx) {
    if (ctx.subject.kubernetes) return manifestFindings(ctx);
    const findings: Finding[] = [];
    // Messages name the members as the document spells them (CloudFormation's `ValueFrom`).
    const { dialect } = ctx.subject;
    const names = {
      valueFrom: dialect.hostName('Secret', 'valueFrom'),
      credentialsParameter: dialect.hostName('RepositoryCredentials', 'credentialsParameter'),
    };
    const { references } = ctx.subject;
    for (let i = 0; i < references.length; i++) {
      const reference = references[i];
      // `prod/db` is no valid parameter name, but when it is a secret's, the user meant the secret.
      if (isSecretNameInValueFrom(ctx, reference)) continue;
      const problems = referenceProblems(reference, names);
      for (let j = 0; j < problems.length; j++) findings.push(toFinding(ctx, reference.node, problems[j]));
    }
    for (const key of ['executionRoleArn', 'taskRoleArn']) {
      const node = findValue(ctx.subject.task, key);
      if (node?.type === 'string' && isArn(node.value)) {
        for (const problem of checkRoleArn(node.value)) findings.push(toFinding(ctx, node, problem, dialect.hostName(ROOT_STRUCTURE, key)));
      }
    }
    return findings;
  },
};

/**
 * The shapes almost every reference has, checked in one step: a well-formed ARN in the `aws`
 * partition needs none of the field-by-field checks below (large documents hold thousands).
 */
const WELL_FORMED_SECRET =
  /^arn:aws:secretsmanager:(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+:\d{12}:secret:[A-Za-z0-9/_+=.@!-]+(:[^:]*:[^:]*:[^:]*)?$/;
const WELL_FORMED_PARAMETER =
  /^arn:aws:ssm:(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+:\d{12}:parameter\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+){0,14}$/;

const NO_PROBLEMS: readonly ArnProblem[] = Object.freeze([]);

function referenceProblems(reference: SecretReference, names: { valueFrom: string; credentialsParameter: string }): readonly ArnProblem[] {
  const { value, place, arn } = reference;
  // The slow path finds nothing in these either (a JSON-key tail in credentialsParameter is
  // registry-credentials-invalid's); the mutation survivors of these patterns that narrow them are
  // equivalent (docs/reliability.md).
  if (WELL_FORMED_PARAMETER.test(value) || WELL_FORMED_SECRET.test(value)) return NO_PROBLEMS;
  if (place === 'registryCredentials') {
    // Empty values, bare names and SSM ARNs are registry-credentials-invalid findings.
    if (!isArn(value)) return [];
    if (arn?.service === 'ssm') return [];
    if (arn?.service === 'secretsmanager') return checkSecretArn(value, false);
    return otherServiceProblems(value, names.credentialsParameter, 'a Secrets Manager secret ARN');
  }
  if (value === '')
    return [
      {
        severity: 'error',
        message: `${names.valueFrom} is empty; give the ARN of a Secrets Manager secret or the name or ARN of an SSM parameter.`,
      },
    ];
  if (!isArn(value)) return checkParameterName(value);
  if (arn?.service === 'secretsmanager') return checkSecretArn(value, true);
  if (arn?.service === 'ssm') return checkParameterArn(value);
  return otherServiceProblems(value, names.valueFrom, 'a Secrets Manager secret or SSM parameter');
}

function otherServiceProblems(value: string, member: string, expected: string): ArnProblem[] {
  const arn = parseArn(value);
  if (!arn) return checkSecretArn(value, false); // reports the field count
  if (isTemplated(arn.service)) return [];
  return [{ severity: 'error', message: `This is an ARN of the service "${arn.service}"; ${member} takes ${expected}.` }];
}

/** Kubernetes manifests: keys and objectNames written as ARNs, and an ESO store's role. */
function manifestFindings(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const manifest = ctx.subject.kubernetes!;
  if (manifest.kind === 'store') {
    const role = findValue(findValue(findValue(findValue(manifest.store.node, 'spec'), 'provider'), 'aws'), 'role');
    if (role?.type === 'string' && isArn(role.value) && !isTemplated(role.value)) {
      for (const problem of checkRoleArn(role.value)) findings.push(toFinding(ctx, role, problem, 'role'));
    }
    return findings;
  }
  for (const key of manifestKeys(ctx.subject, ctx.model, ctx.options)) {
    if (!isArn(key.key) || isTemplated(key.key)) continue;
    const service = parseArn(key.key)?.service;
    const problems =
      service === 'secretsmanager'
        ? [...checkSecretArn(key.key, false), ...jsonKeyTail(key.key, manifest.kind)]
        : service === 'ssm'
          ? checkParameterArn(key.key)
          : otherServiceProblems(key.key, 'this key', 'a Secrets Manager secret or SSM parameter ARN');
    for (const problem of problems) findings.push(toFinding(ctx, key.node, problem));
  }
  return findings;
}

/**
 * ECS's `:json-key:stage:id` tail, which neither Kubernetes reader takes: both pass the key to
 * Secrets Manager as the secret's ID (docs/kubernetes.md#keys-and-json-keys).
 */
function jsonKeyTail(key: string, kind: 'externalSecret' | 'providerClass'): ArnProblem[] {
  const arn = parseArn(key);
  const tail = arn && secretArnOf(arn)?.tail;
  if (!tail) return [];
  const [reader, selector] =
    kind === 'externalSecret' ? ['The External Secrets Operator', '`property`'] : ['The Secrets Store CSI provider', '`jmesPath`'];
  return [
    {
      severity: 'error',
      message: `This ARN ends in ECS's JSON-key form "${tail}". ${reader} reads the key as the secret's ID, which names no secret with that tail; select the JSON key with ${selector} instead.`,
    },
  ];
}

function toFinding(ctx: RuleContext, node: DocNode, problem: ArnProblem, member?: string): Finding {
  const fix = problem.fix && replaceStringFix(ctx, node, problem.fix.value, problem.fix.title);
  return {
    ruleId: 'arn-malformed',
    severity: problem.severity,
    message: member ? `${member}: ${problem.message}` : problem.message,
    range: nodeRange(ctx, node),
    fixes: fixList(problem.fix?.safe ? safeFix(fix) : fix),
  };
}
