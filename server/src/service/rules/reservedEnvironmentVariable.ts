import type { Finding } from '../findings';
import { findString, findValue, pathOf } from '../document/navigate';
import type { DocNode } from '../document/node';
import { isTemplated } from '../template';
import { nodeRange } from './fixBuilders';
import { variableEntries } from './variableEntries';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';

const BREAKS_CREDENTIALS = "breaks the task's credentials";
/** The variables whose literal value is judged against the task's region. */
const REGION_VARIABLES = new Set(['AWS_REGION', 'AWS_DEFAULT_REGION']);

/**
 * The variables the ECS agent sets in every container, what it sets them to, and what overriding
 * them does (docs/reference/container-definitions.md#cd-5: string literals of the agent's api and
 * engine code).
 */
const RESERVED: Record<string, { value: string; effect?: string }> = {
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: {
    value: "the path of the task role's credentials on the agent's endpoint (169.254.170.2)",
    effect: 'breaks the task role',
  },
  AWS_CONTAINER_CREDENTIALS_FULL_URI: {
    value: 'the URI of a container credentials endpoint, which the AWS SDKs read',
    effect: BREAKS_CREDENTIALS,
  },
  AWS_CONTAINER_AUTHORIZATION_TOKEN: { value: 'the token of the container credentials endpoint', effect: BREAKS_CREDENTIALS },
  ECS_CONTAINER_METADATA_URI: { value: "the container's task metadata endpoint (version 3)" },
  ECS_CONTAINER_METADATA_URI_V4: { value: "the container's task metadata endpoint (version 4)" },
  ECS_AGENT_URI: { value: "the agent's endpoint for the task (task scale-in protection)" },
  AWS_EXECUTION_ENV: { value: 'the launch type (AWS_ECS_EC2 or AWS_ECS_FARGATE), which the AWS SDKs report' },
  AWS_REGION: { value: "the task's region" },
  AWS_DEFAULT_REGION: { value: "the task's region" },
};

export const reservedEnvironmentVariable: SubjectRule = {
  id: 'reserved-environment-variable',
  title: 'Variable that ECS sets',
  description:
    "Reports an `environment` or `secrets` entry that sets a variable the ECS agent sets in every container: the credentials variables of the task role (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, `AWS_CONTAINER_CREDENTIALS_FULL_URI`, `AWS_CONTAINER_AUTHORIZATION_TOKEN`), whose override breaks the task role, the metadata and agent endpoints (`ECS_CONTAINER_METADATA_URI`, `ECS_CONTAINER_METADATA_URI_V4`, `ECS_AGENT_URI`), `AWS_EXECUTION_ENV`, and `AWS_REGION`/`AWS_DEFAULT_REGION`. A region that disagrees with the task's region is a warning, one that agrees is redundant (information). The quick fix removes the entry.",
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    const entries = variableEntries(ctx.subject);
    for (let i = 0; i < entries.length; i++) {
      const { member, entry, name: node, list, where } = entries[i];
      if (!Object.hasOwn(RESERVED, node.value)) continue;
      const name = node.value as string;
      const region = member === 'environment' && REGION_VARIABLES.has(name) ? judgeRegion(ctx, findValue(entry, 'value')) : undefined;
      const reserved = RESERVED[name];
      let severity: Finding['severity'] = 'warning';
      let message = `ECS sets "${name}" itself, to ${reserved.value}; setting it in ${where} ${reserved.effect ?? 'competes with that value'}.`;
      if (region?.verdict === 'agrees') {
        severity = 'information';
        message = `"${name}" in ${where} is redundant: ECS sets it to the task's region${region.region ? `, ${region.region}` : ", which is the stack's region"}.`;
      } else if (region?.verdict === 'disagrees') {
        message = `"${name}" is "${region.value}" in ${where}, but the task's region is ${region.region} (${region.source}), which ECS sets it to. Remove it unless the container means to call another region.`;
      }
      findings.push({
        ruleId: 'reserved-environment-variable',
        severity,
        message,
        range: nodeRange(ctx, node),
        fixes: [{ kind: 'removeMember', title: `Remove "${name}" from "${list}"`, path: pathOf(entry) }],
      });
    }
    return findings;
  },
};

type RegionVerdict = { verdict: 'agrees'; region?: string } | { verdict: 'disagrees'; region: string; value: string; source: string };

/** A literal region against the task's; the stack's own region (`!Ref AWS::Region`) always agrees. Placeholders are not judged. */
function judgeRegion(ctx: RuleContext, value: DocNode | undefined): RegionVerdict | undefined {
  if (isStackRegion(value)) return { verdict: 'agrees' };
  const region = ctx.facts.region;
  if (value?.type !== 'string' || region === undefined || isTemplated(value.value as string)) return undefined;
  if (value.value === region) return { verdict: 'agrees', region };
  return { verdict: 'disagrees', region, value: value.value as string, source: regionSource(ctx, region) };
}

/** `!Ref AWS::Region` or `!Sub "${AWS::Region}"`: the region CloudFormation deploys the task definition in. */
function isStackRegion(value: DocNode | undefined): boolean {
  if (value?.type !== 'expression') return false;
  const argument = value.children?.[0];
  if (value.expression?.fn === 'Ref') return argument?.value === 'AWS::Region';
  return value.expression?.fn === 'Fn::Sub' && argument?.type === 'string' && argument.value === '${AWS::Region}';
}

/** Where the task's region came from (see taskFacts.ts), for the message. */
function regionSource(ctx: RuleContext, region: string): string {
  const fromLogs = ctx.subject.containers.some(
    (c) => findString(findValue(findValue(c.node, 'logConfiguration'), 'options'), 'awslogs-region') === region,
  );
  if (fromLogs) return 'its awslogs-region';
  return ctx.options.region === region ? 'the configured region' : "the signed-in profile's region";
}
