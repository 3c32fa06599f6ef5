import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const task = (valueFrom: string, extra = '') => `{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [{
    "name": "c",
    "image": "i",${extra}
    "secrets": [{"name": "DB", "valueFrom": "${valueFrom}"}]
  }]
}`;
const LOGS = '\n    "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-region": "eu-west-1"}},';

describe('short-parameter-name', () => {
  it('is information on a bare name, expanded to the ARN with the awslogs region', () => {
    const text = task('/prod/db', LOGS);
    const finding = onlyFindingOf('short-parameter-name', text);
    expect([finding.severity, textAt(text, finding)]).toEqual(['information', '"/prod/db"']);
    expect(finding.message).toBe(
      '"/prod/db" is a bare SSM parameter name, read from the task\'s region only; its ARN is arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db.',
    );
    expect(applyFix(text, finding)).toBe(task('arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db', LOGS));
  });

  it('expands a top-level name without a slash, with the region from the settings', () => {
    const text = task('dbpass');
    const finding = onlyFindingOf('short-parameter-name', text, { region: 'us-gov-west-1' });
    expect(applyFix(text, finding)).toBe(task('arn:aws:ssm:us-gov-west-1:111122223333:parameter/dbpass'));
  });

  it('marks the expansion safe for --fix: the ARN it writes is complete', () => {
    const finding = onlyFindingOf('short-parameter-name', task('/prod/db', LOGS));
    expect(finding.fixes?.map((f) => f.safe)).toEqual([true]);
  });

  it('offers no fix while the region is unknown', () => {
    const finding = onlyFindingOf('short-parameter-name', task('/prod/db'));
    expect(finding.fixes).toBeUndefined();
    expect(finding.message).toContain("prefer the parameter's full ARN");
  });

  it('leaves ARNs, invalid names and templates alone', () => {
    expect(findingsOf('short-parameter-name', task('arn:aws:ssm:eu-west-1:111122223333:parameter/db'))).toEqual([]);
    expect(findingsOf('short-parameter-name', task('prod/db'))).toEqual([]);
    expect(findingsOf('short-parameter-name', task('{{param}}'))).toEqual([]);
    expect(findingsOf('short-parameter-name', task(''))).toEqual([]);
  });

  it('leaves a bare name in registry credentials to registry-credentials-invalid', () => {
    const text = task('/db', `${LOGS}\n    "repositoryCredentials": {"credentialsParameter": "reg"},`);
    expect(findingsOf('short-parameter-name', text).map((f) => textAt(text, f))).toEqual(['"/db"']);
  });
});
