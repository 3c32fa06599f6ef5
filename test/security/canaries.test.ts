// No credential, session token or secret value reaches any log or output. Canaries are planted in
// the environment (access key, secret key, session token) and in a document (a plaintext password),
// then everything the server and the linter write is searched: stderr, window/logMessage, every
// notification and response, and the linter's output in every format.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { CATALOG_STATUS_NOTIFICATION, type CatalogStatus } from '../../server/src/protocol';
import { isolatedAwsEnv } from '../helpers/awsEnv';
import { FakeAws, TEST_ACCESS_KEY, TEST_SECRET_KEY } from '../helpers/fakeAws';

const root = join(__dirname, '../..');
const SESSION_TOKEN = 'CANARYSESSIONTOKEN0123456789abcdefCANARY';
const PASSWORD = 'canary-password-Zq8v7Lw2';
const TASK = JSON.stringify(
  {
    family: 'web',
    executionRoleArn: 'arn:aws:iam::111122223333:role/exec',
    containerDefinitions: [
      {
        name: 'app',
        image: 'nginx',
        environment: [{ name: 'DB_PASSWORD', value: PASSWORD }],
        secrets: [{ name: 'API', valueFrom: '/prod/missing' }],
      },
    ],
  },
  null,
  2,
);
const CANARIES = [TEST_SECRET_KEY, SESSION_TOKEN, PASSWORD];

const fake = new FakeAws();
beforeAll(async () => {
  await fake.start();
  fake.parameters = [{ name: '/prod/api' }];
});
afterAll(async () => {
  await fake.stop();
  expect(fake.valueReads()).toEqual([]);
});

function expectNoCanary(output: string) {
  for (const canary of CANARIES) expect(output.includes(canary), `output contains ${canary.slice(0, 6)}…`).toBe(false);
}

describe('canaries', () => {
  it('the server writes none, in logs, notifications or answers', async () => {
    const env = isolatedAwsEnv({
      ...fake.env(),
      AWS_SESSION_TOKEN: SESSION_TOKEN,
      AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    const child = spawn(process.execPath, [join(root, 'server/out/server.js'), '--stdio'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let everything = '';
    child.stderr!.on('data', (d: Buffer) => (everything += d.toString()));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let reported: () => void = () => undefined;
    const referenceReported = new Promise<void>((resolve) => (reported = resolve));
    connection.onNotification((method, params) => {
      everything += `${method} ${JSON.stringify(params)}\n`;
      if (JSON.stringify(params).includes('reference-not-found')) reported();
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    let ready: () => void = () => undefined;
    const catalogReady = new Promise<void>((resolve) => (ready = resolve));
    connection.onNotification(CATALOG_STATUS_NOTIFICATION, (s: CatalogStatus) => {
      everything += `status ${JSON.stringify(s)}\n`;
      if (s.state === 'ready') ready();
    });
    connection.listen();
    const uri = 'file:///canary/taskdef.json';
    const answer = async (method: string, params: unknown) =>
      (everything += `${method} ${JSON.stringify(await connection.sendRequest(method, params))}\n`);
    await answer('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TASK } });
    await catalogReady;
    // Once the status is ready, the next analysis reports the missing parameter.
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: `${TASK}\n` }],
    });
    await referenceReported;
    const lines = TASK.split('\n');
    const passwordLine = lines.findIndex((l) => l.includes(PASSWORD));
    await answer('textDocument/hover', {
      textDocument: { uri },
      position: { line: passwordLine, character: lines[passwordLine].indexOf(PASSWORD) + 2 },
    });
    await answer('textDocument/completion', { textDocument: { uri }, position: { line: passwordLine, character: 10 } });
    await answer('workspace/executeCommand', { command: 'ecsTaskDef.generateExecutionRolePolicy', arguments: [uri] });
    await answer('ecsTaskDef/serverStats', undefined);
    await answer('shutdown', undefined);
    await connection.sendNotification('exit');
    await new Promise((resolve) => child.on('exit', resolve));
    connection.dispose();
    expect(everything).toContain('plaintext-secret');
    expect(everything).toContain('reference-not-found');
    expectNoCanary(everything);
  });

  it('the linter writes none, in any format, online or offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-'));
    writeFileSync(join(dir, 'taskdef.json'), TASK);
    const env = isolatedAwsEnv({ ...fake.env(), AWS_SESSION_TOKEN: SESSION_TOKEN, AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY });
    for (const args of [
      ['taskdef.json'],
      ['--format', 'json', 'taskdef.json'],
      ['--format', 'sarif', 'taskdef.json'],
      ['--offline', 'taskdef.json'],
      ['--policy', 'taskdef.json'],
    ]) {
      const output = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [join(root, 'server/out/lint.js'), ...args], { cwd: dir, env });
        let text = '';
        child.stdout.on('data', (d: Buffer) => (text += d.toString()));
        child.stderr.on('data', (d: Buffer) => (text += d.toString()));
        child.on('close', () => resolve(text));
      });
      if (!args.includes('--policy')) expect(output).toContain('plaintext-secret');
      expectNoCanary(output);
    }
  });
});
