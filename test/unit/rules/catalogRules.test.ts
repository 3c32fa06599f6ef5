// What the catalog changes in rules that also work offline: partial-secret-arn with the account's
// secrets, and the fixes of the offline rules. Rules that need the catalog have their own files
// (referenceNotFound, secretNameAsParameter, kmsKeyPermission).
import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { analyze as analyzeAll, applyFix, onlyFindingOf } from '../../helpers/taskdef';
/** Every finding but container-memory's: these fixtures leave container memory out (see containerMemory.test.ts). */
const analyze = (...args: Parameters<typeof analyzeAll>) => analyzeAll(...args).filter((f) => f.ruleId !== 'container-memory');

const ROLE = 'arn:aws:iam::111122223333:role/exec';
const task = (valueFrom: string, role = ROLE) => `{
  "family": "web",
  "executionRoleArn": "${role}",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "secrets": [{ "name": "X", "valueFrom": "${valueFrom}" }]
    }
  ]
}`;
const credentials = (value: string) => `{
  "family": "web",
  "executionRoleArn": "${ROLE}",
  "containerDefinitions": [{ "name": "app", "image": "ghcr.io/a/b", "repositoryCredentials": { "credentialsParameter": "${value}" } }]
}`;
const catalog = fakeCatalog([
  secret('prod/db-password'),
  secret('prod/api-key'),
  secret('db-secret'),
  parameter('/prod/redis/url'),
  parameter('dbpass', { parameterType: 'String' }),
]);
const withCatalog = { catalog };
const codes = (text: string, options: object = withCatalog) => analyze(text, options).map((f) => f.ruleId);
const DB = secret('prod/db-password').arn;

describe('partial-secret-arn', () => {
  it('warns on an ARN without the suffix; the fix writes the full ARN with the tail', () => {
    const text = task('arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-password:username::');
    const finding = onlyFindingOf('partial-secret-arn', text, withCatalog);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe(
      'This ARN lacks the random suffix of the secret "prod/db-password"; it resolves only while exactly one secret matches. Use the full ARN.',
    );
    expect(applyFix(text, finding)).toBe(task(`${DB}:username::`));
    expect(codes(text)).toEqual(['partial-secret-arn']);
  });

  it('warns more strongly when the name ends like a suffix', () => {
    const finding = onlyFindingOf(
      'partial-secret-arn',
      task('arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-secret'),
      withCatalog,
    );
    expect(finding.message).toContain('"-secret", which Secrets Manager reads as the random suffix');
  });
});

describe('offline rules with the catalog', () => {
  it("short-parameter-name expands to the parameter's real ARN", () => {
    const text = task('dbpass');
    const finding = onlyFindingOf('short-parameter-name', text, withCatalog);
    expect(applyFix(text, finding)).toBe(task('arn:aws:ssm:eu-west-1:111122223333:parameter/dbpass'));
  });

  it('registry-credentials-invalid expands a bare name to the real ARN', () => {
    const text = credentials('prod/api-key');
    const finding = onlyFindingOf('registry-credentials-invalid', text, withCatalog);
    expect(applyFix(text, finding)).toBe(credentials(secret('prod/api-key').arn));
  });

  it('cross-account-reference knows the signed-in account when no role names one', () => {
    const text = `{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "secrets": [{"name": "X", "valueFrom": "arn:aws:ssm:eu-west-1:999988887777:parameter/x"}]}]}`;
    const finding = onlyFindingOf('cross-account-reference', text, withCatalog);
    expect(finding.message).toContain('but the task runs in 111122223333 (the signed-in account)');
  });
});
