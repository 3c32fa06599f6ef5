// What a run writes once its files are linted: the safe fixes (`--fix` in place, `--fix-dry-run` as
// a diff), the report in its format (`--quiet`: errors only), and the exit status, which
// `--fail-on` and `--max-warnings` decide over every finding and `--exit-zero` overrides.
import { writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { LintArgs, OutputFormat } from './args';
import { errorsOnly, judgeRun, type FailOn } from './exitStatus';
import { fixResults, withSafeFixes } from './fix';
import { formatGithub } from './githubFormatter';
import { formatJson } from './jsonFormatter';
import { formatJunit } from './junitFormatter';
import type { FileResult } from './lintFiles';
import { formatSarif } from './sarifFormatter';
import { formatText } from './textFormatter';
import { unifiedDiff } from './unifiedDiff';

/** What a formatter may need besides the results. */
interface FormatOptions {
  failOn: FailOn;
}

const FORMATTERS: Record<OutputFormat, (results: FileResult[], options: FormatOptions) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};

/** Where the run writes, and the text read from stdin (`--stdin`). */
export interface RunOutput {
  /** The working directory the paths are relative to. */
  cwd: string;
  /** Where the report, the diff or the fixed stdin text goes. */
  stdout: { write(text: string): unknown };
  /** Where messages go (and the report, with --fix --stdin). */
  stderr: { write(text: string): unknown };
  /** The text read from stdin, passed on unchanged by --fix --stdin when it is no task definition. */
  stdinText?: string;
}

/** Fixes, writes the report and returns the exit status of a lint run. */
export async function finishRun(linted: FileResult[], args: LintArgs, output: RunOutput): Promise<number> {
  const { cwd, stdout, stderr } = output;
  const log = (line: string) => stderr.write(`ecs-taskdef-lint: ${line}\n`);
  let results = linted;
  if (args.fix || args.fixDryRun) {
    const fixed = fixResults(linted);
    results = fixed.results;
    const problems = fixed.files.reduce((n, f) => n + f.fixed, 0);
    const summary = `${plural(problems, 'problem')} in ${plural(fixed.files.length, 'file')}`;
    if (args.fixDryRun) {
      for (const f of fixed.files)
        stdout.write(unifiedDiff(f.original, f.text, `a/${diffPath(f.file, cwd)}`, `b/${diffPath(f.file, cwd)}`));
      log(`would fix ${summary}.`);
    } else if (args.stdin) {
      // As ruff and prettier do with stdin: the text goes on, fixed or as it came; the report moves to stderr.
      stdout.write(fixed.files[0]?.text ?? output.stdinText ?? '');
      log(`fixed ${summary}.`);
    } else {
      results = await Promise.all(
        results.map(async (result) => {
          const file = fixed.files.find((f) => f.file === result.file);
          if (!file) return result;
          try {
            await writeFile(resolve(cwd, file.file), file.text, 'utf8');
            return result;
          } catch (error) {
            return { ...result, error: `could not write the fixes: ${(error as Error).message}` };
          }
        }),
      );
      log(`fixed ${summary}.`);
    }
  }
  // Only the JSON and SARIF reports say which findings --fix would fix.
  if (args.format === 'json' || args.format === 'sarif') results = withSafeFixes(results);
  const verdict = judgeRun(results, args.failOn, args.maxWarnings);
  if (!args.fixDryRun) {
    const report = FORMATTERS[args.format](args.quiet ? errorsOnly(results) : results, { failOn: args.failOn });
    (args.fix && args.stdin ? stderr : stdout).write(report);
  }
  if (results.some((r) => r.error)) {
    for (const r of results.filter((r) => r.error)) log(`${r.file}: ${r.error}`);
    return 2;
  }
  if (verdict.tooManyWarnings !== undefined)
    log(`${plural(verdict.tooManyWarnings, 'warning')}, more than --max-warnings ${args.maxWarnings}.`);
  return (verdict.failed || verdict.tooManyWarnings !== undefined) && !args.exitZero ? 1 : 0;
}

/** A file's path in a diff header: as reported, with `/`, relative to the working directory when absolute. */
function diffPath(file: string, cwd: string): string {
  return (isAbsolute(file) ? relative(cwd, file) : file).replace(/\\/g, '/');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
