import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../../../server/src/service';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { foundRole, roleAccess, roleArn, trustFor } from '../../helpers/roleChecks';
import { findingsOf, service, textAt } from '../../helpers/taskdef';

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
