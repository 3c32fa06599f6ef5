// ARN grammar for the references ECS fetches (docs/reference/arns.md): Secrets Manager secrets, SSM
// parameters and IAM roles. Pure string functions: no JSON, no ranges.
import { isTemplated } from './template';

/** Region patterns per partition, from @aws-sdk/core's partitions data (docs/reference/arns.md#arn-2). */
const PARTITION_REGIONS: Record<string, RegExp> = {
  aws: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
  'aws-cn': /^cn-\w+-\d+$/,
  'aws-us-gov': /^us-gov-\w+-\d+$/,
  'aws-iso': /^us-iso-\w+-\d+$/,
  'aws-iso-b': /^us-isob-\w+-\d+$/,
  'aws-iso-e': /^eu-isoe-\w+-\d+$/,
  'aws-iso-f': /^us-isof-\w+-\d+$/,
  'aws-eusc': /^eusc-(de)-\w+-\d+$/,
};
/** Secrets Manager's own RegionType: the lenient shape every region has. */
const REGION_SHAPE = /^([a-z]+-)+\d+$/;
const ACCOUNT = /^\d{12}$/;
const PARTITION_SHAPE = /^aws(-[a-z]+)*$/;
const SECRET_NAME = /^[A-Za-z0-9/_+=.@!-]+$/;
const SECRET_SUFFIX = /-[A-Za-z0-9]{6}$/;
const SECRET_PREFIX = 'secret:';
const PARAMETER_NAME = /^[A-Za-z0-9_.\-/]+$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const MAX_PARAMETER_LEVELS = 15;

/** The six colon-separated fields of an ARN; `resource` keeps any further colons. Read-only: parseArn shares them. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** What is wrong with a reference, and the one fix when the intent is unambiguous. */
export interface ArnProblem {
  severity: 'error' | 'warning';
  message: string;
  /**
   * The corrected value, when there is exactly one; `safe` when writing it is mechanical (the ARN
   * grammar alone says what was meant), so the CLI's `--fix` may apply it.
   */
  fix?: { title: string; value: string; safe?: true };
}

/** True when the value is meant as an ARN. */
export function isArn(value: string): boolean {
  return value.startsWith('arn:');
}

/**
 * Recently parsed ARNs (null: not an ARN): every rule asks about the same references, and documents
 * repeat them. A secret ARN is cached with its secret fields (SecretArn), so that it is split once.
 */
const parsed = new Map<string, Arn | null>();
/** How many values the cache holds before it is emptied: enough for the largest workspace's references. */
export const PARSED_ARN_LIMIT = 20_000;

/** Splits an ARN into its fields; undefined when it has fewer than six. The result is shared: do not modify it. */
export function parseArn(value: string): Arn | undefined {
  let arn = parsed.get(value);
  if (arn === undefined) {
    const fields = splitArn(value);
    arn = fields ? (splitSecretArn(fields) ?? fields) : null;
    if (parsed.size >= PARSED_ARN_LIMIT) parsed.clear();
    parsed.set(value, arn);
  }
  return arn ?? undefined;
}

function splitArn(value: string): Arn | undefined {
  if (!value.startsWith('arn:')) return undefined;
  // The colons after arn:partition, service, region and account; the resource keeps any further ones.
  const afterPartition = value.indexOf(':', 4);
  const afterService = afterPartition < 0 ? -1 : value.indexOf(':', afterPartition + 1);
  const afterRegion = afterService < 0 ? -1 : value.indexOf(':', afterService + 1);
  const afterAccount = afterRegion < 0 ? -1 : value.indexOf(':', afterRegion + 1);
  if (afterAccount < 0) return undefined;
  return {
    partition: value.slice(4, afterPartition),
    service: value.slice(afterPartition + 1, afterService),
    region: value.slice(afterService + 1, afterRegion),
    account: value.slice(afterRegion + 1, afterAccount),
    resource: value.slice(afterAccount + 1),
  };
}

/** The partition a region belongs to, by its pattern; `aws` when none matches. */
export function partitionOfRegion(region: string): string {
  for (const [partition, pattern] of Object.entries(PARTITION_REGIONS)) {
    if (partition !== 'aws' && pattern.test(region)) return partition;
  }
  return 'aws';
}

/** True for a 12-digit account id. */
export function isAccountId(value: string | undefined): value is string {
  return value !== undefined && ACCOUNT.test(value);
}

/** True for a value of a region's shape (`eu-west-1`), known or not. */
export function isRegion(value: string | undefined): value is string {
  return value !== undefined && REGION_SHAPE.test(value);
}

/** True for a value of a partition's shape (`aws`, `aws-cn`, ...). */
export function isPartition(value: string | undefined): value is string {
  return value !== undefined && PARTITION_SHAPE.test(value);
}

/** Checks partition, region and account; `regionless` for IAM, whose ARNs leave the region empty. */
function checkCommonFields(arn: Arn, regionless: boolean): ArnProblem[] {
  const problems: ArnProblem[] = [];
  const known = PARTITION_REGIONS[arn.partition];
  if (!isTemplated(arn.partition)) {
    if (!PARTITION_SHAPE.test(arn.partition)) {
      problems.push({
        severity: 'error',
        message: `The partition "${arn.partition}" is not an AWS partition (aws, aws-cn, aws-us-gov, ...).`,
      });
    } else if (!known) {
      problems.push({ severity: 'warning', message: `The partition "${arn.partition}" is not one the AWS SDK knows.` });
    }
  }
  if (regionless) {
    if (arn.region !== '' && !isTemplated(arn.region)) {
      problems.push({ severity: 'error', message: `IAM ARNs have an empty region field; remove "${arn.region}".` });
    }
  } else if (!isTemplated(arn.region)) {
    if (arn.region === '') {
      problems.push({ severity: 'error', message: 'The region field of this ARN is empty.' });
    } else if (!REGION_SHAPE.test(arn.region)) {
      problems.push({ severity: 'error', message: `The region "${arn.region}" is not a region name such as us-east-1.` });
    } else if (known && !known.test(arn.region)) {
      problems.push({ severity: 'warning', message: `The region "${arn.region}" does not belong to the partition "${arn.partition}".` });
    }
  }
  if (!isTemplated(arn.account) && !ACCOUNT.test(arn.account)) {
    problems.push({ severity: 'error', message: `The account "${arn.account}" in this ARN must be a 12-digit account ID.` });
  }
  return problems;
}

function fieldCountProblem(value: string): ArnProblem {
  const count = value.split(':').length;
  return {
    severity: 'error',
    message: `This ARN has ${count} colon-separated fields; an ARN has at least 6: arn:partition:service:region:account:resource.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Secrets Manager

/** A Secrets Manager secret ARN, possibly with the ECS-only `:json-key:version-stage:version-id` tail. */
export interface SecretArn extends Arn {
  /** The name as written, with the random suffix when present. */
  readonly nameWithSuffix: string;
  /** The six random characters Secrets Manager appends, when the ARN seems to carry them. */
  readonly suffix?: string;
  /** Everything after the name, with its leading colon: `:key:stage:id`, or '' for the base form. */
  readonly tail: string;
  /** The tail has exactly the three fields of the JSON-key form, the only extended form ECS reads (docs/reference/arns.md#arn-sm-4). */
  readonly extended: boolean;
  readonly jsonKey?: string;
  readonly versionStage?: string;
  readonly versionId?: string;
}

/** Parses a Secrets Manager secret ARN; undefined for anything else. Shared like parseArn's: do not modify it. */
export function parseSecretArn(value: string): SecretArn | undefined {
  const arn = parseArn(value);
  return arn && secretArnOf(arn);
}

/** The ARN as a secret ARN, when parseArn found it to be one. */
export function secretArnOf(arn: Arn): SecretArn | undefined {
  return 'nameWithSuffix' in arn ? (arn as SecretArn) : undefined;
}

// Indexes and slices, no destructuring of arrays: this runs once for each of thousands of
// references in a process that has not warmed up, where array patterns cost several times more.
function splitSecretArn(arn: Arn): SecretArn | undefined {
  const { partition, service, region, account, resource } = arn;
  if (service !== 'secretsmanager' || !resource.startsWith(SECRET_PREFIX)) return undefined;
  const nameEnd = resource.indexOf(':', SECRET_PREFIX.length);
  const nameWithSuffix = nameEnd < 0 ? resource.slice(SECRET_PREFIX.length) : resource.slice(SECRET_PREFIX.length, nameEnd);
  const tail = nameEnd < 0 ? '' : resource.slice(nameEnd);
  // The base form's '' gives [''], which reads as no JSON key and not extended.
  const extra = tail.slice(1).split(':');
  return {
    partition,
    service,
    region,
    account,
    resource,
    nameWithSuffix,
    suffix: SECRET_SUFFIX.test(nameWithSuffix) ? nameWithSuffix.slice(-6) : undefined,
    tail,
    extended: extra.length === 3,
    jsonKey: extra[0] || undefined,
    versionStage: extra[1] || undefined,
    versionId: extra[2] || undefined,
  };
}

/** The problems of a Secrets Manager ARN used in `valueFrom` (`allowExtended`) or `credentialsParameter`. */
export function checkSecretArn(value: string, allowExtended: boolean): ArnProblem[] {
  const arn = parseArn(value);
  if (!arn) return [fieldCountProblem(value)];
  const problems = checkCommonFields(arn, false);
  if (!arn.resource.startsWith('secret:')) {
    problems.push({ severity: 'error', message: `A Secrets Manager ARN ends in secret:<name>; this one ends in "${arn.resource}".` });
    return problems;
  }
  const [, name, ...extra] = arn.resource.split(':');
  if (!isTemplated(name)) {
    if (name === '') problems.push({ severity: 'error', message: 'The secret name in this ARN is empty.' });
    else if (!SECRET_NAME.test(name)) {
      problems.push({
        severity: 'warning',
        message: `The secret name "${name}" has characters Secrets Manager does not allow (letters, digits and /_+=.@!- only).`,
      });
    }
  }
  if (allowExtended && extra.length > 0 && extra.length !== 3) {
    if (extra.length < 3) {
      const padded = value + ':'.repeat(3 - extra.length);
      problems.push({
        severity: 'error',
        message: `The JSON-key form needs all three fields after the secret: json-key:version-stage:version-id (empty fields allowed); this ARN has ${extra.length}.`,
        fix: { title: `Complete the JSON-key form: "${padded.slice(padded.lastIndexOf(':secret:') + 8)}"`, value: padded, safe: true },
      });
    } else {
      problems.push({
        severity: 'error',
        message: `This ARN has ${extra.length} fields after the secret name; the JSON-key form has exactly 3: json-key:version-stage:version-id.`,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// SSM Parameter Store

/** An SSM parameter ARN with the parameter's name as SSM spells it (`/a/b`, or `name` at the top level). */
export interface ParameterArn extends Arn {
  name: string;
}

/** Parses a well-formed SSM parameter ARN; undefined for anything else. */
export function parseParameterArn(value: string): ParameterArn | undefined {
  const arn = parseArn(value);
  if (!arn || arn.service !== 'ssm' || !arn.resource.startsWith('parameter/')) return undefined;
  const rest = arn.resource.slice('parameter/'.length);
  if (rest === '' || rest.startsWith('/')) return undefined;
  return { ...arn, name: rest.includes('/') ? `/${rest}` : rest };
}

/** The ARN of a parameter: one `/` after `parameter`, whatever the name starts with (docs/reference/arns.md#arn-ssm-1, #arn-ssm-2). */
export function formatParameterArn(partition: string, region: string, account: string, name: string): string {
  return `arn:${partition}:ssm:${region}:${account}:parameter/${name.replace(/^\/+/, '')}`;
}

/** The problems of a bare SSM parameter name (docs/reference/arns.md#arn-ssm-4, #arn-ssm-5). */
export function checkParameterName(name: string): ArnProblem[] {
  if (isTemplated(name)) return [];
  if (name === '') return [{ severity: 'error', message: 'The parameter name is empty.' }];
  const selector = /^([^:]+):([^:/]+)$/.exec(name);
  if (selector) {
    return [
      {
        severity: 'error',
        message: `ECS does not accept the version or label selector ":${selector[2]}" in a parameter reference; it always reads the latest version of "${selector[1]}".`,
      },
    ];
  }
  // The secret id after /aws/reference/secretsmanager/ follows Secrets Manager's naming, not SSM's.
  if (name.startsWith('/aws/reference/secretsmanager/')) return [];
  if (!PARAMETER_NAME.test(name)) {
    const bad = [...new Set(name.replace(/[A-Za-z0-9_.\-/]/g, ''))];
    return [
      {
        severity: 'error',
        message: `The parameter name "${name}" contains ${bad.map((c) => `"${c}"`).join(', ')}; SSM parameter names use only a-zA-Z0-9_.- and / between levels.`,
      },
    ];
  }
  if (name.includes('/') && !name.startsWith('/')) {
    // Not safe for --fix: offline, "prod/db" may as well be a Secrets Manager secret's name.
    return [
      {
        severity: 'error',
        message: `The parameter name "${name}" has levels but does not start with "/"; write "/${name}".`,
        fix: { title: `Write "/${name}"`, value: `/${name}` },
      },
    ];
  }
  const levels = name.split('/').filter(Boolean).length;
  if (levels > MAX_PARAMETER_LEVELS) {
    return [
      { severity: 'error', message: `The parameter name "${name}" has ${levels} levels; SSM allows at most ${MAX_PARAMETER_LEVELS}.` },
    ];
  }
  return [];
}

/** The problems of an SSM parameter ARN, with the `parameter:` and `parameter//` fixes (docs/reference/arns.md#arn-ssm-2, #arn-ssm-3). */
export function checkParameterArn(value: string): ArnProblem[] {
  const arn = parseArn(value);
  if (!arn) return [fieldCountProblem(value)];
  const problems = checkCommonFields(arn, false);
  const prefix = value.slice(0, value.length - arn.resource.length);
  const colonForm = /^parameter:\/*(.*)$/.exec(arn.resource);
  if (colonForm) {
    const fixed = `${prefix}parameter/${colonForm[1]}`;
    problems.push({
      severity: 'error',
      message: 'An SSM parameter ARN has "parameter/" before the name, not "parameter:".',
      fix: { title: 'Write "parameter/"', value: fixed, safe: true },
    });
    return problems;
  }
  if (!arn.resource.startsWith('parameter/')) {
    problems.push({ severity: 'error', message: `An SSM parameter ARN ends in parameter/<name>; this one ends in "${arn.resource}".` });
    return problems;
  }
  const rest = arn.resource.slice('parameter/'.length);
  if (rest.startsWith('/')) {
    const fixed = `${prefix}parameter/${rest.replace(/^\/+/, '')}`;
    problems.push({
      severity: 'error',
      message: 'This ARN has "parameter//": the name\'s leading "/" is already the separator, so this ARN names no parameter.',
      fix: { title: 'Collapse to one "/"', value: fixed, safe: true },
    });
    return problems;
  }
  problems.push(...checkParameterName(rest.includes('/') ? `/${rest}` : rest).map(({ fix: _fix, ...p }) => p));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// IAM roles

/** The problems of an ARN in `executionRoleArn` or `taskRoleArn` (docs/reference/arns.md#arn-iam-1). */
export function checkRoleArn(value: string): ArnProblem[] {
  const arn = parseArn(value);
  if (!arn) return [fieldCountProblem(value)];
  if (arn.service !== 'iam' && !isTemplated(arn.service)) {
    return [
      {
        severity: 'error',
        message: `A role ARN is an IAM ARN (arn:aws:iam::<account>:role/<name>); this one is of the service "${arn.service}".`,
      },
    ];
  }
  const problems = checkCommonFields(arn, true);
  if (!arn.resource.startsWith('role/')) {
    if (!isTemplated(arn.resource)) {
      problems.push({ severity: 'error', message: `This IAM ARN names "${arn.resource}", not a role; a role ARN ends in role/<name>.` });
    }
    return problems;
  }
  const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
  if (!isTemplated(arn.resource) && !ROLE_NAME.test(name)) {
    problems.push({ severity: 'error', message: `The role name "${name}" is not valid: 1 to 64 of letters, digits and +=,.@_-.` });
  }
  return problems;
}
