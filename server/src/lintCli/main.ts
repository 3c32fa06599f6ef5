// ecs-taskdef-lint, the process: runLint (run.ts) with this process's directory, stdin and output,
// and its status as the exit code.
import { enableCompileCache } from '../compileCache';
import { crashReport, runLint } from './run';
import { stdout } from './stdout';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

enableCompileCache();
runLint(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout,
  // stderr only when written to: opening it on a pipe loads node:net, a few ms of every CI start.
  stderr: { write: (text: string) => process.stderr.write(text) },
  readStdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(crashReport(error));
    process.exitCode = 2;
  },
);
