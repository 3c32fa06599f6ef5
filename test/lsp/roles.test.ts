// The built server over --stdio, and the built linter, checking a task definition's roles against
// the local endpoint's IAM (awsQuery XML, SigV4 verified): iam:GetRole, iam:ListRoles and
// iam:SimulatePrincipalPolicy only, never a role assumed or a value read (docs/roles.md).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_STATUS_NOTIFICATION, type CatalogStatus } from '../../server/src/protocol';
import { within } from '../helpers/deadline';
import { useLocalAws } from '../helpers/localAws';
import { startClient, type LspClient } from '../helpers/lspClient';

const ECS_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const EC2_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

const fake = useLocalAws((account) => {
  account.secrets = [{ name: 'prod/db' }];
  account.parameters = [{ name: '/prod/url', type: 'SecureString' }];
  account.roles = [
    {
      name: 'exec',
      trust: ECS_TRUST,
      allow: [{ action: 'secretsmanager:GetSecretValue', resource: 'arn:aws:secretsmanager:*:*:secret:prod/*' }],
    },
    { name: 'app-task', trust: EC2_TRUST, allow: [] },
    { name: 'ecsTaskExecutionRole', trust: ECS_TRUST, allow: [] },
  ];
});

const task = (executionRole: string, taskRole: string) =>
  JSON.stringify(
    {
      family: 'app',
      executionRoleArn: `arn:aws:iam::111122223333:role/${executionRole}`,
      taskRoleArn: `arn:aws:iam::111122223333:role/${taskRole}`,
      containerDefinitions: [
        {
          name: 'app',
          image: 'nginx',
          memory: 512,
          secrets: [
            { name: 'DB', valueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db' },
            { name: 'URL', valueFrom: '/prod/url' },
          ],
        },
      ],
    },
    null,
    2,
  );

describe('language server: the roles, checked against IAM', () => {
  let client: LspClient;
  const URI = 'file:///work/roles/taskdef.json';
  beforeAll(async () => {
    client = await startClient({ env: fake.env() });
  });
  afterAll(async () => {
    expect(fake.valueReads()).toEqual([]);
    expect(fake.unexpectedCalls()).toEqual([]);
    expect(fake.requests.every((r) => r.signatureValid)).toBe(true);
    expect(await client?.stop()).toBe(0);
  });

  it('reports the untrusted task role and what the execution role may not do, once IAM answered', async () => {
    await client.open(URI, task('exec', 'app-task'));
    const { diagnostics } = await client.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'execution-role-permission'));
    const roleCodes = ['role-not-found', 'role-untrusted', 'execution-role-permission'];
    expect(diagnostics.filter((d) => roleCodes.includes(String(d.code))).map((d) => [d.code, d.range.start.line, d.severity])).toEqual([
      ['role-untrusted', 3, 1],
      ['execution-role-permission', 16, 2],
    ]);
    const permission = diagnostics.find((d) => d.code === 'execution-role-permission')!;
    expect(permission.message).toBe(
      `The execution role "exec" is not allowed ssm:GetParameters on ${fake.parameterArn('/prod/url')}; the task would stop with AccessDeniedException at start. No policy of the role allows it (a resource policy the simulator does not see could still allow it).`,
    );
    const untrusted = diagnostics.find((d) => d.code === 'role-untrusted')!;
    expect(untrusted.relatedInformation?.[0].message).toContain('"Service":"ecs-tasks.amazonaws.com"');
    // One simulation for the document: every action and resource at once (no KMS key needs a context of its own here).
    const simulations = fake.calls('SimulatePrincipalPolicy').map((r) => [r.body.PolicySourceArn, r.body.ActionNames, r.body.ResourceArns]);
    expect(simulations).toEqual([
      [
        'arn:aws:iam::111122223333:role/exec',
        ['secretsmanager:GetSecretValue', 'ssm:GetParameters'],
        [fake.secretArn('prod/db'), fake.parameterArn('/prod/url')],
      ],
    ]);
  });

  it('opens the statements the role is missing from the quick fix', async () => {
    const { diagnostics } = await client.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'execution-role-permission'));
    const permission = diagnostics.find((d) => d.code === 'execution-role-permission')!;
    const [action] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: permission.range,
      context: { diagnostics: [permission] },
    })) as CodeAction[];
    expect(action.title).toBe('Show the statements the role is missing');
    const result = (await client.connection.sendRequest('workspace/executeCommand', {
      command: action.command!.command,
      arguments: action.command!.arguments,
    })) as { policy: { Statement: unknown[] } };
    expect(result.policy.Statement).toEqual([
      { Sid: 'ReadTaskParameters', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: fake.parameterArn('/prod/url') },
    ]);
  });

  it('reports a role that does not exist, with the closest names IAM lists', async () => {
    const uri = 'file:///work/roles/typo.json';
    await client.open(uri, task('ecsTaskExecRole', 'app-task'));
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'role-not-found'));
    expect(diagnostics.find((d) => d.code === 'role-not-found')!.message).toBe(
      'The execution role "ecsTaskExecRole" (executionRoleArn) does not exist in account 111122223333; ECS cannot assume it and the task will not start. Closest: "ecsTaskExecutionRole".',
    );
  });
});

describe('ecs-taskdef-lint: the roles, checked against IAM', () => {
  it('reports the same findings online, and none with --offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-roles-'));
    writeFileSync(join(dir, 'taskdef.json'), task('exec', 'app-task'));
    // Asynchronously: the local endpoint answers from this process.
    const lint = (...args: string[]) =>
      new Promise<string>((resolve) =>
        execFile(
          process.execPath,
          [join(__dirname, '../../server/out/lint.js'), '--format', 'json', ...args, 'taskdef.json'],
          { cwd: dir, env: fake.env() },
          (_error, stdout) => resolve(stdout),
        ),
      );
    const codes = (stdout: string) =>
      (JSON.parse(stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics
        .map((d) => d.code)
        .filter((c) => c.startsWith('role-') || c === 'execution-role-permission');
    expect(codes(await lint())).toEqual(['role-untrusted', 'execution-role-permission']);
    expect(codes(await lint('--offline'))).toEqual([]);
    expect(fake.valueReads()).toEqual([]);
  });
});

describe('language server: IAM refusing the role checks', () => {
  let client: LspClient;
  const URI = 'file:///work/roles/denied.json';
  const statuses: CatalogStatus[] = [];
  beforeAll(async () => {
    client = await startClient({ env: fake.env() });
    client.connection.onNotification(CATALOG_STATUS_NOTIFICATION, (status: CatalogStatus) => void statuses.push(status));
  });
  afterAll(async () => expect(await client?.stop()).toBe(0));

  it('turns the checks off with one message in the status, reports nothing about roles, and runs them again after a refresh', async () => {
    fake.behaviour.deny.add('SimulatePrincipalPolicy');
    await client.open(URI, task('exec', 'exec'));
    const off = await within(
      (async () => {
        while (!statuses.some((s) => s.roleChecks === 'off')) await new Promise((r) => setTimeout(r, 20));
        return statuses.find((s) => s.roleChecks === 'off')!;
      })(),
      () => `no role-checks-off status in ${JSON.stringify(statuses)}`,
    );
    expect(off.state).toBe('ready');
    expect(off.roleChecksMessage).toMatch(/^The role checks are off until the next refresh: .*iam:SimulatePrincipalPolicy/);
    const { diagnostics } = await client.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'short-parameter-name'));
    expect(diagnostics.map((d) => d.code)).not.toContain('execution-role-permission');
    const simulations = fake.calls('SimulatePrincipalPolicy').length;
    expect(simulations).toBe(1);

    fake.behaviour.deny.delete('SimulatePrincipalPolicy');
    await client.connection.sendRequest('workspace/executeCommand', { command: 'ecsTaskDef.refreshCatalog', arguments: [] });
    const again = await client.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'execution-role-permission'));
    expect(again.diagnostics.filter((d) => d.code === 'execution-role-permission').length).toBe(1);
  });
});
