// partial-secret-arn without the catalog: an ARN whose name cannot end in the random suffix is
// partial from its text alone. The catalog cases are in catalogRules.test.ts.
import { describe, expect, it } from 'vitest';
import { fakeCatalog, secret } from '../../helpers/fakeCatalog';
import { findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const task = (valueFrom: string, place: 'secrets' | 'credentials' = 'secrets') => `{
  "family": "web",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      ${place === 'secrets' ? `"secrets": [{ "name": "X", "valueFrom": "${valueFrom}" }]` : `"repositoryCredentials": { "credentialsParameter": "${valueFrom}" }`}
    }
  ]
}`;
const template = (valueFrom: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ExecutionRoleArn: arn:aws:iam::111122223333:role/exec
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Secrets:
            - Name: X
              ValueFrom: ${valueFrom}
`;
const SM = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:';
const offline = (name: string) =>
  `This ARN lacks the random suffix of the secret "${name}" (a hyphen and six letters or digits after the name); it resolves only while exactly one secret matches. Use the full ARN, as describe-secret or the console shows it.`;

describe('partial-secret-arn offline', () => {
  it('warns on a name that cannot end in the suffix, on the whole value, with no fix', () => {
    const text = task(`${SM}prod/db`);
    const findings = findingsOf('partial-secret-arn', text);
    expect(findings.map((f) => [f.severity, f.message, textAt(text, f), f.fixes])).toEqual([
      ['warning', offline('prod/db'), `"${SM}prod/db"`, undefined],
    ]);
  });

  it('reads the name of the JSON-key form with arn.ts, keeping the tail out of it', () => {
    expect(findingsOf('partial-secret-arn', task(`${SM}prod/db:password::`)).map((f) => f.message)).toEqual([offline('prod/db')]);
    expect(findingsOf('partial-secret-arn', task(`${SM}prod/db-Xk4pQz:password::`))).toEqual([]);
    expect(findingsOf('partial-secret-arn', task(`${SM}prod/db-Xk4pQz`))).toEqual([]);
  });

  it.each([
    ['a hyphen and five characters', 'app/db-12345'],
    ['a hyphen and seven characters', 'app/db-password'],
    ['six characters after an underscore', 'app/db_Xk4pQz'],
    ['a suffix with a character outside A-Za-z0-9', 'app/db-Xk4p.z'],
  ])('reports a name ending in %s', (_, name) => {
    expect(findingsOf('partial-secret-arn', task(`${SM}${name}`)).map((f) => f.message)).toEqual([offline(name)]);
  });

  it('cannot tell a name that ends like a suffix (db-secret) from a full ARN without the account', () => {
    expect(findingsOf('partial-secret-arn', task(`${SM}db-secret`))).toEqual([]);
    expect(findingsOf('partial-secret-arn', task(`${SM}test-secret`))).toEqual([]);
    // "apikey1" is seven characters: this name cannot be read as suffixed.
    expect(findingsOf('partial-secret-arn', task(`${SM}my-apikey1`))).toHaveLength(1);
  });

  it('reports registry credentials too', () => {
    expect(findingsOf('partial-secret-arn', task(`${SM}ghcr/pull`, 'credentials')).map((f) => f.message)).toEqual([offline('ghcr/pull')]);
  });

  it('does not judge placeholders, other services, bare names or an empty name', () => {
    for (const value of [
      `${SM}\${SECRET_NAME}`,
      `${SM}{{ .Values.secret }}`,
      `${SM}<SECRET_NAME>`,
      'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db',
      'prod/db',
      SM,
    ]) {
      expect(findingsOf('partial-secret-arn', task(value)), value).toEqual([]);
    }
    // A placeholder elsewhere in the ARN leaves the name literal, and still partial.
    expect(findingsOf('partial-secret-arn', task('arn:aws:secretsmanager:${AWS_REGION}:111122223333:secret:prod/db'))).toHaveLength(1);
  });

  it('in a CloudFormation template, judges a plain string and a !Sub whose name is literal, not one built from variables', () => {
    const text = template(`${SM}prod/db`);
    const finding = onlyFindingOf('partial-secret-arn', text, {}, {}, 'template.yaml');
    expect([finding.message, textAt(text, finding)]).toEqual([offline('prod/db'), `${SM}prod/db`]);
    const sub = template('!Sub "arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db"');
    expect(findingsOf('partial-secret-arn', sub, {}, {}, 'template.yaml').map((f) => [f.message, textAt(sub, f)])).toEqual([
      [offline('prod/db'), '"arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db"'],
    ]);
    const variable = template('!Sub "arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${Env}/db"');
    expect(findingsOf('partial-secret-arn', variable, {}, {}, 'template.yaml')).toEqual([]);
    const lookedUp = template('!Ref DbSecret');
    expect(findingsOf('partial-secret-arn', lookedUp, {}, {}, 'template.yaml')).toEqual([]);
  });

  it('in a YAML task definition, as in JSON', () => {
    const text = `family: web\nexecutionRoleArn: arn:aws:iam::111122223333:role/exec\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    secrets:\n      - name: X\n        valueFrom: "${SM}prod/db:password::"\n`;
    const finding = onlyFindingOf('partial-secret-arn', text, {}, {}, 'taskdef.yaml');
    expect([finding.message, textAt(text, finding)]).toEqual([offline('prod/db'), `"${SM}prod/db:password::"`]);
  });
});

describe('partial-secret-arn with the catalog', () => {
  const catalog = fakeCatalog([secret('prod/db')]);

  it('reports once, with the full ARN for the fix, where the account knows the secret', () => {
    const findings = findingsOf('partial-secret-arn', task(`${SM}prod/db`), { catalog });
    expect(findings.map((f) => [f.message, f.fixes?.map((x) => x.title)])).toEqual([
      [
        'This ARN lacks the random suffix of the secret "prod/db"; it resolves only while exactly one secret matches. Use the full ARN.',
        ['Use the full ARN'],
      ],
    ]);
  });

  it('leaves a secret the account does not have to reference-not-found', () => {
    expect(findingsOf('partial-secret-arn', task(`${SM}prod/other`), { catalog })).toEqual([]);
    expect(findingsOf('reference-not-found', task(`${SM}prod/other`), { catalog })).toHaveLength(1);
  });

  it('judges the text where the catalog cannot speak: another account', () => {
    const other = 'arn:aws:secretsmanager:eu-west-1:999988887777:secret:shared/db';
    expect(findingsOf('partial-secret-arn', task(other), { catalog }).map((f) => [f.message, f.fixes])).toEqual([
      [offline('shared/db'), undefined],
    ]);
  });

  it('judges a !Sub expression with the account, as before', () => {
    const sub = template('!Sub "arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db"');
    expect(findingsOf('partial-secret-arn', sub, { catalog }, {}, 'template.yaml').map((f) => f.fixes?.[0].title)).toEqual([
      'Use the full ARN',
    ]);
  });
});
