// The built linter (server/out/lint.js) in a child process that does not block this one, so that a
// local AWS endpoint or a language server of the same test can answer meanwhile.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const LINT = join(__dirname, '../../server/out/lint.js');

/** `node lint.js ...args` in `cwd`, with `input` on its stdin, run to its end: its exit status and output. */
export function lintProcess(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  input = '',
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LINT, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}
