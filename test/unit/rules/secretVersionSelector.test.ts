import { describe, expect, it } from 'vitest';
import { findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'secret-version-selector';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf';
const VERSION_ID = '0b9c7e2e-7d1a-4c8a-9f4e-2a1b3c4d5e6f';

/** A JSON task definition (Fargate when `fargate`) whose container has these secrets and, optionally, log secret options. */
const task = (secrets: string[], fargate = false, logSecrets: string[] = []) => `{
  "family": "web",${fargate ? '\n  "requiresCompatibilities": ["FARGATE"],' : ''}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "logConfiguration": {
        "logDriver": "splunk",
        "secretOptions": [${logSecrets.map((v) => `{ "name": "splunk-token", "valueFrom": "${v}" }`).join(', ')}]
      },
      "secrets": [
${secrets.map((v, i) => `        { "name": "S${i}", "valueFrom": "${v}" }`).join(',\n')}
      ]
    }
  ]
}
`;

/** The findings of this rule as [text at the range, line, severity, message]. */
const run = (text: string, name?: string, hints = {}) =>
  findingsOf(RULE, text, {}, hints, name).map((f) => [textAt(text, f), f.range.start.line, f.severity, f.message]);

const BOTH = `This valueFrom selects the secret version both by stage "AWSPREVIOUS" and by id "${VERSION_ID}"; Secrets Manager then requires both to name the same version, or the task fails to start. Keep one of the two and leave the other field empty.`;

describe('secret-version-selector', () => {
  it('warns when both a version stage and a version id are given, on the valueFrom', () => {
    const value = `${SECRET}:password:AWSPREVIOUS:${VERSION_ID}`;
    const text = task([value]);
    const findings = findingsOf(RULE, text);
    expect(findings.map((f) => f.fixes)).toEqual([undefined]);
    expect(run(text)).toEqual([[`"${value}"`, 11, 'warning', BOTH]]);
    // Log secret options take the same form.
    expect(run(task([], false, [`${SECRET}::AWSPREVIOUS:${VERSION_ID}`])).map(([, line, severity]) => [line, severity])).toEqual([
      [8, 'warning'],
    ]);
  });

  it('is quiet for one selector, the base form, placeholders, malformed tails and other references', () => {
    expect(run(task([`${SECRET}:password::`, `${SECRET}::AWSPREVIOUS:`, `${SECRET}:::${VERSION_ID}`, SECRET]))).toEqual([]);
    expect(run(task([`${SECRET}::\${stage}:${VERSION_ID}`]))).toEqual([]);
    // One or two fields after the name are arn-malformed's.
    expect(run(task([`${SECRET}:password:AWSPREVIOUS`], true))).toEqual([]);
    expect(run(task(['arn:aws:ssm:eu-west-1:111122223333:parameter/db:AWSPREVIOUS:1', '/db/password'], true))).toEqual([]);
  });

  it('tells once per Fargate task that a JSON key or version needs platform version 1.4.0', () => {
    const text = task([`${SECRET}:password::`, `${SECRET}:username::`, `${SECRET}::AWSPREVIOUS:`, SECRET], true);
    expect(run(text)).toEqual([
      [
        `"${SECRET}:password::"`,
        12,
        'information',
        'This valueFrom selects a JSON key of its Secrets Manager secret (as do 2 more references); Fargate injects JSON keys and versions only on platform version 1.4.0 or later (LATEST is 1.4.0), so make sure the service or RunTask does not pin an older one.',
      ],
    ]);
    expect(run(task([SECRET, `${SECRET}:password:AWSPREVIOUS:`], true)).map(([, , , message]) => message)).toEqual([
      'This valueFrom selects a JSON key and a version stage of its Secrets Manager secret; Fargate injects JSON keys and versions only on platform version 1.4.0 or later (LATEST is 1.4.0), so make sure the service or RunTask does not pin an older one.',
    ]);
    expect(run(task([`${SECRET}:password::`, `${SECRET}:username::`], true)).map(([, , , message]) => message)).toEqual([
      'This valueFrom selects a JSON key of its Secrets Manager secret (as does 1 more reference); Fargate injects JSON keys and versions only on platform version 1.4.0 or later (LATEST is 1.4.0), so make sure the service or RunTask does not pin an older one.',
    ]);
    expect(run(task([`${SECRET}:password::`]))).toEqual([]);
    // Fargate's Windows platform 1.0.0 reads them.
    const windows = task([`${SECRET}:password::`], true).replace(
      '"family": "web",',
      '"family": "web",\n  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" },',
    );
    expect(run(windows)).toEqual([]);
  });

  it('names every selector field a reference sets, and counts only references that set one', () => {
    const message = (secrets: string[]) =>
      run(task(secrets, true)).map(([, , severity, text]) => [severity, (text as string).split(';')[0]]);
    expect(message([`${SECRET}:::${VERSION_ID}`, `${SECRET}:::`])).toEqual([
      ['information', 'This valueFrom selects a version id of its Secrets Manager secret'],
    ]);
    expect(message([`${SECRET}:password:AWSPREVIOUS:${VERSION_ID}`]).at(-1)).toEqual([
      'information',
      'This valueFrom selects a JSON key, a version stage and a version id of its Secrets Manager secret',
    ]);
  });

  it('leaves registry credentials to registry-credentials-invalid', () => {
    const text = task([]).replace(
      '"secrets": [',
      `"repositoryCredentials": { "credentialsParameter": "${SECRET}::AWSPREVIOUS:${VERSION_ID}" },\n      "secrets": [`,
    );
    expect(run(text)).toEqual([]);
  });

  it('checks a container-definition array for both selectors, not for the platform version', () => {
    const array = `[ { "name": "app", "image": "nginx", "secrets": [ { "name": "A", "valueFrom": "${SECRET}:password:AWSPREVIOUS:${VERSION_ID}" } ] } ]`;
    expect(run(array, undefined, { containerDefinitionsFile: true }).map(([, , severity]) => severity)).toEqual(['warning']);
  });

  it('judges a YAML task definition', () => {
    const value = `${SECRET}::AWSPREVIOUS:${VERSION_ID}`;
    const text = `family: web\nrequiresCompatibilities: [FARGATE]\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    secrets:\n      - name: DB\n        valueFrom: ${value}\n`;
    expect(run(text, 'taskdef.yaml').map(([at, line, severity]) => [at, line, severity])).toEqual([
      [value, 7, 'warning'],
      [value, 7, 'information'],
    ]);
  });

  it('judges CloudFormation, including a Fn::Sub whose literal parts say enough', () => {
    const template = (valueFrom: string) =>
      `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n          Secrets:\n            - Name: DB\n              ValueFrom: ${valueFrom}\n`;
    const sub = '!Sub "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db-AbCdEf:password::"';
    expect(run(template(sub), 'template.yaml')).toEqual([
      [
        sub.slice('!Sub '.length),
        10,
        'information',
        'This valueFrom selects a JSON key of its Secrets Manager secret; Fargate injects JSON keys and versions only on platform version 1.4.0 or later (LATEST is 1.4.0), so make sure the service or RunTask does not pin an older one.',
      ],
    ]);
    expect(run(template(`${SECRET}::AWSPREVIOUS:${VERSION_ID}`), 'template.yaml').map(([, , severity]) => severity)).toEqual([
      'warning',
      'information',
    ]);
    expect(run(template('!Ref DbSecret'), 'template.yaml')).toEqual([]);
  });
});
