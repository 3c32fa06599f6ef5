// CloudFormation templates: every AWS::ECS::TaskDefinition resource is checked in CloudFormation's
// own names, with intrinsics understood where their literal parts say enough.
import { describe, expect, it } from 'vitest';
import { analyze as analyzeAll, applyFix, doc, fileNamed, service, textAt } from '../../helpers/taskdef';
/** Every finding but container-memory's: these fixtures leave container memory out (see containerMemory.test.ts). */
const analyze = (...args: Parameters<typeof analyzeAll>) => analyzeAll(...args).filter((f) => f.ruleId !== 'container-memory');

const template = (properties: string) =>
  `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Role:\n    Type: AWS::IAM::Role\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${properties
    .trim()
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n')}\n`;
const run = (text: string, name = 'template.yaml', options = {}) =>
  analyze(text, options, {}, name).map((f) => [f.ruleId, textAt(text, f), f.message]);

const CONTAINER = 'ContainerDefinitions:\n  - Name: web\n    Image: nginx\n';

describe('CloudFormation templates', () => {
  it('checks only the task definition resources, in CloudFormation names, with no API-only requirement', () => {
    // No Family (CloudFormation names one), no "Resources" unknown-property, nothing on the role.
    expect(
      run(
        template(
          `${CONTAINER}    Memory: "512"\n    Essential: "true"\n    PortMappings:\n      - ContainerPort: "80"\nCpu: 256\nMemory: 512`,
        ),
      ),
    ).toEqual([]);
  });

  it('reports what CloudFormation itself rejects in its own names', () => {
    expect(run(template('containerDefinitions:\n  - Name: web\n    Image: nginx\n    Memory: lots'))).toEqual([
      [
        'unknown-property',
        'containerDefinitions',
        '"containerDefinitions" is not a property of the task definition. Did you mean "ContainerDefinitions"?',
      ],
    ]);
    expect(run(template(`${CONTAINER}    Memory: lots\n    Protocol: tcp`))).toEqual([
      ['type-mismatch', 'lots', '"Memory" must be an integer, not a string.'],
      ['unknown-property', 'Protocol', '"Protocol" is not a property of a container definition; the AWS CLI rejects the request.'],
    ]);
    expect(run(template('ContainerDefinitions:\n  - Image: nginx'))).toEqual([
      ['missing-required', 'I', '"Name" is required in container #1.'],
    ]);
  });

  it('reports a null, which CloudFormation refuses in templates', () => {
    expect(
      run(template(`ExecutionRoleArn: !GetAtt Role.Arn\n${CONTAINER}    Secrets:\n      - Name: A\n        ValueFrom:\n    Command: null`)),
    ).toEqual([
      ['type-mismatch', 'ValueFrom', '"ValueFrom" must be a string, not null.'],
      ['type-mismatch', 'null', '"Command" must be an array (array of string), not null.'],
    ]);
  });

  it("knows CloudFormation's own spellings", () => {
    const volumes = `${CONTAINER}Volumes:\n  - Name: data\n    EFSVolumeConfiguration:\n      FilesystemId: fs-1\n      AuthorizationConfig: { IAM: ENABLED }\nProxyConfiguration:\n  ContainerName: web\n  ProxyConfigurationProperties: []`;
    expect(run(template(volumes))).toEqual([]);
  });

  it('judges the literal parts of !Sub with the stack’s pseudo parameters, and fixes the literal part', () => {
    const text = template(
      `ExecutionRoleArn: !GetAtt Role.Arn\n${CONTAINER}    Secrets:\n      - Name: DB\n        ValueFrom: !Sub "arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter:db"`,
    );
    const findings = analyze(text, {}, {}, 'template.yaml');
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['arn-malformed', 'An SSM parameter ARN has "parameter/" before the name, not "parameter:".'],
    ]);
    expect(applyFix(text, findings[0], undefined, 'template.yaml')).toBe(text.replace('parameter:db', 'parameter/db'));
  });

  it('does not judge a reference known only at deploy time, and counts such a role as present', () => {
    const values = [
      '!Ref DbSecret',
      '!ImportValue shared-db-secret',
      '!GetAtt Secret.Arn',
      '!Sub "${DbSecret}"',
      '!Join ["", [!Ref Prefix, ":db"]]',
    ];
    for (const value of values) {
      const text = template(
        `ExecutionRoleArn: !Ref ExecutionRoleArn\n${CONTAINER}    Secrets:\n      - Name: DB\n        ValueFrom: ${value}`,
      );
      expect(run(text), value).toEqual([]);
    }
  });

  it('never calls a pseudo-parameter account another account, and still finds a literal one', () => {
    const text = template(
      `TaskRoleArn: arn:aws:iam::111122223333:role/task\nExecutionRoleArn: !GetAtt Role.Arn\n${CONTAINER}    Secrets:\n      - Name: OWN\n        ValueFrom: !Sub "arn:aws:ssm:eu-west-1:\${AWS::AccountId}:parameter/own"\n      - Name: OTHER\n        ValueFrom: arn:aws:ssm:eu-west-1:999999999999:parameter/other`,
    );
    expect(run(text).map((f) => [f[0], f[1]])).toEqual([['cross-account-reference', 'arn:aws:ssm:eu-west-1:999999999999:parameter/other']]);
  });

  it('reads long-form intrinsics in a JSON template the same way', () => {
    const text = JSON.stringify(
      {
        Resources: {
          Task: {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: {
              ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
              ContainerDefinitions: [
                { 'Fn::If': ['HasSidecar', { Name: 'sidecar' }, { Ref: 'AWS::NoValue' }] },
                {
                  Name: 'web',
                  Image: { Ref: 'Image' },
                  Secrets: [{ Name: 'DB', ValueFrom: { 'Fn::Sub': 'arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter:db' } }],
                },
              ],
            },
          },
        },
      },
      null,
      2,
    );
    const findings = analyze(text, {}, {}, 'template.json');
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['arn-malformed', 'An SSM parameter ARN has "parameter/" before the name, not "parameter:".'],
    ]);
    expect(applyFix(text, findings[0], undefined, 'template.json')).toBe(text.replace('parameter:db', 'parameter/db'));
  });

  it('gives each task definition of a template its own facts and fixes', () => {
    const text = `Resources:\n  A:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn: arn:aws:iam::111111111111:role/a\n      ContainerDefinitions:\n        - Name: a\n          Image: x\n          Secrets:\n            - Name: S\n              ValueFrom: arn:aws:ssm:eu-west-1:222222222222:parameter/s\n  B:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::222222222222:role/b\n      ContainerDefinitions:\n        - Name: b\n          Image: x\n          Secrets:\n            - Name: S\n              ValueFrom: arn:aws:ssm:eu-west-1:222222222222:parameter/s\n`;
    const findings = analyze(text, {}, {}, 'template.yaml');
    expect(findings.map((f) => [f.ruleId, f.range.start.line + 1])).toEqual([
      ['execution-role-missing', 9],
      ['cross-account-reference', 11],
    ]);
    expect(applyFix(text, findings[0], undefined, 'template.yaml')).toContain(
      '      TaskRoleArn: arn:aws:iam::111111111111:role/a\n      ExecutionRoleArn: arn:aws:iam::111111111111:role/ecsTaskExecutionRole\n',
    );
  });

  it('generates the execution role policy of the task definition the position is in', () => {
    const text = `Resources:\n  A:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::111111111111:role/a\n      ContainerDefinitions:\n        - Name: a\n          Image: x\n          Secrets:\n            - { Name: S, ValueFrom: "arn:aws:ssm:eu-west-1:111111111111:parameter/a" }\n  B:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::111111111111:role/b\n      ContainerDefinitions:\n        - Name: b\n          Image: x\n          Secrets:\n            - { Name: S, ValueFrom: "arn:aws:ssm:eu-west-1:111111111111:parameter/b" }\n`;
    const d = doc(text, fileNamed('template.yaml'));
    const at = (line: number) =>
      service.executionRolePolicy(d, {}, { reportSyntaxErrors: true }, { line, character: 8 })!.policy.Statement[0].Resource;
    expect(at(4)).toBe('arn:aws:ssm:eu-west-1:111111111111:parameter/a');
    expect(at(13)).toBe('arn:aws:ssm:eu-west-1:111111111111:parameter/b');
    const actions = service.refactorings(d, {}, { start: { line: 13, character: 8 }, end: { line: 13, character: 8 } });
    expect(actions.map((a) => a.command?.arguments)).toEqual([[d.uri, { line: 13, character: 6 }]]);
  });

  it('is not a raw task definition even when forced, and describe-output does not apply', () => {
    // Revision is describe output in a raw task definition; in a template it is no property at all.
    const text = template(`Revision: 3\n${CONTAINER}`);
    expect(analyze(text, {}, { forced: true }, 'template.yaml').map((f) => [f.ruleId, f.message])).toEqual([
      ['unknown-property', '"Revision" is not a property of the task definition; the AWS CLI rejects the request.'],
    ]);
  });
});
