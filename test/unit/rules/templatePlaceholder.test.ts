import { describe, expect, it } from 'vitest';
import { analyze, findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'template-placeholder';
const run = (text: string, name?: string) => findingsOf(RULE, text, {}, {}, name).map((f) => [f.severity, textAt(text, f), f.message]);

const TEMPLATE = `{
  "family": "web",
  "executionRoleArn": "arn:aws:iam::__ACCOUNT_ID__:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "secrets": [
        { "name": "A", "valueFrom": "arn:aws:secretsmanager:__AWS_REGION__:__ACCOUNT_ID__:secret:db-AbCdEf" },
        { "name": "B", "valueFrom": "arn:aws:ssm:\${region}:\${account}:parameter/app/b" },
        { "name": "C", "valueFrom": "arn:aws:ssm:us-east-1:\${{ secrets.ACCOUNT }}:parameter/app/c" },
        { "name": "D", "valueFrom": "arn:aws:ssm:us-east-1:111122223333:parameter/app/d" }
      ],
      "repositoryCredentials": { "credentialsParameter": "arn:aws:secretsmanager:us-east-1:{{ account }}:secret:hub-AbCdEf" }
    }
  ]
}
`;

describe('template-placeholder', () => {
  it('says once, on the first, how many ARNs a template fills in, whatever the placeholder style', () => {
    expect(run(TEMPLATE)).toEqual([
      [
        'information',
        '"arn:aws:iam::__ACCOUNT_ID__:role/exec"',
        '5 ARNs hold template placeholders (first "__ACCOUNT_ID__"); what a template fills in is checked only once the file is rendered.',
      ],
    ]);
  });

  it('names the first placeholder in document order, wherever the roles are', () => {
    const late = TEMPLATE.replace('  "executionRoleArn": "arn:aws:iam::__ACCOUNT_ID__:role/exec",\n', '').replace(
      /\n}\n$/,
      ',\n  "executionRoleArn": "arn:aws:iam::{{ role_account }}:role/exec"\n}\n',
    );
    expect(run(late).map(([, at, message]) => [at, message.split(';')[0]])).toEqual([
      [
        '"arn:aws:secretsmanager:__AWS_REGION__:__ACCOUNT_ID__:secret:db-AbCdEf"',
        '5 ARNs hold template placeholders (first "__AWS_REGION__")',
      ],
    ]);
  });

  it('leaves the ARN rules quiet on them', () => {
    const arnRules = [
      'arn-malformed',
      'cross-account-reference',
      'registry-credentials-invalid',
      'partial-secret-arn',
      'secret-version-selector',
    ];
    expect(analyze(TEMPLATE).filter((f) => arnRules.includes(f.ruleId))).toEqual([]);
  });

  it('is quiet for literal ARNs, and for placeholders outside ARNs', () => {
    const text =
      '{ "family": "${family}", "containerDefinitions": [ { "name": "app", "image": "${image}", "secrets": [ { "name": "A", "valueFrom": "/app/a" } ] } ] }';
    expect(run(text)).toEqual([]);
  });

  it('counts one in the singular, in YAML', () => {
    const yaml =
      'family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    secrets:\n      - name: A\n        valueFrom: arn:aws:ssm:%REGION%:111122223333:parameter/a\n';
    expect(run(yaml, 'taskdef.yaml')).toEqual([
      [
        'information',
        'arn:aws:ssm:%REGION%:111122223333:parameter/a',
        'One ARN holds template placeholders (first "%REGION%"); what a template fills in is checked only once the file is rendered.',
      ],
    ]);
  });

  it("leaves CloudFormation's Fn::Sub to the ARN rules, which read its pseudo parameters", () => {
    const template = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: arn:aws:iam::#{AccountId}:role/task
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Secrets:
            - Name: A
              ValueFrom: !Sub arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/a
`;
    expect(run(template, 'template.yaml').map(([, at, message]) => [at, message])).toEqual([
      [
        'arn:aws:iam::#{AccountId}:role/task',
        'One ARN holds template placeholders (first "#{AccountId}"); what a template fills in is checked only once the file is rendered.',
      ],
    ]);
  });
});
