// reference-not-found, over an in-memory catalog: a secret or parameter the signed-in account does
// not have, with the closest name as the fix, and quiet wherever the catalog cannot speak for it.
import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { entry, externalSecret, providerClass, store } from '../../helpers/manifests';
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

  it('offers every close name, in order of closeness, never as the preferred fix', () => {
    const text = task('prod/db-pass');
    const [finding] = findingsOf('reference-not-found', text, withCatalog);
    expect(finding.message).toBe('Parameter "prod/db-pass" was not found in 111122223333/eu-west-1. Check the name or the active profile.');
    const near = fakeCatalog([secret('prod/api-key'), secret('prod/db-passwords'), secret('prod/db-password')]);
    const arn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-pasword';
    const [secretFinding] = findingsOf('reference-not-found', task(arn), { catalog: near });
    expect(secretFinding.message).toBe(
      'Secret "prod/db-pasword" was not found in 111122223333/eu-west-1. Check the name or the active profile. Closest: "prod/db-password", "prod/db-passwords".',
    );
    expect(secretFinding.fixes).toMatchObject([
      { title: 'Change to "prod/db-password"', preferred: false },
      { title: 'Change to "prod/db-passwords"', preferred: false },
    ]);
    expect(applyFix(task(arn), secretFinding, 'Change to "prod/db-password"')).toBe(task(secret('prod/db-password').arn));
  });

  it('keeps a parameter name whole, even one that ends like a secret suffix, and fixes a parameter ARN to the ARN', () => {
    const [finding] = findingsOf('reference-not-found', task('/prod/redis-abcdef'), withCatalog);
    expect(finding.message).toBe(
      'Parameter "/prod/redis-abcdef" was not found in 111122223333/eu-west-1. Check the name or the active profile.',
    );
    const arn = 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/redis/ur';
    const [arnFinding] = findingsOf('reference-not-found', task(arn), withCatalog);
    expect(applyFix(task(arn), arnFinding)).toBe(task(parameter('/prod/redis/url').arn));
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

describe('reference-not-found in Kubernetes manifests', () => {
  const manifests = fakeCatalog([secret('prod/db'), parameter('/prod/db-url')], {
    regions: { 'us-east-1': [secret('east/db', {}, 'us-east-1')] },
  });
  const messages = (text: string) =>
    findingsOf('reference-not-found', text, { catalog: manifests }, {}, 'secrets.yaml').map((f) => [textAt(text, f), f.message]);

  it('reports a key its store’s service lacks, and leaves one the other service has to external-secret-store-mismatch', () => {
    const through = (service: string, key: string) => `${store('s', service)}---\n${externalSecret('s', entry(key))}`;
    expect(messages(through('SecretsManager', 'prod/dbb'))).toEqual([
      ['prod/dbb', 'Secret "prod/dbb" was not found in 111122223333/eu-west-1. Check the name or the active profile. Closest: "prod/db".'],
    ]);
    expect(messages(through('ParameterStore', 'prod/db'))).toEqual([]);
    expect(messages(through('SecretsManager', '/prod/db-url'))).toEqual([]);
  });

  it('says which objectType reads an object the other service has', () => {
    expect(messages(providerClass(['- objectName: "prod/db"', '  objectType: ssmparameter']))).toEqual([
      [
        '"prod/db"',
        'Parameter "prod/db" was not found in 111122223333/eu-west-1. Check the name or the active profile. A secret of that name exists: objectType "secretsmanager" reads it.',
      ],
    ]);
    expect(messages(providerClass(['- objectName: "/prod/db-url"', '  objectType: secretsmanager']))).toEqual([
      [
        '"/prod/db-url"',
        'Secret "/prod/db-url" was not found in 111122223333/eu-west-1. Check the name or the active profile. A parameter of that name exists: objectType "ssmparameter" reads it.',
      ],
    ]);
  });

  it("names the class's region when an objectName ARN is of another", () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:east/db-eastdb';
    expect(messages(providerClass([`- objectName: "${arn}"`])).map(([, message]) => message)).toEqual([
      'Secret "east/db" was not found in 111122223333/eu-west-1. Check the name or the active profile. The ARN is of us-east-1, but the class reads eu-west-1.',
    ]);
    expect(messages(providerClass([`- objectName: "${arn}"`], 'us-east-1'))).toEqual([]);
    // An ARN of the class's own region needs no such word.
    const west = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:west/db-westdb';
    expect(messages(providerClass([`- objectName: "${west}"`])).map(([, message]) => message)).toEqual([
      'Secret "west/db" was not found in 111122223333/eu-west-1. Check the name or the active profile.',
    ]);
  });
});
