import { parseArgs } from 'node:util';
import { DEPLOYED_BY_SETTINGS, RULE_IDS, type DeployedBySetting, type RuleId } from '../service';

/** The linter's output formats. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** The parsed command line. */
export interface LintArgs {
  format: OutputFormat;
  offline: boolean;
  account?: string;
  region?: string;
  profile?: string;
  exitZero: boolean;
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
       ecs-taskdef-lint --policy <file> [--resource ID] [--offline] [--profile P] [--region R]

Lints Amazon ECS task definitions: register-task-definition input and describe-task-definition
output in JSON or YAML, the AWS::ECS::TaskDefinition resources of CloudFormation templates (JSON or
YAML), and Terraform container-definition arrays. Directories are searched for .json, .jsonc,
.yaml, .yml and .template files that hold one. The content decides for named files too: one that
holds no task definition is skipped with a line on stderr, unless --force.

Options:
  --format text|json|sarif  output format (default: text)
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
  --exit-zero               exit 0 even when errors are found
  --force                   lint named files as task definitions even when they do not look like one
  --policy FILE             print the least-privilege IAM policy of FILE's execution role
                            (notes on stderr) instead of linting
  --resource ID             with --policy: the template's task definition resource to use
                            (default: the first)
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem.`;

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
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    throw new UsageError(`--format must be text, json or sarif, not "${format}".`);
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
  if (!values.help && !values.version && !values.policy && positionals.length === 0)
    throw new UsageError('No files given. Name task definition files, directories or globs.');
  return {
    format,
    offline: values.offline as boolean,
    account: values.account,
    region: values.region,
    profile: values.profile,
    exitZero: values['exit-zero'] as boolean,
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
