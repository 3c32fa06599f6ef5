// The ARN splitter every rule shares (server/src/service/arn.ts, docs/reference/arns.md): the exact
// fields it gives, where a secret ARN's name, suffix and JSON-key tail start and end, and that
// a parsed value is shared rather than split again.
import { describe, expect, it } from 'vitest';
import { PARSED_ARN_LIMIT, parseArn, parseSecretArn, secretArnOf } from '../../server/src/service/arn';

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
