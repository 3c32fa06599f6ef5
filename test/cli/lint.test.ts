// ecs-taskdef-lint as CI runs it: the built bundle, real files, exit codes and every output format.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAws } from '../helpers/fakeAws';
import { isolatedAwsEnv } from '../helpers/awsEnv';
import { USAGE } from '../../server/src/lintCli/args';
import { LINT } from '../helpers/lintProcess';
import { LINT_IN_PROCESS, lint as runLinter } from '../helpers/lintRun';

const root = join(__dirname, '../..');
/** The linter offline (AWS is the subject of its own tests below), in an environment with no AWS settings. */
const lint = (args: string[], cwd = root, env: Record<string, string> = {}) =>
  runLinter([...(args.length && !env.AWS_ENDPOINT_URL ? ['--offline'] : []), ...args], { cwd, env: isolatedAwsEnv(env) });

describe('ecs-taskdef-lint', () => {
  it('prints one line per finding and a summary, exiting 1 on errors', async () => {
    const run = await lint(['examples/worker-secrets-mistakes.json']);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain(
      'examples/worker-secrets-mistakes.json:20:45: error arn-malformed: An SSM parameter ARN has "parameter/" before the name, not "parameter:".',
    );
    expect(lines.at(-1)).toBe('8 errors, 0 warnings, 1 information in 1 task definition file.');
  });

  it('exits 0 on a clean file, and with --exit-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'taskdef.json'), '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512}]}');
    const clean = await lint(['taskdef.json'], dir);
    expect([clean.status, clean.stdout]).toEqual([0, '0 errors, 0 warnings, 0 information in 1 task definition file.\n']);
    // Information alone does not fail the run.
    expect((await lint(['examples/web-fargate.json'])).status).toBe(0);
    expect((await lint(['--exit-zero', 'examples'])).status).toBe(0);
  });

  it('searches directories for task definitions only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    mkdirSync(join(dir, 'deploy'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{"name": "x"}');
    writeFileSync(
      join(dir, 'deploy/taskdef.json'),
      '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512}]}',
    );
    writeFileSync(join(dir, 'node_modules/taskdef.json'), '{"containerDefinitions": 1}');
    const run = await lint(['--format', 'json', '.'], dir);
    expect(JSON.parse(run.stdout)).toEqual([{ file: 'deploy/taskdef.json', diagnostics: [] }]);
    // Files a search meets that are no task definitions are passed over without a word.
    expect(run.stderr).toBe('');
    expect((await lint(['--format', 'json', '**/*.json'], dir)).stdout).toBe(run.stdout);
    // A glob finds what the search finds, .aws/ among it.
    mkdirSync(join(dir, '.aws'));
    writeFileSync(
      join(dir, '.aws/task-definition.json'),
      '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512}]}',
    );
    const files = (args: string[]) =>
      lint(['--format', 'json', ...args], dir).then((r) => JSON.parse(r.stdout).map((f: { file: string }) => f.file));
    expect(await files(['**/*.json'])).toEqual(['.aws/task-definition.json', 'deploy/taskdef.json']);
    expect(await files(['.'])).toEqual(['.aws/task-definition.json', 'deploy/taskdef.json']);
  });

  it('writes JSON with LSP positions', async () => {
    const run = await lint(['--format', 'json', 'examples/terraform/app-container-definitions.json']);
    const [file] = JSON.parse(run.stdout);
    expect(file.file).toBe('examples/terraform/app-container-definitions.json');
    expect(file.diagnostics[0]).toEqual({
      code: 'registry-credentials-invalid',
      severity: 'error',
      message:
        'ECS reads private registry credentials only from Secrets Manager; store them as a secret with username and password and give its ARN.',
      range: { start: { line: 7, character: 30 }, end: { line: 7, character: 86 } },
    });
  });

  it('writes SARIF 2.1.0 with rules, help links and 1-based regions', async () => {
    const run = await lint(['--format', 'sarif', 'examples/worker-secrets-mistakes.json']);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [{ tool, results, columnKind }] = sarif.runs;
    expect(columnKind).toBe('utf16CodeUnits');
    expect(tool.driver.rules.map((r: { id: string }) => r.id)).toContain('execution-role-missing');
    const invalidJson = tool.driver.rules.find((r: { id: string }) => r.id === 'invalid-json');
    expect(invalidJson).toMatchObject({ shortDescription: { text: 'The file is not valid JSON' } });
    expect(invalidJson.helpUri).toMatch(/docs\/rules\/invalid-json\.md$/);
    const arn = results.find(
      (r: { ruleId: string; message: { text: string } }) => r.ruleId === 'arn-malformed' && r.message.text.includes('parameter:'),
    );
    expect(arn).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'examples/worker-secrets-mistakes.json' },
            region: { startLine: 20, startColumn: 45 },
          },
        },
      ],
    });
    expect(results.find((r: { ruleId: string }) => r.ruleId === 'short-parameter-name').level).toBe('note');
  });

  it('takes --account, --region and --rule', async () => {
    const run = await lint([
      '--format',
      'json',
      '--rule',
      'short-parameter-name=off',
      '--rule',
      'type-mismatch=warning',
      'examples/worker-secrets-mistakes.json',
    ]);
    const codes = JSON.parse(run.stdout)[0].diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`);
    expect(codes).not.toContain('short-parameter-name:information');
    expect(codes).toContain('type-mismatch:warning');
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(
      join(dir, 'td.json'),
      '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512, "secrets": [{"name": "X", "valueFrom": "/x"}]}], "executionRoleArn": "exec"}',
    );
    const expanded = JSON.parse(
      (await lint(['--format', 'json', '--account', '111122223333', '--region', 'eu-west-1', 'td.json'], dir)).stdout,
    );
    expect(expanded[0].diagnostics[0].message).toContain('its ARN is arn:aws:ssm:eu-west-1:111122223333:parameter/x');
  });

  it('reports unreadable JSON as a finding, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'broken.json'), '{"family": $NAME, "containerDefinitions": [}');
    const run = await lint(['broken.json'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('broken.json:1:12: error invalid-json: Invalid JSON: "$NAME" is not JSON');
    expect(run.stderr).toBe('');
  });

  it('searches directories for YAML task definitions and CloudFormation templates, and reads a named template as one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/deploy.yml'), 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n');
    writeFileSync(join(dir, 'taskdef.yaml'), 'family: f\ncontainerDefinitions:\n  - name: a\n    image: b\n    memory: "512"\n');
    writeFileSync(
      join(dir, 'stack.template'),
      'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: a\n          Image: b\n          Memroy: 512\n',
    );
    const run = await lint(['.'], dir);
    expect(run.stdout.trim().split('\n')).toEqual([
      // The misspelt member leaves the container without memory: both are reported.
      'stack.template:6:17: error container-memory: Container "a" has neither "Memory" nor "MemoryReservation", and the task has no task-level "Memory"; ECS rejects it ("At least one of \'memory\' or \'memoryReservation\' must be specified."). Give the container a "MemoryReservation" or "Memory", or the task a "Memory".',
      'stack.template:8:11: warning unknown-property: "Memroy" is not a property of a container definition. Did you mean "Memory"?',
      'taskdef.yaml:5:13: error type-mismatch: "memory" must be an integer, not a string: write 512 without quotes.',
      '2 errors, 1 warning, 0 information in 2 task definition files.',
    ]);
    // Named on the command line, a template is still a template: no "family" or "Resources" findings.
    expect((await lint(['stack.template'], dir)).stdout).toContain('"Memroy" is not a property');
    expect((await lint(['stack.template'], dir)).stdout).not.toContain('missing-required');
  });

  it('skips a named file that holds no task definition, with one line, unless --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'package.json'), '{"name": "app", "version": "1.0.0"}');
    writeFileSync(join(dir, 'taskdef.json'), '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512}]}');
    const run = await lint(['package.json', 'taskdef.json'], dir);
    expect([run.status, run.stdout, run.stderr]).toEqual([
      0,
      '0 errors, 0 warnings, 0 information in 1 task definition file.\n',
      'package.json: not a task definition; skipped (use --force to lint it as one)\n',
    ]);
    const forced = await lint(['--force', 'package.json'], dir);
    expect(forced.status).toBe(1);
    expect(forced.stdout).toContain('package.json:1:1: error missing-required: "family" is required in the task definition.');
  });

  it('recognises a container-definitions array by its content, whatever the file is called', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'fargate.json'), '[{"name": "web", "image": "nginx", "essential": true, "memory": "512"}]');
    writeFileSync(join(dir, 'list.json'), '[{"name": "web", "image": "nginx"}]');
    const run = await lint(['.'], dir);
    expect(run.stdout.trim().split('\n')).toEqual([
      'fargate.json:1:65: error type-mismatch: "memory" must be an integer, not a string: write 512 without quotes.',
      '1 error, 0 warnings, 0 information in 1 task definition file.',
    ]);
  });

  it('prints the policy of one resource of a template with --policy --resource', async () => {
    const first = await lint(['--policy', 'examples/cloudformation/worker-service.yaml']);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('the policy of WorkerTask; --resource picks another.');
    const migration = await lint(['--policy', 'examples/cloudformation/worker-service.yaml', '--resource', 'MigrationTask']);
    expect(JSON.parse(migration.stdout).Statement[0]).toMatchObject({ Sid: 'ReadTaskParameters', Action: 'ssm:GetParameters' });
    expect(migration.stderr).not.toContain('--resource picks another');
    // A template of one task definition has no other to pick.
    const dir = mkdtempSync(join(tmpdir(), 'lint-policy-'));
    writeFileSync(
      join(dir, 'one.yaml'),
      'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n',
    );
    const one = await lint(['--policy', 'one.yaml'], dir);
    expect([one.status, one.stderr]).toEqual([0, 'ecs-taskdef-lint: This task definition needs nothing from its execution role.\n']);
    const missing = await lint(['--policy', 'examples/cloudformation/worker-service.yaml', '--resource', 'Nope']);
    expect([missing.status, missing.stderr]).toEqual([
      2,
      'ecs-taskdef-lint: examples/cloudformation/worker-service.yaml: no task definition resource "Nope" (there are: WorkerTask, MigrationTask).\n',
    ]);
  });

  it('prints the execution role policy with --policy, notes on stderr', async () => {
    const run = await lint(['--policy', 'examples/web-fargate.json']);
    expect(run.status).toBe(0);
    const policy = JSON.parse(run.stdout);
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'ReadTaskSecrets',
      'ReadTaskParameters',
      'GetEcrAuthorizationToken',
      'PullPrivateImages',
      'WriteAwslogs',
    ]);
    expect(run.stderr).toContain('AmazonECSTaskExecutionRolePolicy');
    expect((await lint(['--policy', 'nope.json'])).stderr).toBe('ecs-taskdef-lint: nope.json: no such file\n');
    expect((await lint(['--policy', 'examples'])).stderr).toBe(
      'ecs-taskdef-lint: examples: EISDIR: illegal operation on a directory, read\n',
    );
    // A byte order mark is no part of the task definition.
    const dir = mkdtempSync(join(tmpdir(), 'lint-policy-'));
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${readFileSync(join(root, 'examples/web-fargate.json'), 'utf8')}`);
    expect((await lint(['--policy', 'bom.json'], dir)).stdout).toBe(run.stdout);
  });

  it('exits 2 with a clear message for usage and I/O problems', async () => {
    const missing = await lint(['nope.json']);
    expect([missing.status, missing.stderr]).toEqual([2, 'ecs-taskdef-lint: nope.json: no such file or directory\n']);
    const format = await lint(['--format', 'xml', 'examples']);
    expect([format.status, format.stderr]).toEqual([
      2,
      `ecs-taskdef-lint: --format must be text, json, sarif, github or junit, not "xml".\n\n${USAGE}\n`,
    ]);
    expect((await lint([])).stderr).toContain('No files given.');
    expect((await lint(['--rule', 'nope=off', 'examples'])).stderr).toContain('--rule takes <rule-id>=off|error|warning|information|hint');
    expect((await lint(['--account', '12', 'examples'])).status).toBe(2);
    expect((await lint(['--help'])).stdout).toContain('Usage: ecs-taskdef-lint');
    expect((await lint(['--deployed-by', 'terraform', 'examples'])).stderr).toContain(
      '--deployed-by must be auto, cli, deploy-action, not "terraform".',
    );
  });

  // As another user: a process of its own, which the in-process runs of mutation testing cannot be.
  it.skipIf(process.platform === 'win32' || LINT_IN_PROCESS)('exits 2 and names the file when a file exists but cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-unreadable-'));
    chmodSync(dir, 0o755);
    const file = join(dir, 'taskdef.json');
    writeFileSync(file, '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512}]}');
    chmodSync(file, 0o000);
    // Root reads any file: then the linter runs as nobody, as CI runs it.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, [LINT, '--offline', 'taskdef.json'], {
      cwd: dir,
      encoding: 'utf8',
      env: isolatedAwsEnv(),
      ...user,
    });
    expect([run.status, run.stderr]).toEqual([2, `ecs-taskdef-lint: taskdef.json: EACCES: permission denied, open '${file}'\n`]);
  });

  it("judges a console export by the repository's deploy workflow, from any directory, and as the CLI would with --deployed-by cli", async () => {
    const repo = mkdtempSync(join(tmpdir(), 'lint-repo-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, '.github/workflows'), { recursive: true });
    mkdirSync(join(repo, '.aws'));
    writeFileSync(
      join(repo, '.github/workflows/aws.yml'),
      [
        'env:',
        '  ECS_TASK_DEFINITION: .aws/task-definition.json',
        'jobs:',
        '  deploy:',
        '    steps:',
        '      - id: task-def',
        '        uses: aws-actions/amazon-ecs-render-task-definition@v1',
        '        with: { task-definition: "${{ env.ECS_TASK_DEFINITION }}", container-name: web, image: "${{ steps.build.outputs.image }}" }',
        '      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2',
        '        with: { task-definition: "${{ steps.task-def.outputs.task-definition }}", cluster: main, service: web }',
        '',
      ].join('\n'),
    );
    const exported = {
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3',
      family: 'web',
      revision: 3,
      status: 'ACTIVE',
      ipcMode: null,
      containerDefinitions: [{ name: 'web', image: '', essential: true, memory: 512, command: null }],
      compatibilities: ['EC2'],
    };
    writeFileSync(join(repo, '.aws/task-definition.json'), JSON.stringify(exported, null, 2));
    const deployed = await lint(['.aws/task-definition.json'], repo);
    expect([deployed.status, deployed.stdout]).toEqual([
      0,
      '.aws/task-definition.json:2:3: information describe-output: The deploy action in .github/workflows/aws.yml drops 4 describe-task-definition output members and 2 null values before it registers the task definition; `aws ecs register-task-definition` would reject them.\n' +
        '0 errors, 0 warnings, 1 information in 1 task definition file.\n',
    ]);
    // The repository root is found from the file, wherever the linter runs.
    expect((await lint(['task-definition.json'], join(repo, '.aws'))).stdout).toContain(
      'The deploy action in .github/workflows/aws.yml drops 4',
    );
    const asCli = await lint(['--deployed-by', 'cli', '.aws/task-definition.json'], repo);
    expect(asCli.status).toBe(1);
    expect(asCli.stdout.trim().split('\n').at(-1)).toBe('7 errors, 0 warnings, 0 information in 1 task definition file.');
    expect(asCli.stdout).toContain('error empty-value: "image" of container "web" is empty');
  });
});

/** The linter in a child process without blocking this one, where the local AWS endpoint runs. */
function lintAsync(args: string[], cwd: string, env: Record<string, string>) {
  return runLinter(args, { cwd, env: isolatedAwsEnv(env) });
}

describe('ecs-taskdef-lint with an AWS account', () => {
  const fake = new FakeAws();
  beforeAll(async () => {
    await fake.start();
    fake.secrets = [{ name: 'prod/db' }];
    fake.parameters = [{ name: '/prod/url' }];
    // The execution role of `td`: it exists, ECS may assume it, and it may do anything (docs/roles.md).
    fake.roles = [
      {
        name: 'e',
        trust: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        allow: [{ action: '*', resource: '*' }],
      },
    ];
  });
  afterAll(async () => fake.stop());

  const td = (valueFrom: string) =>
    JSON.stringify(
      {
        family: 'f',
        executionRoleArn: 'arn:aws:iam::111122223333:role/e',
        containerDefinitions: [{ name: 'a', image: 'b', memory: 512, secrets: [{ name: 'X', valueFrom }] }],
      },
      null,
      2,
    );

  it('lists the account before checking, and reports references that do not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'td.json'), td('/prod/ulr'));
    const run = await lintAsync(['td.json'], dir, fake.env());
    expect(run.stderr).toBe('ecs-taskdef-lint: AWS 111122223333/eu-west-1: 1 secrets, 1 parameters.\n');
    expect(run.stdout).toContain(
      'td.json:12:24: warning reference-not-found: Parameter "/prod/ulr" was not found in 111122223333/eu-west-1. Check the name or the active profile. Closest: "/prod/url".',
    );
    expect(fake.valueReads()).toEqual([]);
  });

  it('looks references in other regions up in their region', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'td.json'), td('arn:aws:ssm:us-east-1:111122223333:parameter/prod/url'));
    const run = await lintAsync(['--format', 'json', 'td.json'], dir, fake.env());
    expect(run.stderr).toContain('AWS 111122223333/us-east-1: 1 secrets, 1 parameters.');
    expect(JSON.parse(run.stdout)[0].diagnostics).toEqual([]);
    expect(fake.requests.some((r) => r.region === 'us-east-1' && r.operation === 'DescribeParameters')).toBe(true);
    // Checked again once that region is listed: what it lacks is reported.
    writeFileSync(join(dir, 'td.json'), td('arn:aws:ssm:us-east-1:111122223333:parameter/prod/ulr'));
    const missing = await lintAsync(['--format', 'json', 'td.json'], dir, fake.env());
    expect(JSON.parse(missing.stdout)[0].diagnostics.map((d: { code: string; message: string }) => [d.code, d.message])).toEqual([
      [
        'reference-not-found',
        'Parameter "/prod/ulr" was not found in 111122223333/us-east-1. Check the name or the active profile. Closest: "/prod/url".',
      ],
    ]);
  });

  it('checks the roles against IAM before it judges a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'td.json'), td('/prod/url').replace('role/e"', 'role/ee"'));
    const run = await lintAsync(['td.json'], dir, fake.env());
    expect(run.stdout).toContain(
      'error role-not-found: The execution role "ee" (executionRoleArn) does not exist in account 111122223333; ECS cannot assume it and the task will not start. Closest: "e".',
    );
  });

  it('lists the region --region names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'td.json'), td('/prod/url'));
    const run = await lintAsync(['--region', 'us-west-2', 'td.json'], dir, fake.env());
    expect(run.stderr).toBe('ecs-taskdef-lint: AWS 111122223333/us-west-2: 1 secrets, 1 parameters.\n');
  });

  it('says which listing failed when the account is known, and checks on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'td.json'), td('/prod/ulr'));
    fake.behaviour.deny.add('ListSecrets');
    try {
      const run = await lintAsync(['td.json'], dir, fake.env());
      expect(run.stderr).toBe(
        'ecs-taskdef-lint: AWS 111122223333/eu-west-1: The default credentials may not call secretsmanager:ListSecrets; allow that action (Resource "*") to complete and check references.\n',
      );
      expect(run.stdout).toContain('information short-parameter-name: "/prod/ulr"');
    } finally {
      fake.behaviour.deny.delete('ListSecrets');
    }
  });

  it('makes no call with --offline, and checks offline with one line when AWS cannot be used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'td.json'), td('prod/db'));
    const before = fake.requests.length;
    const offline = await lintAsync(['--offline', 'td.json'], dir, fake.env());
    expect(fake.requests.length).toBe(before);
    expect(offline.stdout).toContain('error arn-malformed');
    const denied = await lintAsync(['td.json'], dir, { AWS_ENDPOINT_URL: fake.url, AWS_REGION: 'eu-west-1' });
    expect(denied.stderr).toMatch(
      /^ecs-taskdef-lint: AWS: No AWS credentials for the default credentials: configure them .* Checking without the account\.\n$/,
    );
    expect(denied.stdout).toContain('error arn-malformed');
    const online = await lintAsync(['td.json'], dir, fake.env());
    expect(online.stdout).toContain('error secret-name-as-parameter: "prod/db" is the name of a Secrets Manager secret');
  });
});

describe('ecs-taskdef-lint paths', () => {
  it('takes absolute paths and reports them as given', async () => {
    const file = join(root, 'examples/web-fargate.json');
    const run = await runLinter(['--offline', '--format', 'json', file, join(root, 'examples/terraform')], { cwd: tmpdir() });
    expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual([
      file,
      join(root, 'examples/terraform/app-container-definitions.json'),
    ]);
  });
});
