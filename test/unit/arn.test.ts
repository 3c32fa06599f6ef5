// The ARN splitter every rule shares (server/src/service/arn.ts, docs/reference/arns.md): the exact
// fields it gives, where a secret ARN's name, suffix and JSON-key tail start and end, and that
// a parsed value is shared rather than split again; which regions each partition has, and what
// each check says of each field.
import { describe, expect, it } from 'vitest';
import {
  checkParameterArn,
  checkParameterName,
  checkRoleArn,
  checkSecretArn,
  formatParameterArn,
  PARSED_ARN_LIMIT,
  parseArn,
  parseParameterArn,
  parseSecretArn,
  partitionOfRegion,
  secretArnOf,
} from '../../server/src/service/arn';

const ACCOUNT = '111122223333';
const SECRET = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:prod/db-AbCdEf`;

describe('parseArn', () => {
  it('gives the six fields, the resource keeping any further colons', () => {
    expect(parseArn(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/a:b`)).toEqual({
      partition: 'aws',
      service: 'ssm',
      region: 'eu-west-1',
      account: ACCOUNT,
      resource: 'parameter/a:b',
    });
  });

  it('keeps empty fields empty', () => {
    expect(parseArn('arn:aws-cn:iam:::role/x')).toEqual({
      partition: 'aws-cn',
      service: 'iam',
      region: '',
      account: '',
      resource: 'role/x',
    });
    expect(parseArn('arn:::::')).toEqual({ partition: '', service: '', region: '', account: '', resource: '' });
  });

  it.each([
    ['no arn: prefix', `aws:ssm:eu-west-1:${ACCOUNT}:parameter/a`],
    ['a prefix in capitals', `ARN:aws:ssm:eu-west-1:${ACCOUNT}:parameter/a`],
    ['a parameter name', '/prod/db'],
    ['no field after arn:', 'arn:aws'],
    ['two fields', 'arn:aws:ssm'],
    ['three fields', 'arn:aws:ssm:eu-west-1'],
    ['four fields', `arn:aws:ssm:eu-west-1:${ACCOUNT}`],
  ])('is undefined with %s', (_, value) => {
    expect(parseArn(value)).toBeUndefined();
    // Cached as "not an ARN": asked again, still undefined.
    expect(parseArn(value)).toBeUndefined();
  });

  it('shares the parsed value between calls', () => {
    const first = parseArn(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/shared`);
    expect(parseArn(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/shared`)).toBe(first);
  });

  it('still parses correctly after the cache has been emptied for being full', () => {
    for (let i = 0; i < 20_001; i++) parseArn(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/p${i}`);
    expect(parseArn(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/p5`)?.resource).toBe('parameter/p5');
    expect(parseArn('not-an-arn')).toBeUndefined();
  });

  // The cache is seen through identity: a value still cached comes back as the same object.
  it('keeps what it parsed until it holds PARSED_ARN_LIMIT values, then starts again', () => {
    const marker = `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/marker`;
    const fresh = (() => {
      let n = 0;
      return () => parseArn(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/fill-${n++}`);
    })();
    // Fill until the cache empties (the marker is parsed anew): then it holds that value and the marker.
    let kept = parseArn(marker);
    let filled = 0;
    for (; filled <= PARSED_ARN_LIMIT; filled++) {
      fresh();
      const again = parseArn(marker);
      if (again !== kept) break;
      kept = again;
    }
    expect(filled).toBeLessThanOrEqual(PARSED_ARN_LIMIT);
    kept = parseArn(marker);
    for (let i = 2; i < PARSED_ARN_LIMIT; i++) fresh();
    // Full now, and the marker is still the object it was.
    expect(parseArn(marker)).toBe(kept);
    fresh();
    const after = parseArn(marker);
    expect(after).not.toBe(kept);
    expect(after).toEqual(kept);
  });
});

describe('parseSecretArn', () => {
  it('splits the name with its suffix from a bare secret ARN', () => {
    expect(parseSecretArn(SECRET)).toEqual({
      partition: 'aws',
      service: 'secretsmanager',
      region: 'eu-west-1',
      account: ACCOUNT,
      resource: 'secret:prod/db-AbCdEf',
      nameWithSuffix: 'prod/db-AbCdEf',
      suffix: 'AbCdEf',
      tail: '',
      extended: false,
      jsonKey: undefined,
      versionStage: undefined,
      versionId: undefined,
    });
  });

  it('reads the extended form: JSON key, version stage and version id', () => {
    const arn = parseSecretArn(`${SECRET}:password:AWSPREVIOUS:0123-abcd`);
    expect(arn).toMatchObject({
      nameWithSuffix: 'prod/db-AbCdEf',
      tail: ':password:AWSPREVIOUS:0123-abcd',
      extended: true,
      jsonKey: 'password',
      versionStage: 'AWSPREVIOUS',
      versionId: '0123-abcd',
    });
  });

  it('gives undefined for the empty parts of the extended form', () => {
    expect(parseSecretArn(`${SECRET}:password::`)).toMatchObject({
      tail: ':password::',
      extended: true,
      jsonKey: 'password',
      versionStage: undefined,
      versionId: undefined,
    });
    expect(parseSecretArn(`${SECRET}:::`)).toMatchObject({
      extended: true,
      jsonKey: undefined,
      versionStage: undefined,
      versionId: undefined,
    });
    expect(parseSecretArn(`${SECRET}::AWSCURRENT:`)).toMatchObject({ extended: true, jsonKey: undefined, versionStage: 'AWSCURRENT' });
  });

  it('is not extended with fewer or more than three parts after the name', () => {
    expect(parseSecretArn(`${SECRET}:password`)).toMatchObject({
      tail: ':password',
      extended: false,
      jsonKey: 'password',
      versionStage: undefined,
    });
    expect(parseSecretArn(`${SECRET}:a:b`)).toMatchObject({ extended: false, jsonKey: 'a', versionStage: 'b' });
    expect(parseSecretArn(`${SECRET}:a:b:c:d`)).toMatchObject({ extended: false, jsonKey: 'a', versionStage: 'b', versionId: 'c' });
  });

  it.each([
    ['prod/db-AbCdEf', 'AbCdEf'],
    ['db-123456', '123456'],
    ['prod/db', undefined],
    ['prod/db-AbCdE', undefined],
    ['prod/db_AbCdEf', undefined],
    ['prod/db-AbC-Ef', undefined],
    ['AbCdEf', undefined],
  ])('finds the suffix of %s: %s', (name, suffix) => {
    const arn = parseSecretArn(`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:${name}`);
    expect(arn?.nameWithSuffix).toBe(name);
    expect(arn?.suffix).toBe(suffix);
  });

  it('finds the suffix before the JSON-key tail, not at the end of the value', () => {
    expect(parseSecretArn(`${SECRET}:key-ABCDEF::`)?.suffix).toBe('AbCdEf');
    expect(parseSecretArn(`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db:key-ABCDEF::`)?.suffix).toBeUndefined();
  });

  it('gives an empty name for a bare secret: prefix', () => {
    expect(parseSecretArn(`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:`)).toMatchObject({
      nameWithSuffix: '',
      tail: '',
      suffix: undefined,
    });
    expect(parseSecretArn(`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret::k::`)).toMatchObject({
      nameWithSuffix: '',
      tail: ':k::',
      jsonKey: 'k',
    });
  });

  it.each([
    ['another service', `arn:aws:ssm:eu-west-1:${ACCOUNT}:secret:prod/db`],
    ['another resource type', `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secrets:prod/db`],
    ['the prefix not at the start of the resource', `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:x-secret:prod/db`],
    ['not an ARN', 'prod/db'],
  ])('is undefined for %s', (_, value) => {
    expect(parseSecretArn(value)).toBeUndefined();
  });

  it('keeps the fields of a secret ARN on the value parseArn shares', () => {
    const arn = parseArn(`${SECRET}:k::`)!;
    expect(secretArnOf(arn)).toBe(arn);
    expect(secretArnOf(arn)?.jsonKey).toBe('k');
    expect(secretArnOf(parseArn(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/x`)!)).toBeUndefined();
  });
});

describe('partitions and their regions (docs/reference/arns.md#arn-2)', () => {
  /** Each partition with a region of its own and the region of another partition nearest in spelling. */
  const PARTITIONS: [partition: string, own: string, other: string][] = [
    ['aws', 'ap-southeast-10', 'cn-north-1'],
    ['aws-cn', 'cn-northwest-1', 'us-east-1'],
    ['aws-us-gov', 'us-gov-west-1', 'us-west-1'],
    ['aws-iso', 'us-iso-east-1', 'us-isob-east-1'],
    ['aws-iso-b', 'us-isob-east-1', 'us-iso-east-1'],
    ['aws-iso-e', 'eu-isoe-west-1', 'eu-west-1'],
    ['aws-iso-f', 'us-isof-south-1', 'us-iso-south-1'],
    ['aws-eusc', 'eusc-de-east-1', 'eusc-fr-east-1'],
  ];
  const secret = (partition: string, region: string) => `arn:${partition}:secretsmanager:${region}:${ACCOUNT}:secret:db`;

  it.each(PARTITIONS)('%s: takes %s and warns of %s', (partition, own, other) => {
    expect(checkSecretArn(secret(partition, own), true)).toEqual([]);
    expect(checkSecretArn(secret(partition, other), true)).toEqual([
      { severity: 'warning', message: `The region "${other}" does not belong to the partition "${partition}".` },
    ]);
  });

  it('finds the partition of a region, and aws for one no partition has', () => {
    expect(PARTITIONS.map(([, own]) => partitionOfRegion(own))).toEqual(PARTITIONS.map(([partition]) => partition));
    expect(partitionOfRegion('xx-cn-north-1')).toBe('aws');
    expect(partitionOfRegion('us-gov-west-1-local')).toBe('aws');
    // Each pattern whole: any number, nothing before the prefix, nothing after the number.
    expect(PARTITIONS.map(([, own]) => partitionOfRegion(own.replace(/\d+$/, '12')))).toEqual(PARTITIONS.map(([partition]) => partition));
    for (const [, own] of PARTITIONS.slice(1)) {
      expect([own, partitionOfRegion(`x${own}`), partitionOfRegion(`${own}-local`)]).toEqual([own, 'aws', 'aws']);
    }
  });

  it('takes a region only whole: nothing before its prefix, nothing after its number', () => {
    const warning = (partition: string, region: string) => [
      { severity: 'warning', message: `The region "${region}" does not belong to the partition "${partition}".` },
    ];
    expect(checkSecretArn(secret('aws', 'xx-us-east-1'), true)).toEqual(warning('aws', 'xx-us-east-1'));
    expect(checkSecretArn(secret('aws-cn', 'xcn-north-1'), true)).toEqual(warning('aws-cn', 'xcn-north-1'));
    expect(checkSecretArn(secret('aws-us-gov', 'us-gov-west-east-1'), true)).toEqual(warning('aws-us-gov', 'us-gov-west-east-1'));
  });

  it('says what is wrong with a partition, a region or an account field', () => {
    expect(checkSecretArn(`arn:aws-mars:secretsmanager:eu-west-1:${ACCOUNT}:secret:db`, true)).toEqual([
      { severity: 'warning', message: 'The partition "aws-mars" is not one the AWS SDK knows.' },
    ]);
    expect(checkSecretArn(`arn:Aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db`, true)).toEqual([
      { severity: 'error', message: 'The partition "Aws" is not an AWS partition (aws, aws-cn, aws-us-gov, ...).' },
    ]);
    expect(checkSecretArn(`arn:aws:secretsmanager::${ACCOUNT}:secret:db`, true)).toEqual([
      { severity: 'error', message: 'The region field of this ARN is empty.' },
    ]);
    expect(checkSecretArn(`arn:aws:secretsmanager:eu-west:${ACCOUNT}:secret:db`, true)).toEqual([
      { severity: 'error', message: 'The region "eu-west" is not a region name such as us-east-1.' },
    ]);
    expect(checkSecretArn('arn:aws:secretsmanager:eu-west-1:1111222233334:secret:db', true)).toEqual([
      { severity: 'error', message: 'The account "1111222233334" in this ARN must be a 12-digit account ID.' },
    ]);
    expect(checkSecretArn('arn:aws:secretsmanager:eu-west-1:x111122223333:secret:db', true)).toHaveLength(1);
    expect(checkSecretArn(`arn:aws:secretsmanager:EU-west-1:${ACCOUNT}:secret:db`, true)).toEqual([
      { severity: 'error', message: 'The region "EU-west-1" is not a region name such as us-east-1.' },
    ]);
    for (const partition of ['xaws', 'aws1']) {
      expect(checkSecretArn(`arn:${partition}:secretsmanager:eu-west-1:${ACCOUNT}:secret:db`, true)).toEqual([
        { severity: 'error', message: `The partition "${partition}" is not an AWS partition (aws, aws-cn, aws-us-gov, ...).` },
      ]);
    }
  });
});

describe('checkSecretArn', () => {
  const arn = (name: string) => `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:${name}`;

  it('says when the name is empty or has a character Secrets Manager refuses, at either end', () => {
    expect(checkSecretArn(arn(''), true)).toEqual([{ severity: 'error', message: 'The secret name in this ARN is empty.' }]);
    for (const name of ['#db', 'db#']) {
      expect(checkSecretArn(arn(name), true)).toEqual([
        {
          severity: 'warning',
          message: `The secret name "${name}" has characters Secrets Manager does not allow (letters, digits and /_+=.@!- only).`,
        },
      ]);
    }
  });
});

describe('parseParameterArn and formatParameterArn', () => {
  const arn = (resource: string, service = 'ssm') => `arn:aws:${service}:eu-west-1:${ACCOUNT}:${resource}`;

  it('gives the name as SSM spells it, and nothing for what names no parameter', () => {
    expect(parseParameterArn(arn('parameter/db'))?.name).toBe('db');
    expect(parseParameterArn(arn('parameter/a/b'))?.name).toBe('/a/b');
    expect(parseParameterArn(arn('parameter/a/'))?.name).toBe('/a/');
    for (const value of [
      arn('parameter/'),
      arn('parameter//a'),
      arn('parameter/db', 'secretsmanager'),
      arn('document/db'),
      'arn:aws:ssm',
    ]) {
      expect([value, parseParameterArn(value)]).toEqual([value, undefined]);
    }
  });

  it('writes one "/" after parameter, whatever the name starts with, and keeps the slashes inside it', () => {
    expect(['db', '/a/b', '//a', 'a/b'].map((name) => formatParameterArn('aws', 'eu-west-1', ACCOUNT, name))).toEqual([
      arn('parameter/db'),
      arn('parameter/a/b'),
      arn('parameter/a'),
      arn('parameter/a/b'),
    ]);
  });
});

describe('checkParameterName', () => {
  it('says what is wrong with a name, each message whole', () => {
    expect(checkParameterName('')).toEqual([{ severity: 'error', message: 'The parameter name is empty.' }]);
    expect(checkParameterName('/db:12')).toEqual([
      {
        severity: 'error',
        message:
          'ECS does not accept the version or label selector ":12" in a parameter reference; it always reads the latest version of "/db".',
      },
    ]);
    expect(checkParameterName('/a b#')).toEqual([
      {
        severity: 'error',
        message: 'The parameter name "/a b#" contains " ", "#"; SSM parameter names use only a-zA-Z0-9_.- and / between levels.',
      },
    ]);
    expect(checkParameterName('prod/db')).toEqual([
      {
        severity: 'error',
        message: 'The parameter name "prod/db" has levels but does not start with "/"; write "/prod/db".',
        fix: { title: 'Write "/prod/db"', value: '/prod/db' },
      },
    ]);
  });

  it('takes 15 levels and no more', () => {
    const levels = (n: number) => `/${Array.from({ length: n }, (_, i) => `l${i}`).join('/')}`;
    expect(checkParameterName(levels(15))).toEqual([]);
    expect(checkParameterName(levels(16))).toEqual([
      { severity: 'error', message: `The parameter name "${levels(16)}" has 16 levels; SSM allows at most 15.` },
    ]);
  });
});

describe('checkParameterArn', () => {
  const arn = (resource: string) => `arn:aws:ssm:eu-west-1:${ACCOUNT}:${resource}`;

  it('counts the fields of what is no ARN', () => {
    expect(checkParameterArn('arn:aws:ssm')).toEqual([
      {
        severity: 'error',
        message: 'This ARN has 3 colon-separated fields; an ARN has at least 6: arn:partition:service:region:account:resource.',
      },
    ]);
  });

  it('fixes "parameter:" and "parameter//" only at the start of the resource, the whole name kept', () => {
    expect(checkParameterArn(arn('parameter:///a'))[0].fix).toEqual({ title: 'Write "parameter/"', value: arn('parameter/a'), safe: true });
    expect(checkParameterArn(arn('parameter///a'))[0].fix).toEqual({ title: 'Collapse to one "/"', value: arn('parameter/a'), safe: true });
    expect(checkParameterArn(arn('xparameter:a'))).toEqual([
      { severity: 'error', message: 'An SSM parameter ARN ends in parameter/<name>; this one ends in "xparameter:a".' },
    ]);
    // A line break ends no name: the fix would drop what follows it.
    expect(checkParameterArn(arn('parameter:a\nb'))[0].fix).toBeUndefined();
  });
});

describe('checkRoleArn', () => {
  const arn = (resource: string) => `arn:aws:iam::${ACCOUNT}:${resource}`;

  it('counts the fields of what is no ARN', () => {
    expect(checkRoleArn('arn:aws:iam')).toEqual([
      {
        severity: 'error',
        message: 'This ARN has 3 colon-separated fields; an ARN has at least 6: arn:partition:service:region:account:resource.',
      },
    ]);
  });

  it('takes a role name of 1 to 64 of letters, digits and +=,.@_-, and says so of any other', () => {
    expect(checkRoleArn(arn(`role/${'r'.repeat(64)}`))).toEqual([]);
    expect(checkRoleArn(arn('role/path/to/ecs+exec=1,a.b@c_d-e'))).toEqual([]);
    for (const name of ['has space', '#r', 'r#', 'r'.repeat(65)]) {
      expect(checkRoleArn(arn(`role/${name}`))).toEqual([
        { severity: 'error', message: `The role name "${name}" is not valid: 1 to 64 of letters, digits and +=,.@_-.` },
      ]);
    }
  });

  it('judges no templated part', () => {
    expect(checkRoleArn(arn('role/${Name} here'))).toEqual([]);
    expect(checkRoleArn(arn('${RoleResource}'))).toEqual([]);
    expect(checkRoleArn(arn('user/bob'))).toEqual([
      { severity: 'error', message: 'This IAM ARN names "user/bob", not a role; a role ARN ends in role/<name>.' },
    ]);
  });
});
