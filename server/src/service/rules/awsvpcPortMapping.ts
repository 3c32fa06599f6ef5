import type { Finding } from '../findings';
import { findArray, findValue } from '../document/navigate';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { integerOf } from '../subjects/dialect';
import { describeContainer } from '../subjects/subject';
import { nodeRange, replaceNodeFix } from './fixBuilders';
import { taskOf, type SubjectRule } from './rule';
import { capitalize } from '../text';

// With awsvpc each task has its own network interface, and a port mapping's hostPort is either left
// out or the containerPort ("PortMapping" in the ECS API reference); ECS refuses anything else:
// "When networkMode=awsvpc, the host ports and container ports in port mappings must match."
// (observed: aws/amazon-ecs-cli#1014, pulumi/pulumi-awsx#935; cfn-lint's E3053, docs/reference/fargate.md#fg-2).

export const awsvpcPortMapping: SubjectRule = {
  id: 'awsvpc-port-mapping',
  title: 'Host port differs with awsvpc',
  description:
    'Reports a `portMappings` entry whose `hostPort` differs from its `containerPort` in a task with `networkMode: awsvpc`, where each task has its own network interface and the host port is the container port. ECS rejects the task definition ("When networkMode=awsvpc, the host ports and container ports in port mappings must match."). The quick fix sets `hostPort` to the container port.',
  needsCatalog: false,
  // A container-definition array has no networkMode of its own: the task's, from the Terraform
  // resource that names it (subjects/terraformLinks.ts), when there is one.
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform', 'containerDefinitions'],
  linkedContainersOnly: true,
  check(ctx) {
    const task = taskOf(ctx);
    const networkMode = findValue(task, 'networkMode');
    if (networkMode?.type !== 'string' || networkMode.value !== 'awsvpc') return [];
    const { dialect } = ctx.subject;
    const hostPortName = dialect.hostName('PortMapping', 'hostPort');
    const containerPortName = dialect.hostName('PortMapping', 'containerPort');
    const networkModeName = ctx.subject.linked ? 'network_mode' : dialect.hostName(ROOT_STRUCTURE, 'networkMode');
    const findings: Finding[] = [];
    for (const container of ctx.subject.containers) {
      for (const mapping of findArray(container.node, 'portMappings')) {
        const hostPort = findValue(mapping, 'hostPort');
        const host = integerOf(hostPort, dialect);
        const containerPort = integerOf(findValue(mapping, 'containerPort'), dialect);
        if (host === undefined || containerPort === undefined || host === containerPort) continue;
        findings.push({
          ruleId: 'awsvpc-port-mapping',
          severity: 'error',
          message: `${capitalize(describeContainer(container))} maps "${hostPortName}" ${host} to "${containerPortName}" ${containerPort}, but with "${networkModeName}" "awsvpc" the two must match (or "${hostPortName}" be left out); ECS rejects the task definition ("When networkMode=awsvpc, the host ports and container ports in port mappings must match.").`,
          range: nodeRange(ctx, hostPort!),
          fixes: [replaceNodeFix(ctx, hostPort!, ctx.editor.scalar(containerPort, hostPort), `Set "${hostPortName}" to ${containerPort}`)],
        });
      }
    }
    return findings;
  },
};
