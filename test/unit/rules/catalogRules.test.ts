// The account-aware rules, over an in-memory catalog: reference-not-found,
// secret-name-as-parameter, partial-secret-arn, and what the catalog changes in the offline rules.
import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { analyze as analyzeAll, applyFix, findingsOf, textAt } from '../../helpers/taskdef';
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

describe('reference-not-found', () => {
  it('warns on a missing secret, naming the closest, with a fix that keeps the JSON-key tail', () => {
    const text = task('arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-pasword-Xx12Yy:user::');
    const [finding] = findingsOf('reference-not-found', text, withCatalog);
    expect([finding.severity, textAt(text, finding)]).toEqual([
      'warning',
      '"arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-pasword-Xx12Yy:user::"',
    ]);
    expect(finding.message).toBe(
      'Secret "prod/db-pasword" was not found in 111122223333/eu-west-1. Check the name or the active profile. Closest: "prod/db-password".',
    );
    expect(applyFix(text, finding, 'Change to "prod/db-password"')).toBe(task(`${DB}:user::`));
  });

  it('warns on a missing parameter, bare or by ARN, and keeps a bare name bare', () => {
    const bare = task('/prod/redis/ur');
    const [finding] = findingsOf('reference-not-found', bare, withCatalog);
    expect(finding.message).toBe(
      'Parameter "/prod/redis/ur" was not found in 111122223333/eu-west-1. Check the name or the active profile. Closest: "/prod/redis/url".',
    );
    expect(applyFix(bare, finding)).toBe(task('/prod/redis/url'));
    expect(codes(bare)).not.toContain('short-parameter-name');
    expect(findingsOf('reference-not-found', task('arn:aws:ssm:eu-west-1:111122223333:parameter/nope'), withCatalog)).toHaveLength(1);
  });

  it('checks registry credentials against the secrets', () => {
    expect(
      findingsOf('reference-not-found', credentials('arn:aws:secretsmanager:eu-west-1:111122223333:secret:dockerhub-AbCdEf'), withCatalog),
    ).toHaveLength(1);
    expect(findingsOf('reference-not-found', credentials(secret('prod/api-key').arn), withCatalog)).toEqual([]);
  });

  it('stays quiet for what the catalog cannot speak for', () => {
    const quiet = (text: string, options: object = withCatalog) => expect(findingsOf('reference-not-found', text, options)).toEqual([]);
    quiet(task(DB));
    quiet(task('/prod/redis/url'));
    quiet(task('dbpass'));
    quiet(task('/prod/redis/URL'.toLowerCase()));
    quiet(task('arn:aws:secretsmanager:eu-west-1:999988887777:secret:other-AbCdEf')); // another account
    quiet(task('arn:aws:ssm:us-east-1:111122223333:parameter/elsewhere')); // region not loaded
    quiet(task('/aws/reference/secretsmanager/prod/whatever'));
    quiet(task('{{ssm `x`}}'));
    quiet(task('/nope'), { catalog: fakeCatalog([], { complete: false }) }); // still loading
    quiet(task('/nope'), {}); // offline
    quiet(task('/nope', 'arn:aws:iam::999988887777:role/exec')); // the task runs in another account
  });

  it('looks other regions up in their own catalog', () => {
    const regional = fakeCatalog([], { regions: { 'us-east-1': [parameter('/east', {}, 'us-east-1')] } });
    expect(findingsOf('reference-not-found', task('arn:aws:ssm:us-east-1:111122223333:parameter/east'), { catalog: regional })).toEqual([]);
    expect(
      findingsOf('reference-not-found', task('arn:aws:ssm:us-east-1:111122223333:parameter/west'), { catalog: regional }),
    ).toHaveLength(1);
    expect(regional.asked).toContain('us-east-1');
  });
});

describe('secret-name-as-parameter', () => {
  it('is an error on a bare secret name, replacing arn-malformed, with a fix to the ARN', () => {
    const text = task('prod/db-password');
    expect(codes(text)).toEqual(['secret-name-as-parameter']);
    const [finding] = findingsOf('secret-name-as-parameter', text, withCatalog);
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe(
      '"prod/db-password" is the name of a Secrets Manager secret, but ECS looks bare names up in SSM Parameter Store; use the secret\'s ARN.',
    );
    expect(applyFix(text, finding)).toBe(task(DB));
    expect(codes(text, {})).toEqual(['arn-malformed']);
  });

  it('fires for a secret name that is also a valid parameter name, unless such a parameter exists', () => {
    expect(codes(task('db-secret'))).toEqual(['secret-name-as-parameter']);
    expect(codes(task('db-secret'), { catalog: fakeCatalog([secret('db-secret'), parameter('db-secret')]) })).toEqual([
      'short-parameter-name',
    ]);
  });
});

describe('partial-secret-arn', () => {
  it('warns on an ARN without the suffix; the fix writes the full ARN with the tail', () => {
    const text = task('arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-password:username::');
    const [finding] = findingsOf('partial-secret-arn', text, withCatalog);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe(
      'This ARN lacks the random suffix of the secret "prod/db-password"; it resolves only while exactly one secret matches. Use the full ARN.',
    );
    expect(applyFix(text, finding)).toBe(task(`${DB}:username::`));
    expect(codes(text)).toEqual(['partial-secret-arn']);
  });

  it('warns more strongly when the name ends like a suffix', () => {
    const [finding] = findingsOf('partial-secret-arn', task('arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-secret'), withCatalog);
    expect(finding.message).toContain('"-secret", which Secrets Manager reads as the random suffix');
  });
});

describe('offline rules with the catalog', () => {
  it("short-parameter-name expands to the parameter's real ARN", () => {
    const text = task('dbpass');
    const [finding] = findingsOf('short-parameter-name', text, withCatalog);
    expect(applyFix(text, finding)).toBe(task('arn:aws:ssm:eu-west-1:111122223333:parameter/dbpass'));
  });

  it('registry-credentials-invalid expands a bare name to the real ARN', () => {
    const text = credentials('prod/api-key');
    const [finding] = findingsOf('registry-credentials-invalid', text, withCatalog);
    expect(applyFix(text, finding)).toBe(credentials(secret('prod/api-key').arn));
  });

  it('cross-account-reference knows the signed-in account when no role names one', () => {
    const text = `{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "secrets": [{"name": "X", "valueFrom": "arn:aws:ssm:eu-west-1:999988887777:parameter/x"}]}]}`;
    const [finding] = findingsOf('cross-account-reference', text, withCatalog);
    expect(finding.message).toContain('but the task runs in 111122223333 (the signed-in account)');
  });
});

describe('kms-key-permission', () => {
  it('names the customer-managed key of a referenced secret or parameter, and stays quiet for AWS managed keys', () => {
    const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const keyed = fakeCatalog([
      secret('prod/db', { kmsKeyId: key }),
      parameter('/p/aws', { kmsKeyId: 'alias/aws/ssm' }),
      parameter('/p/team', { kmsKeyId: 'alias/team' }),
    ]);
    const text = task(secret('prod/db').arn);
    const [finding] = findingsOf('kms-key-permission', text, { catalog: keyed });
    expect([finding.severity, finding.message]).toEqual([
      'information',
      `The secret "prod/db" is encrypted with the customer-managed KMS key ${key}; the execution role needs kms:Decrypt on that key.`,
    ]);
    expect(findingsOf('kms-key-permission', task('/p/aws'), { catalog: keyed })).toEqual([]);
    expect(findingsOf('kms-key-permission', task('/p/team'), { catalog: keyed })).toHaveLength(1);
    expect(findingsOf('kms-key-permission', text, {})).toEqual([]);
  });
});
