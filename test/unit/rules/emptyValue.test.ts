import { describe, expect, it } from 'vitest';
import { analyze, findingsOf, textAt } from '../../helpers/taskdef';

const run = (text: string, name?: string, hints = {}) =>
  findingsOf('empty-value', text, {}, hints, name).map((f) => [f.severity, textAt(text, f), f.message, f.fixes]);

describe('empty-value', () => {
  it('reports each empty value ECS needs, on the value, without a fix', () => {
    const text = `{
  "family": "",
  "cpu": "",
  "memory": " ",
  "tags": [{ "key": "", "value": "" }],
  "volumes": [{ "name": "" }],
  "containerDefinitions": [
    {
      "name": "",
      "image": "",
      "environment": [{ "name": "", "value": "x" }],
      "secrets": [{ "name": "\\t", "valueFrom": "/p/db" }],
      "dependsOn": [{ "containerName": "", "condition": "START" }]
    }
  ]
}`;
    expect(run(text)).toEqual([
      ['error', '""', '"family" is empty; ECS needs a family name (up to 255 letters, digits, "_" and "-").', undefined],
      ['error', '""', 'Task-level "cpu" is empty; ECS rejects the task definition. Give a value or remove "cpu".', undefined],
      [
        'error',
        '" "',
        'Task-level "memory" holds only whitespace; ECS rejects the task definition. Give a value or remove "memory".',
        undefined,
      ],
      ['error', '""', 'A tag\'s "key" is empty; ECS rejects the task definition (a tag key has 1 to 128 characters).', undefined],
      [
        'error',
        '""',
        '"name" of volume #1 is empty; ECS needs a volume name (up to 255 letters, digits, "_" and "-"), which mount points refer to.',
        undefined,
      ],
      ['error', '""', '"name" of container #1 is empty; ECS needs a container name (up to 255 letters, digits, "_" and "-").', undefined],
      ['error', '""', '"image" of container #1 is empty; ECS rejects it ("Container.image should not be null or empty").', undefined],
      ['error', '""', 'The "name" of an "environment" entry of container #1 is empty; a variable needs a name.', undefined],
      ['error', '"\\t"', 'The "name" of a "secrets" entry of container #1 holds only whitespace; a variable needs a name.', undefined],
      ['error', '""', '"containerName" in "dependsOn" of container #1 is empty; it must name a container of the task.', undefined],
    ]);
  });

  it('leaves an empty valueFrom to arn-malformed and an empty name to no name conflict', () => {
    const text = `{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "c",
      "image": "i",
      "environment": [{ "name": "", "value": "x" }],
      "secrets": [{ "name": "", "valueFrom": "" }],
      "logConfiguration": { "logDriver": "splunk", "secretOptions": [{ "name": "splunk-token", "valueFrom": "" }] }
    }
  ]
}`;
    const findings = analyze(text).filter((f) => ['empty-value', 'arn-malformed', 'secret-name-conflict'].includes(f.ruleId));
    expect(findings.map((f) => [f.ruleId, f.range.start.line + 1, textAt(text, f)])).toEqual([
      ['empty-value', 8, '""'],
      ['empty-value', 9, '""'],
      ['arn-malformed', 9, '""'],
      ['arn-malformed', 10, '""'],
    ]);
  });

  it('reports the tags beside the task in describe-task-definition output', () => {
    const text = `{
  "taskDefinition": { "family": "f", "containerDefinitions": [{ "name": "c", "image": "i" }] },
  "tags": [{ "key": " ", "value": "v" }]
}`;
    expect(run(text)).toEqual([
      [
        'error',
        '" "',
        'A tag\'s "key" holds only whitespace; ECS rejects the task definition (a tag key has 1 to 128 characters).',
        undefined,
      ],
    ]);
  });

  it('is quiet for values, placeholders, empty tag values, and task members outside a task', () => {
    const text = `{
  "family": "f",
  "cpu": "256",
  "memory": "512",
  "tags": [{ "key": "team", "value": "" }],
  "volumes": [{ "name": "data" }],
  "containerDefinitions": [
    {
      "name": "c",
      "image": "\${IMAGE}",
      "environment": [{ "name": "A", "value": "" }],
      "dependsOn": [{ "containerName": "d", "condition": "START" }]
    },
    { "name": "d", "image": "i" }
  ]
}`;
    expect(run(text)).toEqual([]);
    // A container-definition array has no task: only the containers are judged.
    expect(run('[{ "name": "c", "image": "", "family": "" }]', undefined, { containerDefinitionsFile: true }).map((f) => f[1])).toEqual([
      '""',
    ]);
  });

  it('reports in a YAML task definition', () => {
    const text =
      'family: ""\ncontainerDefinitions:\n  - name: web\n    image: \'\'\n    environment:\n      - name: A\n        value: ""\n';
    expect(run(text, 'taskdef.yaml')).toEqual([
      ['error', '""', '"family" is empty; ECS needs a family name (up to 255 letters, digits, "_" and "-").', undefined],
      ['error', "''", '"image" of container "web" is empty; ECS rejects it ("Container.image should not be null or empty").', undefined],
    ]);
  });

  it('names the members as CloudFormation spells them, and does not judge intrinsics', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Ref Family
      Cpu: ""
      Tags:
        - Key: ""
          Value: v
      Volumes:
        - Name: " "
      ContainerDefinitions:
        - Name: web
          Image: ""
          Environment:
            - Name: ""
              Value: x
          DependsOn:
            - ContainerName: ""
              Condition: START
        - Name: !Sub "\${AWS::StackName}-sidecar"
          Image: !Ref Image
`;
    expect(run(text, 'template.yaml').map((f) => [f[1], f[2]])).toEqual([
      ['""', 'Task-level "Cpu" is empty; ECS rejects the task definition. Give a value or remove "Cpu".'],
      ['""', 'A tag\'s "Key" is empty; ECS rejects the task definition (a tag key has 1 to 128 characters).'],
      [
        '" "',
        '"Name" of volume #1 holds only whitespace; ECS needs a volume name (up to 255 letters, digits, "_" and "-"), which mount points refer to.',
      ],
      ['""', '"Image" of container "web" is empty; ECS rejects it ("Container.image should not be null or empty").'],
      ['""', 'The "Name" of an "Environment" entry of container "web" is empty; a variable needs a name.'],
      ['""', '"ContainerName" in "DependsOn" of container "web" is empty; it must name a container of the task.'],
    ]);
  });

  it("leaves the image of a container a workflow's render step fills to the pipeline, in every format", () => {
    const deployment = {
      consumer: 'deployAction' as const,
      renderedImages: [{ containerName: 'web', workflow: '.github/workflows/deploy.yml' }],
    };
    const json = '{ "family": "f", "containerDefinitions": [ { "name": "web", "image": "" }, { "name": "log", "image": "" } ] }';
    expect(findingsOf('empty-value', json, { deployment }).map((f) => f.message)).toEqual([
      '"image" of container "log" is empty; ECS rejects it ("Container.image should not be null or empty").',
    ]);
    const yaml = 'family: f\ncontainerDefinitions:\n  - name: web\n    image: ""\n';
    expect(findingsOf('empty-value', yaml, { deployment }, {}, 'taskdef.yaml')).toEqual([]);
    expect(findingsOf('empty-value', yaml, {}, {}, 'taskdef.yaml')).toHaveLength(1);
    // Without an image at all, the render step adds one.
    const missing = '{ "family": "f", "containerDefinitions": [ { "name": "web" }, { "name": "log" } ] }';
    expect(findingsOf('missing-required', missing, { deployment }).map((f) => f.message)).toEqual([
      '"image" is required in container "log".',
    ]);
  });
});
