// ecs-taskdef-lint --fix and --fix-dry-run as CI and developers run them: the built bundle on real
// copies of the examples. Only fixes the rules mark safe are applied; the rest of each file stays
// byte for byte as it was.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint as runLinter } from '../helpers/lintRun';

const root = join(__dirname, '../..');
const lint = (args: string[], cwd: string, input?: string) => runLinter(['--offline', ...args], { cwd, input });
const example = (path: string) => readFileSync(join(root, 'examples', path), 'utf8');

/** A temporary directory holding a copy of examples/. */
function examplesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

const WORKER_FIXED = (text: string) =>
  text
    .replace('secret:prod/worker/db-Hq2mVw:password"', 'secret:prod/worker/db-Hq2mVw:password::"')
    .replace('parameter:/prod/worker/api-token', 'parameter/prod/worker/api-token')
    .replace('"valueFrom": "/prod/worker/redis-url"', '"valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/worker/redis-url"');

/** describe-output.json registrable: unwrapped (the outer tags moved in), output-only members and nulls gone, indentation kept. */
const DESCRIBE_FIXED = [
  '{',
  '    "family": "api",',
  '    "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",',
  '    "networkMode": "awsvpc",',
  '    "containerDefinitions": [',
  '        {',
  '            "name": "api",',
  '            "image": "ghcr.io/acme/api:2.3.0",',
  '            "cpu": 0,',
  '            "essential": true,',
  '            "repositoryCredentials": {',
  '                "credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:ghcr-pull-Ab12Cd"',
  '            },',
  '            "environment": [],',
  '            "mountPoints": [],',
  '            "volumesFrom": [],',
  '            "secrets": [',
  '                { "name": "JWT_SECRET", "valueFrom": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/api/jwt-Zr8tYu" }',
  '            ]',
  '        }',
  '    ],',
  '    "volumes": [],',
  '    "placementConstraints": [],',
  '    "requiresCompatibilities": ["FARGATE"],',
  '    "cpu": "256",',
  '    "memory": "512",',
  '    "tags": [',
  '        { "key": "service", "value": "api" }',
  '    ]',
  '}',
  '',
].join('\n');

describe('ecs-taskdef-lint --fix', () => {
  it('applies the safe fixes of every example in place and changes nothing else', async () => {
    const dir = examplesCopy();
    // A CRLF copy of an example: the fixes keep its line endings.
    const crlf = example('worker-secrets-mistakes.json').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'examples/worker-crlf.json'), crlf);
    const run = await lint(['--fix', 'examples'], dir);
    expect(run.stderr).toBe('ecs-taskdef-lint: fixed 17 problems in 5 files.\n');
    const after = (path: string) => readFileSync(join(dir, 'examples', path), 'utf8');
    expect(after('worker-crlf.json')).toBe(WORKER_FIXED(crlf));
    expect(after('worker-crlf.json').match(/\r\n/g)).toHaveLength(crlf.match(/\r\n/g)!.length);
    expect(after('worker-secrets-mistakes.json')).toBe(WORKER_FIXED(example('worker-secrets-mistakes.json')));
    expect(after('yaml/web-fargate.yaml')).toBe(
      example('yaml/web-fargate.yaml').replace('parameter:prod/web/stripe-key', 'parameter/prod/web/stripe-key'),
    );
    // In a template the literal part of !Sub is rewritten, in the template's own quoting.
    expect(after('cloudformation/worker-service.yaml')).toBe(
      example('cloudformation/worker-service.yaml').replace(':parameter:prod/worker/db-password"', ':parameter/prod/worker/db-password"'),
    );
    // Unwrapping re-indents everything, so the members inside wait for later passes.
    expect(after('describe-output.json')).toBe(DESCRIBE_FIXED);
    // Nothing here is safe: "awslog" is close to awslogs and to syslog, and "prod/app/session" may be a secret's name.
    expect(after('terraform/app-container-definitions.json')).toBe(example('terraform/app-container-definitions.json'));
    expect(after('web-fargate.json')).toBe(example('web-fargate.json'));
    // The report is of the fixed files.
    expect(run.stdout).not.toContain('arn-malformed: An SSM parameter ARN has "parameter/"');
    expect(run.stdout).toContain('examples/worker-crlf.json:19:19: error secret-name-conflict:');
    expect(run.status).toBe(1);
  });

  it('leaves the examples with no finding that --fix could fix', async () => {
    const dir = examplesCopy();
    const fixable = async () => {
      const json = JSON.parse((await lint(['--format', 'json', 'examples'], dir)).stdout) as { diagnostics: { fixable?: boolean }[] }[];
      const sarif = JSON.parse((await lint(['--format', 'sarif', 'examples'], dir)).stdout);
      return {
        json: json.flatMap((f) => f.diagnostics).filter((d) => d.fixable).length,
        sarif: sarif.runs[0].results.filter((r: { fixes?: unknown[] }) => r.fixes).length,
      };
    };
    expect(await fixable()).toEqual({ json: 14, sarif: 14 });
    await lint(['--fix', 'examples'], dir);
    expect(await fixable()).toEqual({ json: 0, sarif: 0 });
    // A second run has nothing left to do.
    expect((await lint(['--fix', 'examples'], dir)).stderr).toBe('ecs-taskdef-lint: fixed 0 problems in 0 files.\n');
  });

  it('fixes nothing that needs a choice, and nothing the deploy action takes care of', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
    const exported = JSON.stringify(
      { family: 'web', revision: 3, containerDefinitions: [{ name: 'web', image: 'nginx', memory: 512, user: null }] },
      null,
      2,
    );
    writeFileSync(join(dir, 'exported.json'), exported);
    const deployAction = await lint(['--fix', '--deployed-by', 'deploy-action', 'exported.json'], dir);
    expect([deployAction.status, deployAction.stderr]).toEqual([0, 'ecs-taskdef-lint: fixed 0 problems in 0 files.\n']);
    expect(readFileSync(join(dir, 'exported.json'), 'utf8')).toBe(exported);
    // Registered by the CLI, the same members are errors, and removing them is safe.
    expect((await lint(['--fix', '--deployed-by', 'cli', 'exported.json'], dir)).stderr).toBe(
      'ecs-taskdef-lint: fixed 2 problems in 1 file.\n',
    );
    expect(JSON.parse(readFileSync(join(dir, 'exported.json'), 'utf8'))).toEqual({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 512 }],
    });
  });

  it('expands a bare parameter name only when the account and region are known', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
    const text =
      '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512, "secrets": [{"name": "X", "valueFrom": "/x"}]}]}';
    writeFileSync(join(dir, 'td.json'), text);
    await lint(['--fix', 'td.json'], dir);
    expect(readFileSync(join(dir, 'td.json'), 'utf8')).toBe(text);
    await lint(['--fix', '--account', '111122223333', '--region', 'eu-west-1', 'td.json'], dir);
    expect(readFileSync(join(dir, 'td.json'), 'utf8')).toBe(text.replace('"/x"', '"arn:aws:ssm:eu-west-1:111122223333:parameter/x"'));
  });

  it('removes a byte order mark, and leaves a file that does not parse alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
    const clean = example('web-fargate.json');
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${clean}`);
    const broken =
      '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512, "secrets": [{"name": "X", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:x"}]}],,}';
    writeFileSync(join(dir, 'broken.json'), broken);
    const run = await lint(['--fix', 'bom.json', 'broken.json'], dir);
    expect(run.stderr).toBe('ecs-taskdef-lint: fixed 1 problem in 1 file.\n');
    expect(readFileSync(join(dir, 'bom.json'), 'utf8')).toBe(clean);
    expect(readFileSync(join(dir, 'broken.json'), 'utf8')).toBe(broken);
  });

  it('writes the fixed text of --stdin to stdout and the report to stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
    const yaml = example('yaml/web-fargate.yaml');
    const run = await lint(['--fix', '--stdin', '--stdin-filename', 'deploy/taskdef.yaml'], dir, yaml);
    expect(run.stdout).toBe(yaml.replace('parameter:prod/web/stripe-key', 'parameter/prod/web/stripe-key'));
    expect(run.stderr).toBe(
      'ecs-taskdef-lint: fixed 1 problem in 1 file.\n' +
        'deploy/taskdef.yaml:16:5: error execution-role-missing: Container "web" has "secrets" to fetch (and 2 more places), which ECS does with the task\'s execution role, but the task has no "executionRoleArn".\n' +
        '1 error, 0 warnings, 0 information in 1 task definition file.\n',
    );
    expect(run.status).toBe(1);
    // Text that is no task definition passes through unchanged.
    expect((await lint(['--fix', '--stdin', '--stdin-filename', 'package.json'], dir, '{"name": "x"}\n')).stdout).toBe('{"name": "x"}\n');
  });
});

describe('ecs-taskdef-lint --fix-dry-run', () => {
  it('prints the fixes as a unified diff and changes nothing', async () => {
    const dir = examplesCopy();
    const before = readFileSync(join(dir, 'examples/worker-secrets-mistakes.json'));
    const run = await lint(['--fix-dry-run', 'examples/worker-secrets-mistakes.json'], dir);
    expect(run.stdout).toBe(
      [
        '--- a/examples/worker-secrets-mistakes.json',
        '+++ b/examples/worker-secrets-mistakes.json',
        '@@ -16,10 +16,10 @@',
        '         { "name": "SENTRY_DSN", "valueFrom": "/prod/worker/sentry-dsn" }',
        '       ],',
        '       "secrets": [',
        '-        { "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/worker/db-Hq2mVw:password" },',
        '-        { "name": "API_TOKEN", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:/prod/worker/api-token" },',
        '+        { "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/worker/db-Hq2mVw:password::" },',
        '+        { "name": "API_TOKEN", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/worker/api-token" },',
        '         { "name": "PARTNER_KEY", "valueFrom": "arn:aws:ssm:eu-west-1:999988887777:parameter/shared/partner-key" },',
        '-        { "name": "REDIS_URL", "valueFrom": "/prod/worker/redis-url" }',
        '+        { "name": "REDIS_URL", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/worker/redis-url" }',
        '       ],',
        '       "logConfiguration": {',
        '         "logDriver": "awslogs",',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('ecs-taskdef-lint: would fix 3 problems in 1 file.\n');
    // The exit status is the one --fix would give: errors remain.
    expect(run.status).toBe(1);
    expect(readFileSync(join(dir, 'examples/worker-secrets-mistakes.json'))).toEqual(before);
  });

  it('prints a diff that patch applies to give what --fix writes', async () => {
    const dir = examplesCopy();
    const diff = (await lint(['--fix-dry-run', 'examples'], dir)).stdout;
    const fixed = examplesCopy();
    await lint(['--fix', 'examples'], fixed);
    const patch = spawnSync('patch', ['-p1', '--quiet'], { cwd: dir, input: diff, encoding: 'utf8' });
    expect(patch.status, patch.stderr).toBe(0);
    for (const path of [
      'describe-output.json',
      'worker-secrets-mistakes.json',
      'yaml/web-fargate.yaml',
      'cloudformation/worker-service.yaml',
    ])
      expect(readFileSync(join(dir, 'examples', path), 'utf8'), path).toBe(readFileSync(join(fixed, 'examples', path), 'utf8'));
  });

  it('diffs the text of --stdin under its name, and is no report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
    const run = await lint(['--fix-dry-run', '--stdin', '--stdin-filename', 'taskdef.yaml'], dir, example('yaml/web-fargate.yaml'));
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['--- a/taskdef.yaml', '+++ b/taskdef.yaml', '@@ -17,7 +17,7 @@']);
    expect((await lint(['--fix-dry-run', '--format', 'json', 'x.json'], dir)).stderr).toContain(
      '--fix-dry-run prints a diff, not a report: it takes no --format.',
    );
    expect((await lint(['--fix', '--fix-dry-run', 'x.json'], dir)).stderr).toContain('--fix and --fix-dry-run cannot be used together.');
  });
});
