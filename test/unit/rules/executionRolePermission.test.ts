import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../../../server/src/service';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { foundRole, roleAccess, roleArn, roleTemplate, trustFor } from '../../helpers/roleChecks';
import { applyFix, doc, fileNamed, findingsOf, service, textAt } from '../../helpers/taskdef';

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

/** A Terraform file after the fix: still valid HCL, and nothing left for the rule to report. */
function expectFixedTerraform(fixed: string): void {
  expect(findingsOf('invalid-hcl', fixed, {}, {}, 'main.tf')).toEqual([]);
  expect(findingsOf('execution-role-permission', fixed, {}, {}, 'main.tf')).toEqual([]);
}

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

  it('names every action denied on one member, each statement that denies, and the condition keys left open', () => {
    const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const keyed = secret('prod/db', { kmsKeyId: KEY });
    const text = task.replace(`${db.arn}:password::`, keyed.arn);
    const findings = findingsOf('execution-role-permission', text, {
      catalog: fakeCatalog([keyed, url]),
      roles: roleAccess({
        [roleArn('exec')]: foundRole('exec', trustFor('ecs-tasks.amazonaws.com'), [
          ['secretsmanager:GetSecretValue', keyed.arn, 'explicitDeny', ['deny-prod'], ['aws:SourceVpc']],
          ['kms:Decrypt', KEY, 'explicitDeny', ['deny-kms', 'deny-prod'], ['kms:ViaService', 'aws:SourceVpc']],
          ['ssm:GetParameters', url.arn, 'allowed'],
        ]),
      }),
    });
    expect(findings.map((f) => [f.severity, textAt(text, f), f.message])).toEqual([
      [
        'error',
        `"${keyed.arn}"`,
        `The execution role "exec" is not allowed kms:Decrypt on ${KEY}, secretsmanager:GetSecretValue on ${keyed.arn}; the task would stop with AccessDeniedException at start. It is denied explicitly by "deny-kms", "deny-prod". Not evaluated: the condition keys kms:ViaService, aws:SourceVpc.`,
      ],
    ]);
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
    roleTemplate(roleProperties + extra, {
      DB: '!Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db',
    });
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
      '  Secrets:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: s\n      Roles: [!Ref ExecRole]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: ["secretsmanager:Get*"]\n            Resource: "*"\n';
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
  it('adds nothing once the role no longer has properties to add to, or its Policies are no list', () => {
    const managed = '      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n';
    const text = roleTemplate(managed, { URL: 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/url' });
    const [finding] = findingsOf('execution-role-permission', text, {}, {}, 'template.yaml');
    const titles = (edited: string) =>
      service.quickFixes(doc(edited, fileNamed('template.yaml')), [toDiagnostic(finding)], { snippetEdits: false }).map((a) => a.title);
    expect(titles(text)).toContain('Add the missing statements to "ExecRole"');
    const properties = text.slice(text.indexOf('    Properties:\n'), text.indexOf('  Task:\n'));
    const withoutProperties = text.replace(properties, '    Properties: none\n');
    expect(withoutProperties).toContain('Properties: none\n  Task:');
    expect(titles(withoutProperties)).toEqual(['Show the statements the role is missing']);
    expect(titles(text.replace('  Task:\n', '      Policies: none\n  Task:\n'))).toEqual(['Show the statements the role is missing']);
  });

  it('adds a policy to the template role, in YAML', () => {
    const text = roleTemplate(
      '      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n',
      { URL: 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/url' },
    );
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
    expectFixedTerraform(fixed);
  });

  it("writes the stack's own region and account as pseudo parameters, and one fix adds everything the role is missing", () => {
    const text = roleTemplate(
      '      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n',
      { DB: '!Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db', URL: 'prod-url' },
    );
    const findings = findingsOf('execution-role-permission', text, {}, {}, 'template.yaml');
    expect(findings.map((f) => textAt(text, f))).toEqual([
      'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db',
      'prod-url',
    ]);
    const added = `      Policies:
        - PolicyName: EcsTaskExecution
          PolicyDocument:
            Version: 2012-10-17
            Statement:
              - Sid: ReadTaskSecrets
                Effect: Allow
                Action: secretsmanager:GetSecretValue
                Resource:
                  Fn::Sub: arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:prod/db-??????
              - Sid: ReadTaskParameters
                Effect: Allow
                Action: ssm:GetParameters
                Resource:
                  Fn::Sub: arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/prod-url
`;
    const anchor = '        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n';
    for (const finding of findings) {
      const fixed = applyFix(text, finding, 'Add the missing statements to "ExecRole"', 'template.yaml');
      expect(fixed).toBe(text.replace(anchor, anchor + added));
      expect(findingsOf('execution-role-permission', fixed, {}, {}, 'template.yaml')).toEqual([]);
    }
  });

  it('names a second policy apart from one an earlier fix added', () => {
    const text = roleTemplate(
      '      Policies:\n        - PolicyName: EcsTaskExecution\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: logs:PutLogEvents\n                Resource: "*"\n',
      { URL: 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/url' },
    );
    const [finding] = findingsOf('execution-role-permission', text, {}, {}, 'template.yaml');
    const fixed = applyFix(text, finding, 'Add the missing statements to "ExecRole"', 'template.yaml');
    expect(fixed).toContain('                Resource: "*"\n        - PolicyName: EcsTaskExecution2\n');
  });

  it("uses the Terraform file's own account, region and partition data sources when it declares them", () => {
    const text = `data "aws_caller_identity" "me" {}
data "aws_region" "here" {}
data "aws_partition" "p" {}

resource "aws_iam_role" "exec" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]
}

resource "aws_ecs_task_definition" "app" {
  family             = "app"
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = jsonencode([{ name = "app", image = "nginx", memory = 512, secrets = [{ name = "URL", valueFrom = "prod-url" }] }])
}
`;
    const [finding, ...rest] = findingsOf('execution-role-permission', text, {}, {}, 'main.tf');
    expect(rest).toEqual([]);
    const fixed = applyFix(text, finding, 'Add the missing statements to "exec"', 'main.tf');
    expect(fixed.slice(text.length)).toContain(
      '"Resource": "arn:${data.aws_partition.p.partition}:ssm:${data.aws_region.here.name}:${data.aws_caller_identity.me.account_id}:parameter/prod-url"',
    );
    expectFixedTerraform(fixed);
  });
});

describe('execution-role-permission: what Terraform attaches to a role', () => {
  const tf = (role: string, rest = '') => `resource "aws_iam_role" "exec" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }] })
${role}}
${rest}
resource "aws_ecs_task_definition" "app" {
  family             = "app"
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = jsonencode([{ name = "app", image = "nginx", memory = 512, secrets = [{ name = "DB", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db" }] }])
}
`;
  const codes = (text: string) => findingsOf('execution-role-permission', text, {}, {}, 'main.tf').map((f) => f.message.split(';')[0]);
  const DENIED =
    'The execution role "exec" of this file is not allowed ssm:GetParameters on arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db';
  const MANAGED = '"arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"';
  const SSM_POLICY =
    'resource "aws_iam_policy" "ssm" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ssm:GetParameters", Resource = "*" }] })\n}\n';

  it('reads managed_policy_arns: managed policies we know and policies of the file', () => {
    expect(codes(tf(`  managed_policy_arns = [${MANAGED}]\n`))).toEqual([DENIED]);
    expect(codes(tf(`  managed_policy_arns = [${MANAGED}, aws_iam_policy.ssm.arn]\n`, SSM_POLICY))).toEqual([]);
    // A policy from elsewhere could grant anything.
    expect(codes(tf(`  managed_policy_arns = [${MANAGED}, var.extra_policy_arn]\n`))).toEqual([]);
    expect(codes(tf('  managed_policy_arns = var.policy_arns\n'))).toEqual([]);
  });

  it('knows what the common AWS managed policies grant, by their exact ARN', () => {
    const attached = (...names: string[]) =>
      codes(tf(`  managed_policy_arns = [${names.map((n) => `"arn:aws:iam::aws:policy/${n}"`).join(', ')}]\n`));
    expect(attached('service-role/AmazonECSTaskExecutionRolePolicy', 'AmazonSSMReadOnlyAccess')).toEqual([]);
    expect(attached('AdministratorAccess')).toEqual([]);
    // Secrets Manager's policy reads no parameter; the CloudWatch agent's reads only its own, with GetParameter.
    expect(attached('service-role/AmazonECSTaskExecutionRolePolicy', 'SecretsManagerReadWrite')).toEqual([DENIED]);
    expect(attached('CloudWatchAgentServerPolicy')).toEqual([DENIED]);
    // Not an ARN AWS has (the execution policy lives under service-role/), nor one we know: not judged.
    expect(attached('AmazonECSTaskExecutionRolePolicy')).toEqual([]);
    expect(attached('constructor')).toEqual([]);
  });

  it('reads an aws_iam_policy_attachment that names the role among others', () => {
    const attachment = (roles: string) =>
      `resource "aws_iam_policy_attachment" "ecs" {\n  name       = "ecs"\n  roles      = [${roles}]\n  policy_arn = ${MANAGED}\n}\n`;
    expect(codes(tf('', attachment('aws_iam_role.other.name, aws_iam_role.exec.name')))).toEqual([DENIED]);
    // Attached to other roles only: this role has no policy in the file, so nothing is judged.
    expect(codes(tf('', attachment('aws_iam_role.other.name')))).toEqual([]);
  });

  it('merges the documents an aws_iam_policy_document names, a statement replacing one with its sid', () => {
    const documents = (own: string) => `data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Params"
    actions   = ["ssm:GetParameters"]
    resources = ["arn:aws:ssm:eu-west-1:111122223333:parameter/prod/*"]
  }
}
data "aws_iam_policy_document" "exec" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
${own}}
resource "aws_iam_role_policy" "exec" {
  role   = aws_iam_role.exec.id
  policy = data.aws_iam_policy_document.exec.json
}
`;
    expect(codes(tf('', documents('')))).toEqual([]);
    const narrowed =
      '  statement {\n    sid       = "Params"\n    actions   = ["ssm:GetParameters"]\n    resources = ["arn:aws:ssm:eu-west-1:111122223333:parameter/dev/*"]\n  }\n';
    expect(codes(tf('', documents(narrowed)))).toEqual([DENIED]);
    const overridden = documents('  override_policy_documents = [data.aws_iam_policy_document.deny.json]\n').concat(
      'data "aws_iam_policy_document" "deny" {\n  statement {\n    sid       = "Params"\n    effect    = "Deny"\n    actions   = ["ssm:*"]\n    resources = ["*"]\n  }\n}\n',
    );
    // A file names no statement the way the simulator does: the message says only that it is explicit.
    expect(findingsOf('execution-role-permission', tf('', overridden), {}, {}, 'main.tf').map((f) => [f.severity, f.message])).toEqual([
      [
        'error',
        'The execution role "exec" of this file is not allowed ssm:GetParameters on arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db; the task would stop with AccessDeniedException at start. It is denied explicitly.',
      ],
    ]);
    // One that names a document from elsewhere is not read.
    expect(codes(tf('', documents('  override_policy_documents = [var.extra_policy]\n')))).toEqual([]);
  });
});

describe('hover on an execution role written in the file', () => {
  it('says whether ECS may assume it and what its policies in the file allow', () => {
    const text = roleTemplate(
      '      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: ssm:GetParameters\n                Resource: arn:aws:ssm:eu-west-1:111122223333:parameter/prod/*\n',
      {
        URL: 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/url',
        DB: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf',
      },
      'ec2.amazonaws.com',
    );
    const doc = TextDocument.create('file:///p/template.yaml', 'yaml', 1, text);
    const hover = service.hover(doc, {}, doc.positionAt(text.indexOf('ExecRole.Arn') + 2), false, { reportSyntaxErrors: true });
    // The reference's range, as its findings have it.
    expect(hover && doc.getText(hover.range)).toBe('ExecRole.Arn');
    expect((hover?.contents as { value: string }).value).toBe(
      [
        'ExecRole (execution role, defined in this file)',
        'ECS tasks may not assume it (its trust policy lets ec2.amazonaws.com in).',
        'allowed: ssm:GetParameters on arn:aws:ssm:eu-west-1:111122223333:parameter/prod/url',
        'not allowed: secretsmanager:GetSecretValue on arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf',
      ].join('\n'),
    );
  });

  it('covers the whole long-form intrinsic of a JSON template', () => {
    const text = JSON.stringify(
      {
        Resources: {
          ExecRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } },
          Task: {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: {
              ExecutionRoleArn: { 'Fn::GetAtt': ['ExecRole', 'Arn'] },
              ContainerDefinitions: [{ Name: 'app', Image: 'nginx' }],
            },
          },
        },
      },
      null,
      2,
    );
    const doc = TextDocument.create('file:///p/template.json', 'json', 1, text);
    const hover = service.hover(doc, {}, doc.positionAt(text.indexOf('"ExecRole",') + 2), false, { reportSyntaxErrors: true });
    expect(hover && doc.getText(hover.range).replace(/\s+/g, '')).toBe('{"Fn::GetAtt":["ExecRole","Arn"]}');
    expect((hover?.contents as { value: string }).value.split('\n').slice(0, 2)).toEqual([
      'ExecRole (execution role, defined in this file)',
      'ECS tasks may not assume it (its trust policy lets no one in).',
    ]);
  });

  it('says when the permissions cannot be judged from the file', () => {
    const text = `resource "aws_iam_role" "exec" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
  managed_policy_arns = [var.policy]
}
resource "aws_ecs_task_definition" "app" {
  family             = "app"
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = jsonencode([{ name = "app", image = "nginx" }])
}
`;
    const doc = TextDocument.create('file:///p/main.tf', 'terraform', 1, text);
    const hover = service.hover(doc, {}, doc.positionAt(text.indexOf('aws_iam_role.exec.arn') + 4), true, { reportSyntaxErrors: true });
    expect(hover && doc.getText(hover.range)).toBe('aws_iam_role.exec.arn');
    expect((hover?.contents as { value: string }).value).toBe(
      '**exec** (execution role, defined in this file)\n\nIts trust policy is not written out in this file.\n\nIts permissions are not judged: a policy attached to it is not in this file, or it has none here.',
    );
  });
});
