// reference-not-found, over an in-memory catalog: a secret or parameter the signed-in account does
// not have, with the closest name as the fix, and quiet wherever the catalog cannot speak for it.
import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { analyze, applyFix, findingsOf, textAt } from '../../helpers/taskdef';

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
const DB = secret('prod/db-password').arn;

describe('reference-not-found', () => {
  it('warns on a missing secret, naming the closest, with a fix that keeps the JSON-key tail', () => {
    const text = task('arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-pasword-Xx12Yy:user::');
    const findings = findingsOf('reference-not-found', text, withCatalog);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect([finding.severity, textAt(text, finding)]).toEqual([
      'warning',
      '"arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-pasword-Xx12Yy:user::"',
    ]);
    expect(finding.range).toEqual({ start: { line: 7, character: 46 }, end: { line: 7, character: 130 } });
    expect(finding.message).toBe(
      'Secret "prod/db-pasword" was not found in 111122223333/eu-west-1. Check the name or the active profile. Closest: "prod/db-password".',
    );
    expect(applyFix(text, finding, 'Change to "prod/db-password"')).toBe(task(`${DB}:user::`));
  });

  it('warns on a missing parameter, bare or by ARN, and keeps a bare name bare', () => {
    const bare = task('/prod/redis/ur');
    const findings = findingsOf('reference-not-found', bare, withCatalog);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect([finding.message, textAt(bare, finding)]).toEqual([
      'Parameter "/prod/redis/ur" was not found in 111122223333/eu-west-1. Check the name or the active profile. Closest: "/prod/redis/url".',
      '"/prod/redis/ur"',
    ]);
    expect(applyFix(bare, finding)).toBe(task('/prod/redis/url'));
    expect(analyze(bare, withCatalog).map((f) => f.ruleId)).not.toContain('short-parameter-name');
    expect(
      findingsOf('reference-not-found', task('arn:aws:ssm:eu-west-1:111122223333:parameter/nope'), withCatalog).map((f) => f.message),
    ).toEqual(['Parameter "nope" was not found in 111122223333/eu-west-1. Check the name or the active profile.']);
  });

  it('checks registry credentials against the secrets', () => {
    const text = credentials('arn:aws:secretsmanager:eu-west-1:111122223333:secret:dockerhub-AbCdEf');
    expect(findingsOf('reference-not-found', text, withCatalog).map((f) => textAt(text, f))).toEqual([
      '"arn:aws:secretsmanager:eu-west-1:111122223333:secret:dockerhub-AbCdEf"',
    ]);
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
