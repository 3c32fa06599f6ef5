// ecs-taskdef-lint in CI: GitHub annotations, JUnit, SARIF fixes and fingerprints, the exit status
// (--fail-on, --max-warnings, --quiet, --exit-zero) and --stdin; the built bundle on real files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint as runLinter } from '../helpers/lintRun';

const lint = (args: string[], cwd: string, input?: string) => runLinter(['--offline', ...args], { cwd, input });

/** One error (with a safe fix), one warning, one information. */
const TASK = [
  '{',
  '  "family": "web",',
  '  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",',
  '  "containerDefinitions": [',
  '    {',
  '      "name": "web",',
  '      "image": "nginx",',
  '      "memory": 512,',
  '      "essentail": true,',
  '      "secrets": [',
  '        { "name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:a" },',
  '        { "name": "B", "valueFrom": "/b" }',
  '      ]',
  '    }',
  '  ]',
  '}',
  '',
].join('\n');

function taskDir(text = TASK): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-ci-'));
  writeFileSync(join(dir, 'td.json'), text);
  return dir;
}

describe('ecs-taskdef-lint --format github', () => {
  it('writes one workflow command per finding, by severity, 1-based with end positions', async () => {
    const run = await lint(['--format', 'github', 'td.json'], taskDir());
    expect(run.stdout).toBe(
      [
        '::warning file=td.json,line=9,col=7,endLine=9,endColumn=18,title=unknown-property::"essentail" is not a property of a container definition. Did you mean "essential"?',
        '::error file=td.json,line=11,col=37,endLine=11,endColumn=85,title=arn-malformed::An SSM parameter ARN has "parameter/" before the name, not "parameter:".',
        '::notice file=td.json,line=12,col=37,endLine=12,endColumn=41,title=short-parameter-name::"/b" is a bare SSM parameter name, read from the task\'s region only; prefer the parameter\'s full ARN.',
        '',
      ].join('\n'),
    );
    expect(run.status).toBe(1);
  });

  it('gives a finding over several lines its lines only, and escapes the file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-ci-'));
    writeFileSync(
      join(dir, 'a,b.json'),
      '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512, "user": null}]}',
    );
    writeFileSync(
      join(dir, 'ports.json'),
      '[{\n  "name": "a",\n  "image": "b",\n  "memory": 512,\n  "portMappings": {\n    "containerPort": 80\n  }\n}]\n',
    );
    expect((await lint(['--format', 'github', 'a,b.json'], dir)).stdout).toBe(
      '::error file=a%2Cb.json,line=1,col=93,endLine=1,endColumn=97,title=describe-output::"user" is null; `aws ecs register-task-definition` rejects it. Remove it or give it a value.\n',
    );
    expect((await lint(['--format', 'github', 'ports.json'], dir)).stdout).toBe(
      '::error file=ports.json,line=5,endLine=7,title=type-mismatch::"portMappings" must be an array (array of PortMapping (object)), not an object.\n',
    );
  });
});

describe('ecs-taskdef-lint --format junit', () => {
  it('writes a testsuite per file and a testcase per finding, failures at --fail-on and above', async () => {
    const dir = taskDir();
    writeFileSync(join(dir, 'clean.json'), '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512}]}');
    const run = await lint(['--format', 'junit', 'td.json', 'clean.json'], dir);
    expect(run.stdout).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="ecs-taskdef-lint" tests="4" failures="1" errors="0">',
        '  <testsuite name="td.json" tests="3" failures="1" errors="0">',
        '    <testcase classname="td.json" name="unknown-property at 9:7">',
        '      <system-out>td.json:9:7: warning unknown-property: "essentail" is not a property of a container definition. Did you mean "essential"?</system-out>',
        '    </testcase>',
        '    <testcase classname="td.json" name="arn-malformed at 11:37">',
        '      <failure type="error" message="An SSM parameter ARN has &quot;parameter/&quot; before the name, not &quot;parameter:&quot;.">td.json:11:37: error arn-malformed: An SSM parameter ARN has "parameter/" before the name, not "parameter:".</failure>',
        '    </testcase>',
        '    <testcase classname="td.json" name="short-parameter-name at 12:37">',
        '      <system-out>td.json:12:37: information short-parameter-name: "/b" is a bare SSM parameter name, read from the task&apos;s region only; prefer the parameter&apos;s full ARN.</system-out>'.replace(
          /&apos;/g,
          "'",
        ),
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="clean.json" tests="1" failures="0" errors="0">',
        '    <testcase classname="clean.json" name="clean.json"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
    const warnings = (await lint(['--format', 'junit', '--fail-on', 'warning', 'td.json'], dir)).stdout;
    expect(warnings).toContain('<failure type="warning" message="&quot;essentail&quot; is not a property');
    expect(warnings).toContain('failures="2"');
  });
});

describe('ecs-taskdef-lint --format json', () => {
  it('marks the findings --fix would fix', async () => {
    const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
    expect(JSON.parse((await lint(['--format', 'json', 'td.json'], taskDir())).stdout)).toEqual([
      {
        file: 'td.json',
        diagnostics: [
          {
            code: 'unknown-property',
            severity: 'warning',
            message: '"essentail" is not a property of a container definition. Did you mean "essential"?',
            range: range(8, 6, 17),
          },
          {
            code: 'arn-malformed',
            severity: 'error',
            message: 'An SSM parameter ARN has "parameter/" before the name, not "parameter:".',
            range: range(10, 36, 84),
            fixable: true,
          },
          {
            code: 'short-parameter-name',
            severity: 'information',
            message: '"/b" is a bare SSM parameter name, read from the task\'s region only; prefer the parameter\'s full ARN.',
            range: range(11, 36, 40),
          },
        ],
      },
    ]);
  });
});

describe('ecs-taskdef-lint --format sarif', () => {
  type Result = {
    ruleId: string;
    locations: { physicalLocation: { region: { startLine: number } } }[];
    partialFingerprints?: Record<string, string>;
    fixes?: unknown[];
  };
  const results = async (dir: string): Promise<Result[]> =>
    JSON.parse((await lint(['--format', 'sarif', 'td.json'], dir)).stdout).runs[0].results;

  it('gives a safe fix as a SARIF fix with its replacement, and no fix otherwise', async () => {
    const [property, arn, shortName] = await results(taskDir());
    expect(Object.keys(arn)).toEqual(['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'partialFingerprints', 'fixes']);
    expect(arn.fixes).toEqual([
      {
        description: { text: 'Write "parameter/"' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'td.json', uriBaseId: '%SRCROOT%' },
            replacements: [
              {
                deletedRegion: { startLine: 11, startColumn: 37, endLine: 11, endColumn: 85 },
                insertedContent: { text: '"arn:aws:ssm:eu-west-1:111122223333:parameter/a"' },
              },
            ],
          },
        ],
      },
    ]);
    // "Rename to essential" is a guess; the bare name has no fix without the region.
    expect([property.fixes, shortName.fixes]).toEqual([undefined, undefined]);
  });

  it('gives each finding a fingerprint that stays when lines move and differs between findings', async () => {
    const before = await results(taskDir());
    const after = await results(taskDir(TASK.replace('{\n', '{\n\n\n')));
    expect(after.map((r) => r.locations[0].physicalLocation.region.startLine)).toEqual(
      before.map((r) => r.locations[0].physicalLocation.region.startLine + 2),
    );
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    const values = before.map((r) => r.partialFingerprints!['ecsTaskDef/v1']);
    expect(values.every((v) => /^[0-9a-f]{32}:1$/.test(v))).toBe(true);
    expect(new Set(values).size).toBe(3);
    // The same finding on an identical line is told apart by its occurrence.
    const arnLine = '        { "name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:a" },\n';
    const twice = await results(taskDir(TASK.replace(arnLine, arnLine + arnLine)));
    const arns = twice.filter((r) => r.ruleId === 'arn-malformed').map((r) => r.partialFingerprints!['ecsTaskDef/v1']);
    expect(arns).toHaveLength(2);
    expect(arns[0].split(':')[0]).toBe(arns[1].split(':')[0]);
    expect(arns.map((v) => v.split(':')[1])).toEqual(['1', '2']);
  });
});

describe('ecs-taskdef-lint exit status', () => {
  const noError = ['--rule', 'arn-malformed=off'];
  const noWarning = ['--rule', 'unknown-property=off'];

  it('--fail-on: a finding at or above the level fails the run (default: error)', async () => {
    const dir = taskDir();
    const status = async (args: string[]) => (await lint([...args, 'td.json'], dir)).status;
    expect(await status([])).toBe(1);
    expect(await status(noError)).toBe(0);
    expect(await status([...noError, '--fail-on', 'warning'])).toBe(1);
    expect(await status([...noError, ...noWarning, '--fail-on', 'warning'])).toBe(0);
    expect(await status([...noError, ...noWarning, '--fail-on', 'information'])).toBe(1);
    expect(await status([...noError, ...noWarning, '--fail-on', 'information', '--exit-zero'])).toBe(0);
    expect(await lint(['--fail-on', 'hint', 'td.json'], dir)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--fail-on must be error, warning or information, not "hint".'),
    });
  });

  it('--max-warnings N: more than N warnings fail the run, with a line that says so', async () => {
    const dir = taskDir();
    expect((await lint([...noError, '--max-warnings', '1', 'td.json'], dir)).status).toBe(0);
    const over = await lint([...noError, '--max-warnings', '0', 'td.json'], dir);
    expect([over.status, over.stderr]).toEqual([1, 'ecs-taskdef-lint: 1 warning, more than --max-warnings 0.\n']);
    expect((await lint([...noError, '--max-warnings', '0', '--exit-zero', 'td.json'], dir)).status).toBe(0);
    expect((await lint(['--max-warnings', 'many', 'td.json'], dir)).status).toBe(2);
  });

  it('--quiet reports errors only; the exit status still counts every finding', async () => {
    const dir = taskDir();
    const quiet = await lint(['--quiet', 'td.json'], dir);
    expect([quiet.status, quiet.stdout]).toEqual([
      1,
      'td.json:11:37: error arn-malformed: An SSM parameter ARN has "parameter/" before the name, not "parameter:".\n' +
        '1 error, 0 warnings, 0 information in 1 task definition file.\n',
    ]);
    const hidden = await lint(['--quiet', ...noError, '--fail-on', 'warning', '--format', 'json', 'td.json'], dir);
    expect([hidden.status, JSON.parse(hidden.stdout)[0].diagnostics]).toEqual([1, []]);
    expect((await lint(['--quiet', ...noError, '--max-warnings', '0', 'td.json'], dir)).status).toBe(1);
  });
});

describe('ecs-taskdef-lint --stdin', () => {
  it('lints the text on stdin under --stdin-filename, which picks the format and names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-ci-'));
    const yaml = 'family: f\ncontainerDefinitions:\n  - name: a\n    image: b\n    memory: "512"\n';
    const run = await lint(['--stdin', '--stdin-filename', 'deploy/taskdef.yaml'], dir, yaml);
    expect([run.status, run.stdout]).toEqual([
      1,
      'deploy/taskdef.yaml:5:13: error type-mismatch: "memory" must be an integer, not a string: write 512 without quotes.\n' +
        '1 error, 0 warnings, 0 information in 1 task definition file.\n',
    ]);
    expect((await lint(['--stdin'], dir, TASK)).stdout).toContain('<stdin>:11:37: error arn-malformed');
    // Named on the command line, a text on stdin that is no task definition is said to be skipped.
    expect(await lint(['--stdin', '--stdin-filename', 'package.json'], dir, '{"name": "x"}')).toMatchObject({
      status: 0,
      stderr: 'package.json: not a task definition; skipped (use --force to lint it as one)\n',
    });
    expect((await lint(['--stdin-filename', 'x.json', 'td.json'], dir)).stderr).toContain(
      '--stdin-filename names the text of --stdin; add --stdin.',
    );
    expect((await lint(['--stdin', 'td.json'], dir)).stderr).toContain('--stdin lints the text on stdin; name no files with it.');
  });

  it('judges the text by the deploy workflow of the repository its name is in', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'lint-ci-repo-'));
    const workflow =
      'jobs:\n  d:\n    steps:\n      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with: { task-definition: .aws/td.json, cluster: c, service: s }\n';
    spawnSync('mkdir', ['-p', join(repo, '.git'), join(repo, '.github/workflows'), join(repo, '.aws')]);
    writeFileSync(join(repo, '.github/workflows/deploy.yml'), workflow);
    const exported = '{"family": "f", "revision": 3, "containerDefinitions": [{"name": "a", "image": "b", "memory": 512}]}';
    expect(await lint(['--stdin', '--stdin-filename', '.aws/td.json'], repo, exported)).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('information describe-output'),
    });
    expect(await lint(['--stdin', '--stdin-filename', 'other.json'], repo, exported)).toMatchObject({
      status: 1,
      stdout: expect.stringContaining('error describe-output'),
    });
  });
});
