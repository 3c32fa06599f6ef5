// Property-based tests (fast-check): the ARN parser and checks never throw and round-trip, and every
// quick fix offered on a generated task definition leaves JSON that parses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkParameterArn,
  checkParameterName,
  checkRoleArn,
  checkSecretArn,
  formatParameterArn,
  parseArn,
  parseParameterArn,
  parseSecretArn,
} from '../../server/src/service/arn';
import { analyze, applyFix, syntaxErrors } from '../helpers/taskdef';

const partition = fc.constantFrom('aws', 'aws-cn', 'aws-us-gov');
const region = fc.constantFrom('eu-west-1', 'us-east-1', 'cn-north-1', 'us-gov-west-1', 'ap-southeast-2');
const account = fc.stringMatching(/^\d{12}$/);
const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/);
const parameterName = fc.oneof(
  segment,
  fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
);

describe('ARN functions on any string', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 300 }), (value) => {
        parseArn(value);
        parseSecretArn(value);
        parseParameterArn(value);
        checkSecretArn(value, true);
        checkSecretArn(value, false);
        checkParameterArn(value);
        checkParameterName(value);
        checkRoleArn(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('parse what they format: parameter ARNs round-trip, whatever the leading slashes', () => {
    fc.assert(
      fc.property(partition, region, account, parameterName, (p, r, a, name) => {
        const arn = formatParameterArn(p, r, a, name);
        const parsed = parseParameterArn(arn)!;
        expect(parsed).toMatchObject({ partition: p, region: r, account: a });
        expect(parsed.name.replace(/^\//, '')).toBe(name.replace(/^\//, ''));
        expect(formatParameterArn(p, r, a, parsed.name)).toBe(arn);
        expect(checkParameterArn(arn).filter((x) => x.severity === 'error')).toEqual([]);
      }),
    );
  });

  it('read back the parts of a secret ARN, with or without the JSON-key tail', () => {
    const secretName = fc.stringMatching(/^[A-Za-z0-9/_+=.@!-]{1,30}$/).filter((n) => !n.includes(':'));
    const field = fc.stringMatching(/^[A-Za-z0-9_-]{0,10}$/);
    fc.assert(
      fc.property(partition, region, account, secretName, fc.option(fc.tuple(field, field, field)), (p, r, a, name, tail) => {
        const base = `arn:${p}:secretsmanager:${r}:${a}:secret:${name}-AbC123`;
        const arn = tail ? `${base}:${tail.join(':')}` : base;
        const parsed = parseSecretArn(arn)!;
        expect(parsed.nameWithSuffix).toBe(`${name}-AbC123`);
        expect(arn.slice(0, arn.length - parsed.tail.length)).toBe(base);
        expect(checkSecretArn(arn, true).filter((x) => x.severity === 'error')).toEqual([]);
      }),
    );
  });
});

describe('quick fixes on generated task definitions', () => {
  const valueFrom = fc.oneof(
    fc.constantFrom(
      '',
      'prod/db',
      '/prod/db:3',
      'db pass',
      'arn:aws:s3:::bucket/key',
      'arn:aws:ssm:eu-west-1:111122223333:parameter:/x',
      'arn:aws:ssm:eu-west-1:111122223333:parameter//x',
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:key',
    ),
    parameterName,
  );
  const container = fc.record({
    name: fc.constantFrom('app', 'web'),
    image: fc.constantFrom('nginx', '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1'),
    memory: fc.constantFrom(512, '512', 'x'),
    environment: fc.array(
      fc.record(
        {
          name: fc.constantFrom('DB', 'PORT', 'TOKEN'),
          value: fc.constantFrom('1', 'hunter2-x'),
          valueFrom: fc.option(valueFrom, { nil: undefined }),
        },
        { requiredKeys: ['name'] },
      ),
      { maxLength: 3 },
    ),
    secrets: fc.array(fc.record({ name: fc.constantFrom('DB', 'API'), valueFrom }), { maxLength: 3 }),
    repositoryCredentials: fc.option(
      fc.record({ credentialsParameter: fc.constantFrom('', 'reg', 'arn:aws:ssm:eu-west-1:111122223333:parameter/r') }),
      { nil: undefined },
    ),
  });
  const task = fc.record({
    family: fc.constantFrom('f'),
    cpu: fc.constantFrom(256, '256'),
    revision: fc.option(fc.constant(3), { nil: undefined }),
    ipcMode: fc.option(fc.constant(null), { nil: undefined }),
    containerDefinitions: fc.array(container, { minLength: 1, maxLength: 2 }),
  });
  const document = fc
    .tuple(task, fc.boolean(), fc.constantFrom(2, 4, '\t'))
    .map(([t, wrap, indent]) => JSON.stringify(wrap ? { taskDefinition: t, tags: [{ key: 'k', value: 'v' }] } : t, null, indent));

  it('every fix leaves parseable JSON', () => {
    fc.assert(
      fc.property(document, (text) => {
        for (const finding of analyze(text, { account: '111122223333', region: 'eu-west-1' })) {
          for (const fix of finding.fixes ?? []) {
            expect(syntaxErrors(applyFix(text, finding, fix.title)), `${fix.title} on ${finding.ruleId}`).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
