import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const task = (credentials: string, image = 'ghcr.io/acme/app:1', extra = '') => `{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "${image}",
      "repositoryCredentials": ${credentials}${extra}
    }
  ]
}`;
const one = (text: string, options = {}) => {
  const findings = findingsOf('registry-credentials-invalid', text, options);
  expect(findings).toHaveLength(1);
  return findings[0];
};

describe('registry-credentials-invalid', () => {
  it('is an error without credentialsParameter, at the repositoryCredentials key', () => {
    const text = task('{}');
    const finding = one(text);
    expect([finding.severity, textAt(text, finding)]).toEqual(['error', '"repositoryCredentials"']);
    expect(findingsOf('missing-required', text)).toEqual([]);
  });

  it('is an error when empty', () => {
    const text = task('{"credentialsParameter": ""}');
    expect([one(text).severity, textAt(text, one(text))]).toEqual(['error', '""']);
  });

  it('is an error for an SSM parameter', () => {
    const finding = one(task('{"credentialsParameter": "arn:aws:ssm:eu-west-1:111122223333:parameter/reg"}'));
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('only from Secrets Manager');
  });

  it('is an error with a JSON-key tail, and the fix removes it', () => {
    const text = task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg-AbCdEf:username::"}');
    const finding = one(text);
    expect(finding.severity).toBe('error');
    expect(applyFix(text, finding)).toBe(
      task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg-AbCdEf"}'),
    );
  });

  it('is information for a bare name, with a fix once account and region are known', () => {
    const text = task('{"credentialsParameter": "reg"}');
    expect(one(text).severity).toBe('information');
    expect(one(text).fixes).toBeUndefined();
    const finding = one(text, { region: 'eu-west-1' });
    expect(applyFix(text, finding)).toBe(task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg"}'));
  });

  it('warns on an ECR image, and the fix removes repositoryCredentials', () => {
    const ecr = '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1';
    const text = task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg-AbCdEf"}', ecr);
    const finding = one(text);
    expect([finding.severity, textAt(text, finding)]).toEqual(['warning', '"repositoryCredentials"']);
    expect(applyFix(text, finding)).toBe(`{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "${ecr}"
    }
  ]
}`);
  });

  it('accepts a secret ARN, and templates', () => {
    expect(
      findingsOf(
        'registry-credentials-invalid',
        task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg-AbCdEf"}'),
      ),
    ).toEqual([]);
    expect(findingsOf('registry-credentials-invalid', task('{"credentialsParameter": "${credentialsParameter}"}'))).toEqual([]);
  });
});
