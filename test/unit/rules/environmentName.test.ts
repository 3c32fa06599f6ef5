import { describe, expect, it } from 'vitest';
import { findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'environment-name';
const task = (environment: string, secrets = '', logSecrets = '') => `{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "i",
      "environment": [${environment}],
      "secrets": [${secrets}],
      "logConfiguration": { "logDriver": "splunk", "options": {}, "secretOptions": [${logSecrets}] }
    }
  ]
}`;
const E = (name: string) => `{"name": "${name}", "value": "x"}`;
const S = (name: string) => `{"name": "${name}", "valueFrom": "/p/db"}`;
const run = (text: string, name?: string) => findingsOf(RULE, text, {}, {}, name).map((f) => [f.severity, textAt(text, f), f.message]);

describe('environment-name', () => {
  it('warns on a name shells cannot read, in environment and secrets, on the name', () => {
    const text = task(`${E('1PORT')}, ${E('spring.profiles.active')}, ${E('OK_1')}`, S('db-password'));
    expect(run(text)).toEqual([
      [
        'warning',
        '"1PORT"',
        '"1PORT" in "environment" of container "web" is not a portable variable name (letters, digits and "_", not starting with a digit); shells and many frameworks cannot read it.',
      ],
      [
        'warning',
        '"spring.profiles.active"',
        '"spring.profiles.active" in "environment" of container "web" is not a portable variable name (letters, digits and "_", not starting with a digit); shells and many frameworks cannot read it.',
      ],
      [
        'warning',
        '"db-password"',
        '"db-password" in "secrets" of container "web" is not a portable variable name (letters, digits and "_", not starting with a digit); shells and many frameworks cannot read it.',
      ],
    ]);
    expect(findingsOf(RULE, text).every((f) => f.fixes === undefined)).toBe(true);
  });

  it('is an error for a name with "="', () => {
    expect(run(task(`${E('A=B')}, ${E('=X')}`))).toEqual([
      [
        'error',
        '"A=B"',
        '"A=B" in "environment" of container "web" contains "="; the environment is a list of NAME=value strings, so the container would see a variable "A" instead. Rename it.',
      ],
      [
        'error',
        '"=X"',
        '"=X" in "environment" of container "web" contains "="; the environment is a list of NAME=value strings, so the container would see no such variable. Rename it.',
      ],
    ]);
  });

  it('is quiet for portable names, empty names, placeholders and log-option keys', () => {
    const text = task(`${E('PORT')}, ${E('_x9')}, ${E('')}, ${E(' ')}, ${E('${PREFIX}-NAME')}`, S('DB_PASSWORD'), S('splunk-token'));
    expect(run(text)).toEqual([]);
  });

  it('reports in a YAML task definition and in a CloudFormation template, in its names', () => {
    const yaml =
      'family: f\ncontainerDefinitions:\n  - name: web\n    image: i\n    environment:\n      - name: my-var\n        value: x\n      - name: OK\n        value: y\n';
    expect(run(yaml, 'taskdef.yaml').map((f) => [f[0], f[1]])).toEqual([['warning', 'my-var']]);
    const template = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: i
          Environment:
            - Name: "a=b"
              Value: x
            - Name: !Ref VarName
              Value: y
          Secrets:
            - Name: 2FA_KEY
              ValueFrom: /p/key
`;
    expect(run(template, 'template.yaml')).toEqual([
      [
        'error',
        '"a=b"',
        '"a=b" in "Environment" of container "web" contains "="; the environment is a list of NAME=value strings, so the container would see a variable "a" instead. Rename it.',
      ],
      [
        'warning',
        '2FA_KEY',
        '"2FA_KEY" in "Secrets" of container "web" is not a portable variable name (letters, digits and "_", not starting with a digit); shells and many frameworks cannot read it.',
      ],
    ]);
  });
});
