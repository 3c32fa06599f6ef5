import { parseArgs } from 'node:util';
import { DEPLOYED_BY_SETTINGS, RULE_IDS, type DeployedBySetting, type RuleId } from '../service';
import { FAIL_ON_LEVELS, type FailOn } from './exitStatus';

/** The linter's output formats. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'junit';

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github', 'junit'];

/** The parsed command line. */
export interface LintArgs {
  format: OutputFormat;
  offline: boolean;
  account?: string;
  region?: string;
  profile?: string;
  exitZero: boolean;
  /** `--fix`: apply the safe fixes in place (with --stdin: write the fixed text to stdout). */
  fix: boolean;
  /** `--fix-dry-run`: print the safe fixes as a unified diff, change nothing. */
  fixDryRun: boolean;
  /** `--fail-on`: the least severity that makes the exit status 1. */
  failOn: FailOn;
  /** `--max-warnings N`: more warnings than this make the exit status 1. */
  maxWarnings?: number;
  /** `--quiet`: report errors only. */
  quiet: boolean;
  /** `--stdin`: lint the text on stdin instead of files. */
  stdin: boolean;
  /** `--stdin-filename NAME`: the name the stdin text is linted and reported as (default `<stdin>`). */
  stdinFilename: string;
  /** `--force`: lint named files as task definitions whatever they hold. */
  force: boolean;
  /** `--policy FILE`: print the execution role policy of FILE instead of linting. */
  policy?: string;
  /** `--resource ID`: with --policy, the logical id of the template's task definition resource. */
  resource?: string;
  /** `--deployed-by auto|cli|deploy-action`: who registers the files (auto: read the repository's workflows). */
  deployedBy: DeployedBySetting;
  /** `--rule id=off|error|warning|information|hint`, repeatable. */
  rules: Record<string, string>;
  help: boolean;
  version: boolean;
  paths: string[];
}

/** A command line that cannot be run; the message is for the user. */
export class UsageError extends Error {}

export const USAGE = `Usage: ecs-taskdef-lint [options] <file|dir|glob>...
       ecs-taskdef-lint [options] --stdin [--stdin-filename NAME] < file
       ecs-taskdef-lint --policy <file> [--resource ID] [--offline] [--profile P] [--region R]

Lints Amazon ECS task definitions: register-task-definition input and describe-task-definition
output in JSON or YAML, the AWS::ECS::TaskDefinition resources of CloudFormation templates (JSON or
YAML), Terraform aws_ecs_task_definition resources and container-definition arrays. Directories
are searched for .json, .jsonc, .yaml, .yml, .template and .tf files that hold one. The content decides for named files too: one that
holds no task definition is skipped with a line on stderr, unless --force. The project config
(.ecs-taskdef.yaml, found upward from each file) applies; --rule and --deployed-by apply over it.

Options:
  --format FORMAT           output format: text (default), json, sarif, github (workflow
                            command annotations) or junit (JUnit XML)
  --fix                     apply the fixes that need no choice in place, then report what
                            remains; with --stdin, write the fixed text to stdout and the report
                            to stderr
  --fix-dry-run             print those fixes as a unified diff instead; change nothing
  --fail-on LEVEL           the least severity that fails the run: error (default), warning
                            or information
  --max-warnings N          fail the run when there are more than N warnings
  --quiet                   report errors only (the exit status still counts every finding)
  --stdin                   lint the text on stdin instead of files
  --stdin-filename NAME     with --stdin: the file name that picks the format and the
                            deployment, and names the text in the report (default: <stdin>)
  --account ID              the task's 12-digit account when no role ARN names it
  --region REGION           the region to list secrets and parameters in, and the task's
                            region when no awslogs-region names it
  --profile NAME            AWS profile whose secrets and parameters to check against
                            (default: the SDK's chain: AWS_PROFILE, environment, SSO, ...)
  --rule ID=SETTING         turn a rule off or change its severity (off, error, warning,
                            information, hint); repeatable
  --deployed-by WHO         who registers the files: auto (default: the GitHub workflows of
                            the file's repository say), cli (aws ecs register-task-definition)
                            or deploy-action (aws-actions/amazon-ecs-deploy-task-definition)
  --offline                 make no AWS calls (the account-aware rules are skipped)
  --exit-zero               exit 0 whatever is found
  --force                   lint named files as task definitions even when they do not look like one
  --policy FILE             print the least-privilege IAM policy of FILE's execution role
                            (notes on stderr) instead of linting
  --resource ID             with --policy: the template's task definition resource to use
                            (default: the first)
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 nothing at or above --fail-on and no more warnings than --max-warnings,
1 otherwise, 2 usage or I/O problem.`;

/** Parses argv (without node and the script). */
export function parseLintArgs(argv: string[]): LintArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        offline: { type: 'boolean', default: false },
        account: { type: 'string' },
        region: { type: 'string' },
        profile: { type: 'string' },
        'exit-zero': { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'fail-on': { type: 'string', default: 'error' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        stdin: { type: 'boolean', default: false },
        'stdin-filename': { type: 'string' },
        force: { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true, default: [] },
        'deployed-by': { type: 'string', default: 'auto' },
        policy: { type: 'string' },
        resource: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json, sarif, github or junit, not "${format}".`);
  const failOn = values['fail-on'] as FailOn;
  if (!FAIL_ON_LEVELS.includes(failOn)) throw new UsageError(`--fail-on must be error, warning or information, not "${failOn}".`);
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings))
    throw new UsageError(`--max-warnings takes a number of warnings (0 or more), not "${maxWarnings}".`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together.');
  if (values['fix-dry-run'] && format !== 'text') throw new UsageError('--fix-dry-run prints a diff, not a report: it takes no --format.');
  if (values['stdin-filename'] !== undefined && !values.stdin)
    throw new UsageError('--stdin-filename names the text of --stdin; add --stdin.');
  if (values.stdin && positionals.length) throw new UsageError('--stdin lints the text on stdin; name no files with it.');
  if (values.account !== undefined && !/^\d{12}$/.test(values.account))
    throw new UsageError(`--account must be a 12-digit AWS account ID, not "${values.account}".`);
  if (values.region !== undefined && !/^([a-z]+-)+\d+$/.test(values.region))
    throw new UsageError(`--region must be a region name such as eu-west-1, not "${values.region}".`);
  const deployedBy = values['deployed-by'] as DeployedBySetting;
  if (!DEPLOYED_BY_SETTINGS.includes(deployedBy))
    throw new UsageError(`--deployed-by must be ${DEPLOYED_BY_SETTINGS.join(', ')}, not "${deployedBy}".`);
  const rules: Record<string, string> = {};
  for (const entry of values.rule as string[]) {
    const match = /^([a-z-]+)=(off|error|warning|information|hint)$/.exec(entry);
    if (!match || !RULE_IDS.includes(match[1] as RuleId)) {
      throw new UsageError(`--rule takes <rule-id>=off|error|warning|information|hint with a known rule id, not "${entry}".`);
    }
    rules[match[1]] = match[2];
  }
  if (!values.help && !values.version && !values.policy && !values.stdin && positionals.length === 0)
    throw new UsageError('No files given. Name task definition files, directories or globs.');
  return {
    format,
    offline: values.offline as boolean,
    account: values.account,
    region: values.region,
    profile: values.profile,
    exitZero: values['exit-zero'] as boolean,
    fix: values.fix as boolean,
    fixDryRun: values['fix-dry-run'] as boolean,
    failOn,
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    quiet: values.quiet as boolean,
    stdin: values.stdin as boolean,
    stdinFilename: values['stdin-filename'] ?? '<stdin>',
    force: values.force as boolean,
    policy: values.policy,
    resource: values.resource,
    deployedBy,
    rules,
    help: values.help as boolean,
    version: values.version as boolean,
    paths: positionals,
  };
}
