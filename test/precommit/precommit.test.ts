// The pre-commit hook of .pre-commit-hooks.yaml, run by the real pre-commit (Debian's package, which
// .ci/run installs) with `pre-commit try-repo` against a scratch repository: it installs this
// repository as a node hook, as a team's `.pre-commit-config.yaml` would, and lints the files.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const has = (command: string) => spawnSync('which', [command], { stdio: 'ignore' }).status === 0;
const required = process.env.CI === 'true';

const GOOD = '{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}]}\n';
const BAD =
  '{"family": "web", "executionRoleArn": "arn:aws:iam::111122223333:role/exec",\n  "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512,\n  "secrets": [{"name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:/a"}]}]}\n';

describe.skipIf(!required && !has('pre-commit'))('pre-commit hook (pre-commit try-repo)', () => {
  let scratch: string;
  /** pre-commit's cache, shared by the runs: the hook's environment is built once. */
  let home: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: scratch, stdio: 'pipe' });
  // Asynchronous: a run takes minutes, and a blocked worker cannot report to vitest meanwhile.
  const tryRepo = (...files: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('pre-commit', ['try-repo', root, 'ecs-taskdef-lint', '--files', ...files], {
        cwd: scratch,
        env: { ...process.env, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never' },
        timeout: 600_000,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'precommit-'));
    home = mkdtempSync(join(tmpdir(), 'precommit-home-'));
    git('init', '-q');
    mkdirSync(join(scratch, 'deploy'));
    writeFileSync(join(scratch, 'package.json'), '{ "name": "app", "version": "1.0.0", "scripts": { "start": "node ." } }\n');
    writeFileSync(join(scratch, 'deploy/good.json'), GOOD);
    writeFileSync(join(scratch, 'deploy/bad.json'), BAD);
    git('add', '-A');
  });

  it('fails on the bad task definition, naming the finding, and leaves package.json alone', async () => {
    const run = await tryRepo('package.json', 'deploy/good.json', 'deploy/bad.json');
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('ecs-taskdef-lint');
    expect(run.stdout).toContain('Failed');
    expect(run.stdout).toContain(
      'deploy/bad.json:3:42: error arn-malformed: An SSM parameter ARN has "parameter/" before the name, not "parameter:".',
    );
    expect(run.stdout).not.toContain('deploy/good.json:');
    expect(run.stdout).not.toMatch(/package\.json:\d/);
  }, 600_000);

  it('passes on a good task definition and a package.json', async () => {
    const run = await tryRepo('package.json', 'deploy/good.json');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ecs-taskdef-lint\.+Passed/);
  }, 600_000);
});
