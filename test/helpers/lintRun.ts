// The linter as the CLI suites run it. Normally that is the built bundle (server/out/lint.js) in a
// child process, as CI runs it. In mutation runs it is the source's runLint in this process:
// vitest.mutation.config.ts sets LINT_IN_PROCESS, since a mutant of server/src/lintCli never
// reaches the bundle. test/cli/inProcess.test.ts checks that the two give the same results.
import { isolatedAwsEnv, replaceEnv } from './awsEnv';
import { loadAwsFromSource } from './awsFromSource';
import { lintProcess } from './lintProcess';

/** What a run of the linter left: its exit status and everything it wrote. */
export interface LintResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface LintRunOptions {
  /** The directory the linter runs in. */
  cwd: string;
  /** Its whole environment; by default one without the machine's AWS settings (isolatedAwsEnv). */
  env?: NodeJS.ProcessEnv;
  /** The text on its stdin. */
  input?: string;
}

/** True in mutation runs, where the CLI suites run the source in this process. */
export const LINT_IN_PROCESS = process.env.LINT_IN_PROCESS === '1';

/** `ecs-taskdef-lint ...args`, run to its end. */
export function lint(args: string[], options: LintRunOptions): Promise<LintResult> {
  return (LINT_IN_PROCESS ? lintSource : lintBuilt)(args, options);
}

/** The built linter in a child process. */
export function lintBuilt(args: string[], { cwd, env = isolatedAwsEnv(), input }: LintRunOptions): Promise<LintResult> {
  return lintProcess(args, cwd, env, input);
}

/** One in-process run at a time: each takes over process.env for its duration. */
let running: Promise<unknown> = Promise.resolve();

/** The source's runLint in this process. */
export function lintSource(args: string[], { cwd, env = isolatedAwsEnv(), input }: LintRunOptions): Promise<LintResult> {
  const run = running.then(async () => {
    const { runLint, crashReport } = await import('../../server/src/lintCli/run');
    await loadAwsFromSource();
    let stdout = '';
    let stderr = '';
    const saved = { ...process.env };
    replaceEnv(env);
    try {
      const status = await runLint(args, {
        cwd,
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        readStdin: async () => input ?? '',
      });
      return { status, stdout, stderr };
    } catch (error) {
      stderr += crashReport(error);
      return { status: 2, stdout, stderr };
    } finally {
      replaceEnv(saved);
    }
  });
  running = run.catch(() => undefined);
  return run;
}
