// The report reaches stdout whole however stdout is connected (lintCli/stdout.ts writes descriptor 1
// directly): a pipe that is read slowly, a pipe made non-blocking (as Node makes its own end of one,
// which is what another Node process hands down with `stdio: 'inherit'`), and a reader that stops
// early, which costs the run nothing but the rest of its output.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedAwsEnv } from '../helpers/awsEnv';

const LINT = join(__dirname, '../../server/out/lint.js');
const dir = mkdtempSync(join(tmpdir(), 'lint-stdout-'));
const REFERENCES = 3000;
writeFileSync(
  join(dir, 'td.json'),
  JSON.stringify(
    {
      family: 'f',
      executionRoleArn: 'arn:aws:iam::111122223333:role/e',
      containerDefinitions: [
        {
          name: 'a',
          image: 'b',
          memory: 512,
          secrets: Array.from({ length: REFERENCES }, (_, i) => ({
            name: `S${i}`,
            valueFrom: `arn:aws:ssm:eu-west-1:111122223333:parameter:p${i}`,
          })),
        },
      ],
    },
    null,
    2,
  ),
);
// Before main runs: stdout as a stream, which makes a pipe's descriptor non-blocking.
const NON_BLOCKING = join(dir, 'nonBlocking.js');
writeFileSync(NON_BLOCKING, 'process.stdout;\n');

/** Runs the linter with JSON output; the reader waits `delayMs` before it reads, or stops after the first chunk. */
function run(options: { delayMs?: number; stopEarly?: boolean; nonBlocking?: boolean }) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const env = isolatedAwsEnv(options.nonBlocking ? { NODE_OPTIONS: `--require ${NON_BLOCKING}` } : {});
    const child = spawn(process.execPath, [LINT, '--offline', '--format', 'json', 'td.json'], { cwd: dir, env });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    if (options.stopEarly) child.stdout.once('data', () => child.stdout.destroy());
    else {
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), options.delayMs ?? 0);
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    }
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function findings(stdout: string): string[] {
  const [file] = JSON.parse(stdout) as { diagnostics: { code: string }[] }[];
  return file.diagnostics.map((d) => d.code);
}

describe('the report on stdout', () => {
  it('is whole through a pipe read only after the run has filled it', async () => {
    const result = await run({ delayMs: 500 });
    expect(result.stdout.length).toBeGreaterThan(1 << 20);
    expect(findings(result.stdout).filter((code) => code === 'arn-malformed')).toHaveLength(REFERENCES);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('is whole through a non-blocking pipe read late', async () => {
    const result = await run({ delayMs: 500, nonBlocking: true });
    expect(findings(result.stdout).filter((code) => code === 'arn-malformed')).toHaveLength(REFERENCES);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('ends quietly, with the findings exit status, when the reader stops early', async () => {
    const result = await run({ stopEarly: true });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  });
});
