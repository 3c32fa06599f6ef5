// The GitHub Action's script (action/run.mjs) as a runner runs it: the environment GitHub sets, the
// inputs as action.yml passes them, the built linter of this checkout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isolatedAwsEnv } from '../helpers/awsEnv';

const root = join(__dirname, '../..');
const SCRIPT = join(root, 'action/run.mjs');

const BAD =
  '{"family": "web", "executionRoleArn": "arn:aws:iam::111122223333:role/exec",\n  "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512,\n  "secrets": [{"name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:/a"}]}]}\n';
const WARNED = '{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512, "Protcol": "tcp"}]}\n';

/** A workspace with a bad and a warned task definition, and the runner's files. */
function runner() {
  const dir = mkdtempSync(join(tmpdir(), 'action-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(join(workspace, 'deploy'), { recursive: true });
  mkdirSync(join(dir, 'temp'));
  writeFileSync(join(workspace, 'deploy/bad.json'), BAD);
  writeFileSync(join(workspace, 'deploy/warned.json'), WARNED);
  writeFileSync(join(workspace, 'package.json'), '{ "name": "app" }\n');
  const env = {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(dir, 'temp'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_OUTPUT: join(dir, 'output'),
  };
  return { dir, workspace, env };
}

const run = (env: Record<string, string>, inputs: Record<string, string>) =>
  spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: isolatedAwsEnv({ ...env, ...inputs }) });

describe('GitHub Action', () => {
  it('annotates the findings, writes the SARIF report and a summary table, and fails on errors', () => {
    const { dir, env } = runner();
    const result = run(env, { INPUT_PATHS: 'deploy', INPUT_OFFLINE: 'true' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '::error file=deploy/bad.json,line=3,col=42,endLine=3,endColumn=91,title=arn-malformed::An SSM parameter ARN has "parameter/" before the name, not "parameter:".',
    );
    expect(result.stdout).toContain('::warning file=deploy/warned.json,line=1');
    const sarifFile = join(dir, 'temp/ecs-taskdef.sarif');
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => `${r.ruleId}:${r.level}`)).toEqual([
      'arn-malformed:error',
      'unknown-property:warning',
    ]);
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toBe(
      [
        '## ecs-taskdef-lint',
        '',
        '1 error, 1 warning, 0 information.',
        '',
        '| File | Line | Severity | Rule | Message |',
        '|---|---|---|---|---|',
        '| deploy/bad.json | 3 | error | `arn-malformed` | An SSM parameter ARN has "parameter/" before the name, not "parameter:". |',
        `| deploy/warned.json | 1 | warning | \`unknown-property\` | ${sarif.runs[0].results[1].message.text} |`,
        '',
      ].join('\n'),
    );
    expect(readFileSync(env.GITHUB_OUTPUT, 'utf8')).toBe(`sarif-file=${sarifFile}\nerrors=1\nwarnings=1\n`);
  });

  it('takes fail-on, the format and a SARIF path from the repository root', () => {
    const { workspace, env } = runner();
    const warnOnly = run(env, { INPUT_PATHS: 'deploy/warned.json', INPUT_OFFLINE: 'true', INPUT_SARIF_FILE: 'reports/lint.sarif' });
    expect(warnOnly.status).toBe(0);
    expect(existsSync(join(workspace, 'reports/lint.sarif'))).toBe(true);
    const strict = run(env, { INPUT_PATHS: 'deploy/warned.json', INPUT_OFFLINE: 'true', INPUT_FAIL_ON: 'warning', INPUT_FORMAT: 'text' });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('deploy/warned.json:1:');
    expect(strict.stdout).not.toContain('::warning');
  });

  it('refuses inputs it does not know, with an annotation', () => {
    const { env } = runner();
    const result = run(env, { INPUT_FORMAT: 'xml', INPUT_FAIL_ON: 'hint' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe(
      '::error title=ecs-taskdef-lint::format must be one of github, text, json, junit, not "xml"\n' +
        '::error title=ecs-taskdef-lint::fail-on must be one of error, warning, information, not "hint"\n',
    );
  });

  it('declares the inputs the script reads, and runs it on Node 20', () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
    expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'deployed-by', 'fail-on', 'sarif-file', 'offline']);
    const [setupNode, lint] = action.runs.steps;
    expect(setupNode).toEqual({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    expect(Object.keys(lint.env)).toEqual(Object.keys(action.inputs).map((name) => `INPUT_${name.toUpperCase().replace(/-/g, '_')}`));
  });
});
