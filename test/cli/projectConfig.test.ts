// ecs-taskdef-lint with a project config and suppression comments, as CI runs it on a repository.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint as runLinter } from '../helpers/lintRun';

const lint = (args: string[], cwd: string) => runLinter(['--offline', ...args], { cwd });

const WORKER = `{
  "family": "worker",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      // ecs-taskdef-disable-next-line arn-malformed -- the pipeline rewrites it
      "secrets": [{ "name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:/a" },
        { "name": "B", "valueFrom": "arn:aws:ssm:eu-west-1:999988887777:parameter/b" }],
      // ecs-taskdef-disable-next-line empty-value -- stale
      "environment": [{ "name": "X", "value": "1" }]
    }
  ]
}
`;

function repository(config: string): string {
  const repo = mkdtempSync(join(tmpdir(), 'lint-config-'));
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'deploy'));
  mkdirSync(join(repo, 'legacy'));
  writeFileSync(join(repo, '.ecs-taskdef.yaml'), config);
  writeFileSync(join(repo, 'deploy/worker.json'), WORKER);
  writeFileSync(join(repo, 'legacy/old.json'), WORKER);
  return repo;
}

describe('ecs-taskdef-lint with a project config', () => {
  it("applies rules, overrides and ignore, honours suppression comments, reports stale ones and the config's own mistakes", async () => {
    const repo = repository(
      'rules:\n  container-memory: off\n  plaintext-secrt: warning\nignore: [legacy/**]\noverrides:\n  - files: [deploy/worker.json]\n    rules: { cross-account-reference: warning }\nprofile: prod\n',
    );
    const run = await lint(['.'], repo);
    expect(run.stdout.trim().split('\n')).toEqual([
      '.ecs-taskdef.yaml:3:3: error invalid-config: Unknown rule id "plaintext-secrt"; did you mean "plaintext-secret"? See docs/rules.md for every rule.',
      '.ecs-taskdef.yaml:8:1: error invalid-config: "profile" is not read from a project config: AWS access and the server are set on each machine (editor settings or command-line flags), never by a repository.',
      'deploy/worker.json:10:37: warning cross-account-reference: This SSM parameter is in account 999988887777, but the task runs in 111122223333 (the account of executionRoleArn); ECS does not read parameters from another account, even shared ones.',
      'deploy/worker.json:11:7: warning unused-suppression: No "empty-value" finding on the next line: this comment accepts nothing. Remove it.',
      '2 errors, 2 warnings, 0 information in 2 task definition files.',
    ]);
    expect(run.status).toBe(1);
    // Found by the search, an ignored file is passed over without a word; named, it is said to be skipped.
    expect(run.stderr).toBe('');
    const named = await lint(['legacy/old.json'], repo);
    expect(named.stderr).toBe('legacy/old.json: ignored by the "ignore" globs of .ecs-taskdef.yaml; skipped\n');
  });

  it("reports the config's mistakes once when only a file it applies to is named, and a clean config not at all", async () => {
    const broken = repository('rules:\n  plaintext-secrt: warning\n');
    const run = await lint(['deploy/worker.json'], broken);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('.ecs-taskdef.yaml'))).toEqual([
      '.ecs-taskdef.yaml:2:3: error invalid-config: Unknown rule id "plaintext-secrt"; did you mean "plaintext-secret"? See docs/rules.md for every rule.',
    ]);
    const clean = repository('rules:\n  cross-account-reference: off\n');
    const cleanRun = (await lint(['deploy/worker.json'], clean)).stdout;
    expect(cleanRun).not.toContain('.ecs-taskdef.yaml');
    expect(cleanRun.trim().split('\n').at(-1)).toMatch(/ in 1 task definition file\.$/);
  });

  it('lets --rule win over the config, and takes deployedBy from it', async () => {
    const repo = repository('rules:\n  cross-account-reference: off\n  container-memory: off\ndeployedBy: cli\n');
    expect((await lint(['deploy/worker.json'], repo)).stdout).not.toContain('cross-account-reference');
    const flagged = await lint(['--rule', 'cross-account-reference=error', 'deploy/worker.json'], repo);
    expect(flagged.stdout).toContain('deploy/worker.json:10:37: error cross-account-reference:');
    writeFileSync(
      join(repo, 'deploy/export.json'),
      '{ "family": "f", "revision": 2, "containerDefinitions": [ { "name": "a", "image": "b" } ] }',
    );
    writeFileSync(join(repo, '.ecs-taskdef.yaml'), 'rules:\n  container-memory: off\ndeployedBy: deploy-action\n');
    expect((await lint(['deploy/export.json'], repo)).stdout).toContain(
      'information describe-output: The deploy action (aws-actions/amazon-ecs-deploy-task-definition) drops 1',
    );
    expect((await lint(['--deployed-by', 'cli', 'deploy/export.json'], repo)).stdout).toContain('error describe-output:');
  });
});
