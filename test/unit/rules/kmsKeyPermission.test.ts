// kms-key-permission, over an in-memory catalog: a referenced secret or parameter encrypted with a
// customer-managed KMS key, which the execution role must be allowed to decrypt with.
import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { findingsOf, textAt } from '../../helpers/taskdef';

const task = (valueFrom: string) => `{
  "family": "web",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "secrets": [{ "name": "X", "valueFrom": "${valueFrom}" }]
    }
  ]
}`;
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const keyed = fakeCatalog([
  secret('prod/db', { kmsKeyId: KEY }),
  parameter('/p/aws', { kmsKeyId: 'alias/aws/ssm' }),
  parameter('/p/team', { kmsKeyId: 'alias/team' }),
]);

describe('kms-key-permission', () => {
  it('names the customer-managed key of a referenced secret, on the reference, without a fix', () => {
    const text = task(secret('prod/db').arn);
    const findings = findingsOf('kms-key-permission', text, { catalog: keyed });
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect([finding.severity, finding.message]).toEqual([
      'information',
      `The secret "prod/db" is encrypted with the customer-managed KMS key ${KEY}; the execution role needs kms:Decrypt on that key.`,
    ]);
    expect(textAt(text, finding)).toBe(`"${secret('prod/db').arn}"`);
    expect(finding.range).toEqual({ start: { line: 7, character: 46 }, end: { line: 7, character: 115 } });
    expect(finding.fixes).toBeUndefined();
  });

  it('names a parameter key given as an alias', () => {
    const text = task('/p/team');
    expect(findingsOf('kms-key-permission', text, { catalog: keyed }).map((f) => [f.message, textAt(text, f)])).toEqual([
      [
        'The parameter "/p/team" is encrypted with the customer-managed KMS key alias/team; the execution role needs kms:Decrypt on that key.',
        '"/p/team"',
      ],
    ]);
  });

  it('stays quiet for AWS managed keys, and offline', () => {
    expect(findingsOf('kms-key-permission', task('/p/aws'), { catalog: keyed })).toEqual([]);
    expect(findingsOf('kms-key-permission', task(secret('prod/db').arn), {})).toEqual([]);
  });
});
