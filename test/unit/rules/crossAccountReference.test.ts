import { describe, expect, it } from 'vitest';
import { findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const task = (roles: string, valueFrom: string, member = 'secrets') => {
  const entry =
    member === 'secrets'
      ? `"secrets": [{"name": "X", "valueFrom": "${valueFrom}"}]`
      : `"repositoryCredentials": {"credentialsParameter": "${valueFrom}"}`;
  return `{"family": "f",${roles} "containerDefinitions": [{"name": "c", "image": "i", ${entry}}]}`;
};
const EXEC = ' "executionRoleArn": "arn:aws:iam::111122223333:role/exec",';
const TASK_ROLE = ' "taskRoleArn": "arn:aws:iam::444455556666:role/app",';

describe('cross-account-reference', () => {
  it('is an error for an SSM parameter in another account than the execution role', () => {
    const text = task(EXEC, 'arn:aws:ssm:eu-west-1:999988887777:parameter/db');
    const finding = onlyFindingOf('cross-account-reference', text);
    expect(finding.severity).toBe('error');
    expect(textAt(text, finding)).toBe('"arn:aws:ssm:eu-west-1:999988887777:parameter/db"');
    expect(finding.message).toBe(
      'This SSM parameter is in account 999988887777, but the task runs in 111122223333 (the account of executionRoleArn); ECS does not read parameters from another account, even shared ones.',
    );
  });

  it('is a warning for a secret in another account, naming what it needs', () => {
    const text = task(EXEC, 'arn:aws:secretsmanager:eu-west-1:999988887777:secret:db-AbCdEf');
    const finding = onlyFindingOf('cross-account-reference', text);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('resource policy');
    expect(finding.message).toContain('customer-managed KMS key');
  });

  it('also checks registry credentials', () => {
    const text = task(EXEC, 'arn:aws:secretsmanager:eu-west-1:999988887777:secret:reg-AbCdEf', 'credentials');
    expect(findingsOf('cross-account-reference', text).map((f) => f.severity)).toEqual(['warning']);
  });

  it('takes the account of taskRoleArn when there is no execution role, then the configured account', () => {
    const ssm = 'arn:aws:ssm:eu-west-1:111122223333:parameter/db';
    expect(onlyFindingOf('cross-account-reference', task(TASK_ROLE, ssm)).message).toContain('(the account of taskRoleArn)');
    expect(onlyFindingOf('cross-account-reference', task('', ssm), { account: '999999999999' }).message).toContain(
      '(the configured account)',
    );
    expect(findingsOf('cross-account-reference', task(EXEC + TASK_ROLE, ssm))).toEqual([]);
  });

  it('stays quiet when the account is unknown, the same, or a placeholder', () => {
    expect(findingsOf('cross-account-reference', task('', 'arn:aws:ssm:eu-west-1:999988887777:parameter/db'))).toEqual([]);
    expect(findingsOf('cross-account-reference', task(EXEC, 'arn:aws:ssm:eu-west-1:111122223333:parameter/db'))).toEqual([]);
    expect(findingsOf('cross-account-reference', task(EXEC, 'arn:aws:ssm:eu-west-1:${Account}:parameter/db'))).toEqual([]);
    // Another service's ARN is arn-malformed's, whatever its account.
    expect(findingsOf('cross-account-reference', task(EXEC, 'arn:aws:kms:eu-west-1:999988887777:key/db'))).toEqual([]);
    expect(
      findingsOf(
        'cross-account-reference',
        task(' "executionRoleArn": "arn:aws:iam::ACCOUNT_ID:role/x",', 'arn:aws:ssm:eu-west-1:999988887777:parameter/db'),
      ),
    ).toEqual([]);
  });
});
