// Mutation runs lint in-process (test/helpers/lintRun.ts): the CLI suites then judge the source's
// runLint, not the built lint.js. That stands for the real linter only while the two agree, run for
// run: the same exit status and the same bytes on stdout and stderr.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintBuilt, lintSource } from '../helpers/lintRun';

const root = join(__dirname, '../..');
const TASK = `{
  "family": "web",
  "executionRoleArn": "arn:aws:iam::111122223333:role/e",
  "containerDefinitions": [
    { "name": "a", "image": "b", "memory": 512, "secrets": [{ "name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:a" }] }
  ]
}
`;

describe('ecs-taskdef-lint in-process and built', () => {
  const runs: [string, string[], string?][] = [
    ['text over a directory', ['--offline', 'examples']],
    ['JSON', ['--offline', '--format', 'json', 'examples/worker-secrets-mistakes.json']],
    ['SARIF', ['--offline', '--format', 'sarif', 'examples/worker-secrets-mistakes.json']],
    ['GitHub annotations', ['--offline', '--format', 'github', 'examples/worker-secrets-mistakes.json']],
    ['JUnit', ['--offline', '--format', 'junit', 'examples/cloudformation']],
    ['a diff of the fixes', ['--offline', '--fix-dry-run', 'examples']],
    ['the policy', ['--offline', '--policy', 'examples/web-fargate.json']],
    ['stdin', ['--offline', '--stdin', '--stdin-filename', 'deploy/td.json'], TASK],
    ['a usage error', ['--format', 'xml', 'examples']],
    ['a missing file', ['--offline', 'nope.json']],
    ['no AWS credentials', ['td.json'], undefined],
  ];
  it.each(runs)('%s', async (_, args, input) => {
    const cwd = mkdtempSync(join(tmpdir(), 'lint-both-'));
    cpSync(join(root, 'examples'), join(cwd, 'examples'), { recursive: true });
    cpSync(join(root, 'examples/web-fargate.json'), join(cwd, 'td.json'));
    const built = await lintBuilt(args, { cwd, input });
    expect(built.status).not.toBeNull();
    expect(await lintSource(args, { cwd, input })).toEqual(built);
  });

  it('fixes the same files the same way', async () => {
    const built = mkdtempSync(join(tmpdir(), 'lint-both-'));
    const source = mkdtempSync(join(tmpdir(), 'lint-both-'));
    for (const dir of [built, source]) cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
    const fixedBuilt = await lintBuilt(['--offline', '--fix', 'examples'], { cwd: built });
    expect(await lintSource(['--offline', '--fix', 'examples'], { cwd: source })).toEqual(fixedBuilt);
    const files = readdirSync(join(built, 'examples'), { recursive: true, encoding: 'utf8' });
    for (const file of files.filter((f) => /\.(json|ya?ml|tf)$/.test(f)))
      expect([file, readFileSync(join(source, 'examples', file), 'utf8')]).toEqual([
        file,
        readFileSync(join(built, 'examples', file), 'utf8'),
      ]);
  });
});
