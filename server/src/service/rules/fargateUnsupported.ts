import type { Finding } from '../findings';
import { anchorOf, findArray, findProperty, findValue } from '../document/navigate';
import { keyOf, valueOf, type DocNode } from '../document/node';
import { enumValues, ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { booleanOf, type Dialect } from '../subjects/dialect';
import { describeContainer } from '../subjects/subject';
import { isTemplated } from '../template';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import type { RuleContext, SubjectRule } from './rule';

// What Fargate refuses in a task definition, from the ECS developer guide, "Amazon ECS task
// definition differences for Fargate",
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html: "The
// following task definition parameters are not valid in Fargate tasks: disableNetworking,
// dnsSearchDomains, dnsServers, dockerSecurityOptions, extraHosts, gpu, ipcMode, links,
// placementConstraints, privileged, maxSwap, swappiness"; for linuxParameters "the only capability
// you can add is CAP_SYS_PTRACE. The devices, sharedMemorySize, and tmpfs parameters are not
// supported"; volumes: "the dockerVolumeConfiguration parameter is not supported"; Fargate tasks
// always use awsvpc, which refuses `hostname` ("hostname is not supported on container when
// networkMode=awsvpc", ContainerDefinition in the API reference). Log drivers and FireLens:
// docs/reference/fargate.md#fg-2 (config-file-type s3 is EC2 only) and
// docs/reference/container-definitions.md#cd-8. pidMode: only "task" on Fargate
// (task_definition_parameters, "pidMode").

/** The log drivers Fargate runs (docs/reference/fargate.md#fg-2). */
const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

/** When a member's value makes it offend: set at all, `true`, or a non-empty list. */
type Offence = 'set' | 'true' | 'nonEmpty';

/** Container members Fargate rejects, and when. `false` and `[]` are what ECS reads as unset. */
const CONTAINER_MEMBERS: readonly { member: string; when: Offence; why?: string }[] = [
  { member: 'privileged', when: 'true', why: 'Fargate does not run privileged containers' },
  { member: 'disableNetworking', when: 'true' },
  { member: 'links', when: 'nonEmpty', why: 'Fargate tasks use awsvpc, where containers reach each other on localhost' },
  { member: 'hostname', when: 'set', why: 'Fargate tasks use awsvpc, which does not take a container hostname' },
  { member: 'dnsServers', when: 'nonEmpty' },
  { member: 'dnsSearchDomains', when: 'nonEmpty' },
  { member: 'extraHosts', when: 'nonEmpty' },
  { member: 'dockerSecurityOptions', when: 'nonEmpty' },
];

/** linuxParameters members Fargate rejects. */
const LINUX_MEMBERS: readonly { member: string; when: Offence }[] = [
  { member: 'devices', when: 'nonEmpty' },
  { member: 'sharedMemorySize', when: 'set' },
  { member: 'tmpfs', when: 'nonEmpty' },
  { member: 'maxSwap', when: 'set' },
  { member: 'swappiness', when: 'set' },
];

export const fargateUnsupported: SubjectRule = {
  id: 'fargate-unsupported',
  title: 'Not supported on Fargate',
  description:
    'Reports what ECS refuses in a Fargate task definition (`requiresCompatibilities` includes `FARGATE`): a `networkMode` other than `awsvpc` (or none), a log driver other than `awslogs`, `splunk` or `awsfirelens`, task `placementConstraints`, `ipcMode`, `pidMode: host`, Docker volumes, and the container members the ECS developer guide lists as not valid on Fargate (`privileged`, `links`, `hostname`, `dnsServers`, `extraHosts`, `dockerSecurityOptions`, GPUs, Linux devices, tmpfs, shared memory, swap, capabilities other than `SYS_PTRACE`), and FireLens `config-file-type: s3`. The quick fix sets `networkMode` to `awsvpc`.',
  needsCatalog: false,
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform'],
  check(ctx) {
    const task = ctx.subject.task;
    if (!task || !ctx.facts.fargate) return [];
    const findings: Finding[] = [];
    const report = (node: { offset: number; length: number }, message: string, fixes?: Finding['fixes']) =>
      findings.push({ ruleId: 'fargate-unsupported', severity: 'error', message, range: nodeRange(ctx, node), fixes });
    const dialect = ctx.subject.dialect;

    checkNetworkMode(ctx, task, report);
    for (const member of ['placementConstraints', 'ipcMode'] as const) {
      const property = findProperty(task, member);
      if (property && offends(valueOf(property), member === 'ipcMode' ? 'set' : 'nonEmpty', dialect))
        report(keyOf(property), `Fargate does not support "${keyName(property)}" in a task definition; remove it.`);
    }
    const pidMode = findValue(task, 'pidMode');
    if (isString(pidMode, 'host')) report(pidMode, `Fargate supports only "${keyName(pidMode.parent!)}" "task", not "host".`);
    for (const volume of findArray(task, 'volumes')) {
      const property = findProperty(volume, 'dockerVolumeConfiguration');
      if (property && offends(valueOf(property), 'set', dialect))
        report(keyOf(property), `Fargate does not support Docker volumes ("${keyName(property)}"); use a bind mount or EFS.`);
    }

    for (const container of ctx.subject.containers) {
      const where = describeContainer(container);
      for (const { member, when, why } of CONTAINER_MEMBERS) {
        const property = findProperty(container.node, member);
        if (!property || !offends(valueOf(property), when, dialect)) continue;
        const name = keyName(property);
        report(
          keyOf(property),
          why ? `${why}: remove "${name}" from ${where}.` : `Fargate does not support "${name}": remove it from ${where}.`,
        );
      }
      for (const requirement of findArray(container.node, 'resourceRequirements')) {
        const type = findValue(requirement, 'type');
        if (isString(type, 'GPU')) report(type, `Fargate has no GPUs: remove the GPU resource requirement from ${where}.`);
      }
      checkLinuxParameters(findValue(container.node, 'linuxParameters'), where, dialect, report);
      checkLogging(container.node, where, report);
    }
    return findings;
  },
};

type Report = (node: { offset: number; length: number }, message: string, fixes?: Finding['fixes']) => void;

/** Fargate requires awsvpc: a missing or null networkMode is an error, as is any other mode. */
function checkNetworkMode(ctx: RuleContext, task: DocNode, report: Report) {
  const name = ctx.subject.dialect.hostName(ROOT_STRUCTURE, 'networkMode');
  const property = findProperty(task, 'networkMode');
  const value = property && valueOf(property);
  if (!property || value?.type === 'null') {
    const compatibilities = findValue(task, 'requiresCompatibilities');
    const place = property ? keyOf(property) : compatibilities ? anchorOf(compatibilities) : anchorOf(task);
    report(place, `Fargate requires "${name}" "awsvpc"; this task has no "${name}".`);
    return;
  }
  // Only a real mode: a typo is invalid-enum-value's, a placeholder is not judged.
  if (value?.type !== 'string' || value.value === 'awsvpc' || !enumValues('NetworkMode').includes(value.value as string)) return;
  report(
    value,
    `Fargate requires "${name}" "awsvpc", not "${value.value as string}".`,
    fixList(replaceStringFix(ctx, value, 'awsvpc', 'Change to "awsvpc"')),
  );
}

function checkLinuxParameters(linux: DocNode | undefined, where: string, dialect: Dialect, report: Report) {
  for (const { member, when } of LINUX_MEMBERS) {
    const property = findProperty(linux, member);
    if (property && offends(valueOf(property), when, dialect))
      report(keyOf(property), `Fargate does not support Linux "${keyName(property)}": remove it from ${where}.`);
  }
  for (const capability of findArray(findValue(linux, 'capabilities'), 'add')) {
    if (capability.type !== 'string' || isTemplated(capability.value as string)) continue;
    const value = capability.value as string;
    if (value !== 'SYS_PTRACE' && value !== 'CAP_SYS_PTRACE')
      report(capability, `Fargate lets a container add only the SYS_PTRACE capability, not "${value}" (${where}).`);
  }
}

function checkLogging(container: DocNode, where: string, report: Report) {
  const logConfiguration = findValue(container, 'logConfiguration');
  const driver = findValue(logConfiguration, 'logDriver');
  // Only a real driver: a typo is invalid-enum-value's, a placeholder is not judged.
  if (
    driver?.type === 'string' &&
    enumValues('LogDriver').includes(driver.value as string) &&
    !FARGATE_LOG_DRIVERS.includes(driver.value as string)
  )
    report(driver, `Fargate supports only the awslogs, splunk and awsfirelens log drivers, not "${driver.value as string}" (${where}).`);
  const options = findValue(findValue(container, 'firelensConfiguration'), 'options');
  const fileType = findValue(options, 'config-file-type');
  if (isString(fileType, 's3'))
    report(
      fileType,
      `Fargate reads a FireLens configuration only from a file in the image ("config-file-type": "file"), not from S3 (${where}).`,
    );
}

/** Whether a member's value is what Fargate rejects; expressions and placeholders are not judged. */
function offends(value: DocNode | undefined, when: Offence, dialect: Dialect): boolean {
  if (!value || value.type === 'null' || value.type === 'expression') return false;
  if (when === 'true') return booleanOf(value, dialect) === true;
  if (when === 'nonEmpty') return value.type === 'array' && (value.children?.length ?? 0) > 0;
  if (value.type === 'string') return value.value !== '' && !isTemplated(value.value as string);
  return true;
}

function isString(node: DocNode | undefined, value: string): node is DocNode {
  return node?.type === 'string' && node.value === value;
}

/** The member's name as the document spells it. */
function keyName(property: DocNode): string {
  return keyOf(property).value as string;
}
