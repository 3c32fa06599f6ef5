// ecs-taskdef-lint: the analysis core over files, for CI. Exit 0 without errors, 1 with, 2 when the
// command line or a file could not be used.
import { collectFiles, MissingPathError } from './collectFiles';
import { parseLintArgs, UsageError, USAGE, type LintArgs } from './args';
import { formatJson } from './jsonFormatter';
import { lintFiles } from './lintFiles';
import { loadCatalog } from './loadCatalog';
import { formatSarif } from './sarifFormatter';
import { formatText } from './textFormatter';
import { parseRuleSettings } from '../settings';
import { VERSION } from '../version';

const FORMATTERS = { text: formatText, json: formatJson, sarif: formatSarif };

async function main(argv: string[]): Promise<number> {
  let args: LintArgs;
  try {
    args = parseLintArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ecs-taskdef-lint: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cwd = process.cwd();
  let targets;
  try {
    targets = await collectFiles(args.paths, cwd);
  } catch (error) {
    if (error instanceof MissingPathError) {
      process.stderr.write(`ecs-taskdef-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const log = (line: string) => process.stderr.write(`ecs-taskdef-lint: ${line}\n`);
  const catalog = args.offline ? undefined : await loadCatalog({ profile: args.profile, region: args.region }, log);
  const options = {
    account: args.account,
    region: args.region,
    reportSyntaxErrors: true,
    rules: parseRuleSettings(args.rules),
    catalog: catalog?.access,
  };
  let results = await lintFiles(targets, cwd, options);
  // References to other regions asked for their region's catalog: check again once it is listed.
  if (await catalog?.loadRequestedRegions()) results = await lintFiles(targets, cwd, options);
  catalog?.dispose();
  process.stdout.write(FORMATTERS[args.format](results));
  if (results.some((r) => r.error)) {
    for (const r of results.filter((r) => r.error)) process.stderr.write(`ecs-taskdef-lint: ${r.file}: ${r.error}\n`);
    return 2;
  }
  const hasErrors = results.some((r) => r.findings.some((f) => f.severity === 'error'));
  return hasErrors && !args.exitZero ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ecs-taskdef-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
