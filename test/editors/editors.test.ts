// The packed server (npm pack, installed globally in a scratch prefix, as a user would) in real
// editors from Debian's packages: Neovim headless and Emacs with eglot in batch mode. Each opens a
// task definition, gets diagnostics (code and line; a column after non-ASCII text), completion of
// property names and of ARNs from the local AWS endpoint, and applies a quick fix to the buffer.
// CI installs both editors (.ci/run); elsewhere a missing editor skips its test with a message.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedAwsEnv } from '../helpers/awsEnv';
import { FakeAws } from '../helpers/fakeAws';

const root = join(__dirname, '../..');
const has = (command: string) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const required = process.env.CI === 'true';

// Line 2 has non-ASCII text (two UTF-16 units for the emoji) before the type-mismatch.
export const TASK = `{
  "family": "café-😀", "cpu": 256,
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "secrets": [{ "name": "DB", "valueFrom": "/prod/dbpass" }]
    }
  ]
}
`;

/** Byte column of the `256` on line 2, as editors that count bytes (Neovim, Emacs) show it. */
const CPU_BYTE_COLUMN = Buffer.byteLength(TASK.split('\n')[1].slice(0, TASK.split('\n')[1].indexOf('256')));

const fake = new FakeAws();
let serverBin = '';

beforeAll(async () => {
  await fake.start();
  fake.secrets = [{ name: 'prod/db' }];
  fake.parameters = [{ name: '/prod/db-pass' }, { name: '/prod/api-key' }];
  // Packs the bundles the test run built (without the prepack rebuild, which would rewrite them
  // under the other test files' feet) and installs the tarball like a user would.
  const packDir = mkdtempSync(join(tmpdir(), 'pack-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: join(root, 'server'), stdio: 'ignore' });
  const tarball = join(
    packDir,
    readdirSync(packDir).find((f) => f.endsWith('.tgz'))!,
  );
  const prefix = mkdtempSync(join(tmpdir(), 'prefix-'));
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { stdio: 'ignore' });
  serverBin = join(prefix, 'bin/ecs-taskdef-language-server');
}, 120_000);
afterAll(async () => {
  await fake.stop();
  expect(fake.valueReads()).toEqual([]);
});

function run(command: string, args: string[], file: string): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: __dirname,
      env: isolatedAwsEnv({
        ...fake.env(),
        SERVER_BIN: serverBin,
        TASK_FILE: file,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, lines: output.split('\n') }));
  });
}

function taskFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'editor-'));
  const file = join(dir, 'taskdef.json');
  writeFileSync(file, TASK);
  return file;
}

function expectSession(lines: string[]) {
  const diagnostics = lines.filter((l) => l.startsWith('DIAG '));
  expect(diagnostics).toContain(`DIAG type-mismatch 2 ${CPU_BYTE_COLUMN}`);
  expect(diagnostics.some((l) => l.startsWith('DIAG reference-not-found 8 '))).toBe(true);
  const keys = lines
    .find((l) => l.startsWith('KEYS '))!
    .slice(5)
    .split(',');
  expect(keys).toEqual(expect.arrayContaining(['memory', 'essential', 'logConfiguration']));
  expect(keys).not.toContain('image');
  const arns = lines
    .find((l) => l.startsWith('ARNS '))!
    .slice(5)
    .split(',');
  expect(arns).toEqual(expect.arrayContaining([fake.secretArn('prod/db'), fake.parameterArn('/prod/db-pass')]));
  expect(lines).toContain('FIXTITLE Write "256"');
  const fixed = JSON.parse(lines.find((l) => l.startsWith('FIXED '))!.slice(6)) as string;
  expect(fixed.split('\n')[1]).toBe('  "family": "café-😀", "cpu": "256",');
  expect(lines).toContain('PASS');
}

describe.skipIf(!required && !has('nvim'))('Neovim (headless)', () => {
  it('diagnoses, completes keys and ARNs, and applies a quick fix', async () => {
    const { code, lines } = await run(
      'nvim',
      ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', 'luafile nvim-client.lua'],
      taskFile(),
    );
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expectSession(lines);
    expect(code).toBe(0);
  }, 60_000);
});

describe.skipIf(!required && !has('emacs'))('Emacs with eglot (batch)', () => {
  it('diagnoses, completes keys and ARNs, and applies a quick fix', async () => {
    const { code, lines } = await run('emacs', ['--batch', '-l', 'emacs-client.el'], taskFile());
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    // eglot speaks UTF-16 to the server and characters to the buffer: "😀" is one of those.
    const line = TASK.split('\n')[1];
    const utf16 = line.indexOf('256');
    expect(lines).toContain(`DIAG type-mismatch 2 ${utf16}`);
    expect(lines).toContain(`CPUCOL 2 ${[...line.slice(0, utf16)].length}`);
    expectSession(lines.map((l) => (l === `DIAG type-mismatch 2 ${utf16}` ? `DIAG type-mismatch 2 ${CPU_BYTE_COLUMN}` : l)));
    expect(code).toBe(0);
  }, 60_000);
});
