import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../../../server/src/service';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { foundRole, roleAccess, roleArn, trustFor } from '../../helpers/roleChecks';
import { applyFix, findingsOf, service, textAt } from '../../helpers/taskdef';

const db = secret('prod/db');
const url = parameter('/prod/url');
const catalog = fakeCatalog([db, url]);
const task = JSON.stringify(
  {
    family: 'app',
    executionRoleArn: roleArn('exec'),
    containerDefinitions: [
      {
        name: 'app',
        image: 'nginx',
        memory: 512,
        secrets: [
          { name: 'DB', valueFrom: `${db.arn}:password::` },
          { name: 'URL', valueFrom: '/prod/url' },
        ],
      },
    ],
  },
  null,
  2,
);
const run = (decisions: Parameters<typeof foundRole>[2]) =>
  findingsOf('execution-role-permission', task, {
    catalog,
    roles: roleAccess({ [roleArn('exec')]: foundRole('exec', trustFor('ecs-tasks.amazonaws.com'), decisions) }),
  });

describe('execution-role-permission', () => {
  it('warns on an implicit deny, on the member that needs it', () => {
    const [finding, ...rest] = run([
      ['secretsmanager:GetSecretValue', db.arn, 'allowed'],
      ['ssm:GetParameters', url.arn, 'implicitDeny'],
    ]);
    expect(rest).toEqual([]);
    expect([finding.severity, textAt(task, finding)]).toEqual(['warning', '"/prod/url"']);
    expect(finding.message).toBe(
      `The execution role "exec" is not allowed ssm:GetParameters on ${url.arn}; the task would stop with AccessDeniedException at start. No policy of the role allows it (a resource policy the simulator does not see could still allow it).`,
    );
  });

  it('is an error on an explicit deny, naming the statement that denies', () => {
    const [finding] = run([['secretsmanager:GetSecretValue', db.arn, 'explicitDeny', ['deny-prod']]]);
    expect([finding.severity, textAt(task, finding)]).toEqual(['error', `"${db.arn}:password::"`]);
    expect(finding.message).toContain('It is denied explicitly by "deny-prod".');
  });

  it('says nothing once everything is allowed, or before the simulation has come', () => {
    expect(
      run([
        ['secretsmanager:GetSecretValue', db.arn, 'allowed'],
        ['ssm:GetParameters', url.arn, 'allowed'],
      ]),
    ).toEqual([]);
    const pending = roleAccess({ [roleArn('exec')]: { status: 'found', name: 'exec', trustPolicy: trustFor('ecs-tasks.amazonaws.com') } });
    expect(findingsOf('execution-role-permission', task, { catalog, roles: pending })).toEqual([]);
  });

  it('offers the statements the role is missing, and only those', () => {
    const [finding] = run([['ssm:GetParameters', url.arn, 'implicitDeny']]);
    const doc = TextDocument.create('file:///p/taskdef.json', 'json', 1, task);
    const [action] = service.quickFixes(doc, [toDiagnostic(finding)], { snippetEdits: false });
    expect(action.title).toBe('Show the statements the role is missing');
    expect(action.command?.command).toBe('ecsTaskDef.generateExecutionRolePolicy');
    const [, position, only] = action.command!.arguments!;
    const policy = service.executionRolePolicy(doc, {}, { reportSyntaxErrors: true, catalog }, position, only);
    expect(policy?.policy.Statement).toEqual([
      { Sid: 'ReadTaskParameters', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: url.arn },
    ]);
  });
});

describe('hover on the execution role', () => {
  it('says whether ECS may assume it and what it may and may not do', () => {
    const roles = roleAccess({
      [roleArn('exec')]: foundRole('exec', trustFor('ecs-tasks.amazonaws.com'), [
        ['secretsmanager:GetSecretValue', db.arn, 'allowed'],
        ['ssm:GetParameters', url.arn, 'implicitDeny'],
      ]),
    });
    const at = task.indexOf(roleArn('exec')) + 5;
    const doc = TextDocument.create('file:///p/hover.json', 'json', 1, task);
    const hover = service.hover(doc, {}, doc.positionAt(at), false, { reportSyntaxErrors: true, catalog, roles });
    expect((hover?.contents as { value: string }).value).toBe(
      `exec (execution role)\nECS tasks may assume it.\nallowed: secretsmanager:GetSecretValue on ${db.arn}\nnot allowed: ssm:GetParameters on ${url.arn}`,
    );
  });
});

describe('execution-role-permission for a role written in the file, offline', () => {
  const template = (roleProperties: string, extra = '') =>
    `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ExecRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
${roleProperties}${extra}
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Memory: 512
          Secrets:
            - Name: DB
              ValueFrom: !Sub arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:prod/db
`;
  const MANAGED = '      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n';
  const run = (text: string) => findingsOf('execution-role-permission', text, {}, {}, 'template.yaml');

  it('reports a role with only AmazonECSTaskExecutionRolePolicy and a secret to fetch (the most common mistake)', () => {
    const text = template(MANAGED);
    const [finding, ...rest] = run(text);
    expect(rest).toEqual([]);
    expect([finding.severity, textAt(text, finding)]).toEqual([
      'warning',
      'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db',
    ]);
    expect(finding.message).toBe(
      'The execution role "ExecRole" of this file is not allowed secretsmanager:GetSecretValue on arn:aws:secretsmanager:*:*:secret:prod/db-??????; the task would stop with AccessDeniedException at start. No statement of the policies attached to it in this file grants it (a resource policy could still allow it).',
    );
  });

  it('accepts an inline policy or an AWS::IAM::Policy of the template that grants it', () => {
    const inline =
      '      Policies:\n        - PolicyName: secrets\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: secretsmanager:GetSecretValue\n                Resource: !Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/*\n';
    expect(run(template(MANAGED + inline))).toEqual([]);
    const policy =
      '\n  Secrets:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: s\n      Roles: [!Ref ExecRole]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: ["secretsmanager:Get*"]\n            Resource: "*"';
    expect(run(template(MANAGED, policy))).toEqual([]);
  });

  it('judges nothing when a policy of the role is not in the file, or has a condition', () => {
    expect(run(template(`${MANAGED}        - !Ref SharedPolicyArn\n`))).toEqual([]);
    const conditional =
      '      Policies:\n        - PolicyName: s\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: secretsmanager:GetSecretValue\n                Resource: "*"\n                Condition: { StringEquals: { "aws:ResourceTag/app": "web" } }\n';
    expect(run(template(conditional))).toEqual([]);
  });

  it('reads a Terraform aws_iam_role and its attachments the same way', () => {
    const tf = (attachment: string) => `resource "aws_iam_role" "exec" {
  name = "exec"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
${attachment}
resource "aws_ecs_task_definition" "app" {
  family             = "app"
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = jsonencode([{ name = "app", image = "nginx", memory = 512, secrets = [{ name = "DB", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db" }] }])
}
`;
    const managed =
      'resource "aws_iam_role_policy_attachment" "ecs" {\n  role       = aws_iam_role.exec.name\n  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"\n}\n';
    const tfRun = (text: string) => findingsOf('execution-role-permission', text, {}, {}, 'main.tf');
    expect(tfRun(tf(managed)).map((f) => f.message.split(';')[0])).toEqual([
      'The execution role "exec" of this file is not allowed ssm:GetParameters on arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db',
    ]);
    const inline =
      'resource "aws_iam_role_policy" "ssm" {\n  role   = aws_iam_role.exec.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["ssm:GetParameters"], Resource = "arn:aws:ssm:*:*:parameter/prod/*" }] })\n}\n';
    expect(tfRun(tf(managed + inline))).toEqual([]);
  });
});

describe('execution-role-permission: adding what a role of the file is missing', () => {
  it('adds a policy to the template role, in YAML', () => {
    const text = `Resources:
  ExecRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Memory: 512
          Secrets:
            - Name: URL
              ValueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter/prod/url
`;
    const [finding] = findingsOf('execution-role-permission', text, {}, {}, 'template.yaml');
    expect(finding.fixes?.map((f) => f.title)).toEqual([
      'Add the missing statements to "ExecRole"',
      'Show the statements the role is missing',
    ]);
    expect(applyFix(text, finding, 'Add the missing statements to "ExecRole"', 'template.yaml')).toBe(
      text.replace(
        '        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n',
        '        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n      Policies:\n        - PolicyName: EcsTaskExecution\n          PolicyDocument:\n            Version: 2012-10-17\n            Statement:\n              - Sid: ReadTaskParameters\n                Effect: Allow\n                Action: ssm:GetParameters\n                Resource: arn:aws:ssm:eu-west-1:111122223333:parameter/prod/url\n',
      ),
    );
    expect(
      findingsOf(
        'execution-role-permission',
        applyFix(text, finding, 'Add the missing statements to "ExecRole"', 'template.yaml'),
        {},
        {},
        'template.yaml',
      ),
    ).toEqual([]);
  });

  it('adds an aws_iam_role_policy for the Terraform role', () => {
    const text = `resource "aws_iam_role" "exec" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}

resource "aws_iam_role_policy_attachment" "ecs" {
  role       = aws_iam_role.exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_ecs_task_definition" "app" {
  family             = "app"
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = jsonencode([{ name = "app", image = "nginx", memory = 512, secrets = [{ name = "URL", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/url" }] }])
}
`;
    const [finding] = findingsOf('execution-role-permission', text, {}, {}, 'main.tf');
    const fixed = applyFix(text, finding, 'Add the missing statements to "exec"', 'main.tf');
    expect(fixed.slice(text.length)).toBe(
      '\nresource "aws_iam_role_policy" "exec_ecs_task_execution" {\n  role   = aws_iam_role.exec.id\n  policy = jsonencode({\n    "Version": "2012-10-17",\n    "Statement": [\n      {\n        "Sid": "ReadTaskParameters",\n        "Effect": "Allow",\n        "Action": "ssm:GetParameters",\n        "Resource": "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/url"\n      }\n    ]\n  })\n}\n',
    );
    expect(findingsOf('execution-role-permission', fixed, {}, {}, 'main.tf')).toEqual([]);
    expect(findingsOf('invalid-hcl', fixed, {}, {}, 'main.tf')).toEqual([]);
  });
});
