// ecs-taskdef-lint's run, apart from the process it runs in (main.ts): the command line in, the
// exit status out, 0 without errors (or what --fail-on and --max-warnings name), 1 with, 2 when the
// command line or a file could not be used. Tests run it in-process, with their own cwd and output.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createTaskDefinitionService } from '../service';
import { collectFiles, MissingPathError } from './collectFiles';
import { parseLintArgs, UsageError, USAGE, type LintArgs } from './args';
import { fileDocument } from './fileDocument';
import { lintFiles } from './lintFiles';
import { loadCatalog } from './loadCatalog';
import { finishRun } from './report';
import { parseRuleSettings } from '../settings';
import { VERSION } from '../version';
import { WorkflowDeployments } from '../workflowFiles';
import { ProjectConfigs } from '../projectConfig';
import { prepareFor } from '../hcl/loadHclParser';
import { TerraformLinks } from '../terraformLinks';
import { LazyAwsRoleChecker } from '../catalog/lazyAwsCatalog';
import { RoleChecks } from '../catalog/roleChecks';
import { KubernetesStores } from '../kubernetesStores';

/** Where a run reads and writes: the process's own in main.ts, captured in tests. */
export interface LintIo {
  /** The directory the paths on the command line are relative to. */
  cwd: string;
  /** The report, the diff, the policy or the fixed stdin text. */
  stdout: { write(text: string): unknown };
  /** Messages, usage errors and the summary of --fix. */
  stderr: { write(text: string): unknown };
  /** The whole of stdin, read only for --stdin. */
  readStdin(): Promise<string>;
}

/** What stderr says of a run that threw: a bug, not a finding (exit status 2). */
export function crashReport(error: unknown): string {
  return `ecs-taskdef-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
}

/** One run of the linter over `argv` (without `node lint.js`): the exit status. */
export async function runLint(argv: string[], io: LintIo): Promise<number> {
  let args: LintArgs;
  try {
    args = parseLintArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`ecs-taskdef-lint: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { cwd } = io;
  if (args.policy !== undefined) return printPolicy(args, io);
  let targets;
  try {
    // The text on stdin is linted as the file --stdin-filename names: its name picks the format and the deployment.
    targets = args.stdin ? [{ path: args.stdinFilename, explicit: true, text: await io.readStdin() }] : await collectFiles(args.paths, cwd);
  } catch (error) {
    if (error instanceof MissingPathError) {
      io.stderr.write(`ecs-taskdef-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const log = (line: string) => io.stderr.write(`ecs-taskdef-lint: ${line}\n`);
  const roleChecker = new LazyAwsRoleChecker();
  const catalog = args.offline ? undefined : await loadCatalog({ profile: args.profile, region: args.region }, log);
  const options = {
    account: args.account,
    region: args.region,
    reportSyntaxErrors: true,
    rules: parseRuleSettings(args.rules),
    catalog: catalog?.access,
  };
  const skipped = new Set<string>();
  const ignored = new Map<string, string>();
  const named = {
    force: args.force,
    onSkipped: (file: string) => void skipped.add(file),
    onIgnored: (file: string, config: string) => void ignored.set(file, config),
  };
  // One run reads each workflow and config once.
  const repository = {
    deployedBy: args.deployedBy,
    workflows: new WorkflowDeployments(Infinity),
    configs: new ProjectConfigs(Infinity),
    terraformLinks: new TerraformLinks(Infinity),
    kubernetesStores: new KubernetesStores(Infinity),
    // Online, each file's roles are checked against IAM before it is analysed (docs/roles.md).
    roleChecks: catalog?.access
      ? {
          checks: new RoleChecks(() => roleChecker, { ttlMs: Number.POSITIVE_INFINITY }, log),
          scope: { profile: args.profile, region: args.region },
        }
      : undefined,
  };
  let results = await lintFiles(targets, cwd, options, named, repository);
  // References to other regions asked for their region's catalog: check again once it is listed.
  if (await catalog?.loadRequestedRegions()) results = await lintFiles(targets, cwd, options, named, repository);
  for (const file of skipped) io.stderr.write(`${file}: not a task definition; skipped (use --force to lint it as one)\n`);
  for (const [file, config] of ignored) io.stderr.write(`${file}: ignored by the "ignore" globs of ${config}; skipped\n`);
  catalog?.dispose();
  return finishRun(results, args, { cwd, stdout: io.stdout, stderr: io.stderr, stdinText: targets[0]?.text });
}

/** `--policy FILE`: the policy on stdout, what to know about it on stderr. */
async function printPolicy(args: LintArgs, io: LintIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, args.policy!), 'utf8');
  } catch (error) {
    io.stderr.write(
      `ecs-taskdef-lint: ${args.policy}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}\n`,
    );
    return 2;
  }
  const log = (line: string) => io.stderr.write(`ecs-taskdef-lint: ${line}\n`);
  const catalog = args.offline ? undefined : await loadCatalog({ profile: args.profile, region: args.region }, log);
  const options = { account: args.account, region: args.region, reportSyntaxErrors: true, catalog: catalog?.access };
  const doc = fileDocument(`file:///${args.policy}`, text.replace(/^\uFEFF/, ''));
  await prepareFor('', doc.uri, doc.getText());
  const service = createTaskDefinitionService();
  // A template may hold several task definitions: --resource picks one, else the first is used.
  const subjects = service.parse(doc, { forced: true }).subjects;
  const chosen = args.resource ? subjects.find((s) => s.resource === args.resource) : subjects[0];
  if (args.resource && !chosen) {
    const names = subjects.flatMap((s) => (s.resource ? [s.resource] : []));
    log(`${args.policy}: no task definition resource "${args.resource}"${names.length ? ` (there are: ${names.join(', ')})` : ''}.`);
    catalog?.dispose();
    return 2;
  }
  if (!args.resource && subjects.length > 1 && chosen?.resource)
    log(`${args.policy}: the policy of ${chosen.resource}; --resource picks another.`);
  const at = chosen?.task ? doc.positionAt(chosen.task.offset) : undefined;
  let result = service.executionRolePolicy(doc, { forced: true }, options, at);
  if (await catalog?.loadRequestedRegions()) result = service.executionRolePolicy(doc, { forced: true }, options, at);
  catalog?.dispose();
  if (!result) {
    log(`${args.policy}: not a task definition with containers.`);
    return 2;
  }
  io.stdout.write(`${JSON.stringify(result.policy, null, 2)}\n`);
  for (const note of result.notes) log(note);
  return 0;
}
