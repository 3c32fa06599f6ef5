// The GitHub Action's step (action.yml): runs ecs-taskdef-lint over the inputs' paths, writes the
// SARIF report for github/codeql-action/upload-sarif, prints the findings in the chosen format (by
// default as workflow-command annotations), and adds a table of them to the step summary.
// Inputs arrive as INPUT_* variables (action.yml sets them); GitHub sets GITHUB_WORKSPACE,
// RUNNER_TEMP, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT. No dependency: Node's own modules only.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const actionPath = join(dirname(fileURLToPath(import.meta.url)), '..');
const lintBundle = join(actionPath, 'server/out/lint.js');
/** More rows than this make the summary unreadable; the SARIF report and annotations have them all. */
const MAX_SUMMARY_ROWS = 200;
const FORMATS = ['github', 'text', 'json', 'junit'];
const LEVELS = ['error', 'warning', 'information'];
const DEPLOYED_BY = ['auto', 'cli', 'deploy-action'];

export function main(env = process.env) {
  const input = (name, fallback) => (env[`INPUT_${name}`] ?? '').trim() || fallback;
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const paths = input('PATHS', '.').split(/\s+/).filter(Boolean);
  const format = input('FORMAT', 'github');
  const failOn = input('FAIL_ON', 'error');
  const deployedBy = input('DEPLOYED_BY', 'auto');
  const offline = input('OFFLINE', 'false') === 'true';
  const problems = [
    !FORMATS.includes(format) && `format must be one of ${FORMATS.join(', ')}, not "${format}"`,
    !LEVELS.includes(failOn) && `fail-on must be one of ${LEVELS.join(', ')}, not "${failOn}"`,
    !DEPLOYED_BY.includes(deployedBy) && `deployed-by must be one of ${DEPLOYED_BY.join(', ')}, not "${deployedBy}"`,
  ].filter(Boolean);
  if (problems.length) {
    for (const problem of problems) console.log(`::error title=ecs-taskdef-lint::${problem}`);
    return 2;
  }
  const sarifInput = input('SARIF_FILE', '');
  const sarifFile = sarifInput
    ? isAbsolute(sarifInput)
      ? sarifInput
      : resolve(workspace, sarifInput)
    : join(env.RUNNER_TEMP || workspace, 'ecs-taskdef.sarif');

  if (!existsSync(lintBundle)) build(env);
  const common = ['--deployed-by', deployedBy, '--fail-on', failOn, ...(offline ? ['--offline'] : []), ...paths];
  const lint = (formatArgs) =>
    spawnSync(process.execPath, [lintBundle, ...formatArgs, ...common], {
      cwd: workspace,
      encoding: 'utf8',
      env,
      maxBuffer: 256 * 1024 * 1024,
    });

  // The report for code scanning first, then the log in the chosen format; their findings are the same.
  const sarifRun = lint(['--format', 'sarif', '--exit-zero']);
  if (sarifRun.status !== 0) {
    process.stderr.write(sarifRun.stderr);
    console.log(`::error title=ecs-taskdef-lint::the linter could not run (exit ${sarifRun.status})`);
    return 2;
  }
  mkdirSync(dirname(sarifFile), { recursive: true });
  writeFileSync(sarifFile, sarifRun.stdout);
  const logRun = lint(['--format', format]);
  process.stdout.write(logRun.stdout);
  process.stderr.write(logRun.stderr);

  const results = sarifResults(sarifRun.stdout);
  const count = (level) => results.filter((r) => r.level === level).length;
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summary(results));
  if (env.GITHUB_OUTPUT) {
    appendFileSync(env.GITHUB_OUTPUT, `sarif-file=${sarifFile}\nerrors=${count('error')}\nwarnings=${count('warning')}\n`);
  }
  return logRun.status ?? 2;
}

/** The bundle is built output, not in git: a checkout of the action builds it once. */
function build(env) {
  console.log('::group::Building ecs-taskdef-lint');
  for (const [command, args] of [
    ['npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts']],
    [process.execPath, ['esbuild.mjs']],
  ]) {
    const run = spawnSync(command, args, { cwd: actionPath, stdio: 'inherit', env });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${actionPath}`);
  }
  console.log('::endgroup::');
}

/** Each SARIF result as a row: file, line, level, rule, message. */
function sarifResults(text) {
  const sarif = JSON.parse(text);
  return sarif.runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return {
        file: decodeURIComponent(location?.artifactLocation?.uri ?? ''),
        line: location?.region?.startLine ?? 1,
        level: result.level ?? 'warning',
        rule: result.ruleId,
        message: result.message?.text ?? '',
      };
    }),
  );
}

const LEVEL_NAMES = { error: 'error', warning: 'warning', note: 'information', none: 'hint' };

/** The step summary: counts, then one table row per finding. */
export function summary(results) {
  const count = (level) => results.filter((r) => r.level === level).length;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    '## ecs-taskdef-lint',
    '',
    `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('note') + count('none')} information.`,
    '',
  ];
  if (results.length) {
    lines.push('| File | Line | Severity | Rule | Message |', '|---|---|---|---|---|');
    const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    for (const r of results.slice(0, MAX_SUMMARY_ROWS))
      lines.push(`| ${cell(r.file)} | ${r.line} | ${LEVEL_NAMES[r.level] ?? r.level} | \`${r.rule}\` | ${cell(r.message)} |`);
    if (results.length > MAX_SUMMARY_ROWS) lines.push('', `${results.length - MAX_SUMMARY_ROWS} more in the SARIF report.`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.log(`::error title=ecs-taskdef-lint::${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
