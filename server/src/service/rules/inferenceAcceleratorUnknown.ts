import { closestNames } from '../closestName';
import type { Finding } from '../findings';
import { findArray, findValue } from '../document/navigate';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { describeContainer } from '../subjects/subject';
import { knownNames, literalName } from './containerNames';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import { taskOf, type SubjectRule } from './rule';

// A container's `resourceRequirements` entry of type InferenceAccelerator names one of the task's
// `inferenceAccelerators` by its `deviceName` (ResourceRequirement.value in the ECS API reference:
// "the value matches the deviceName for an InferenceAccelerator specified in a task definition").

export const inferenceAcceleratorUnknown: SubjectRule = {
  id: 'inference-accelerator-unknown',
  title: 'Unknown inference accelerator',
  description:
    "Reports a container's `resourceRequirements` entry of type `InferenceAccelerator` whose `value` names no `deviceName` among the task's `inferenceAccelerators` (Terraform: `inference_accelerator` blocks). ECS has no accelerator to give the container, and the task definition is refused. When a device name is close, the quick fix changes the value to it.",
  needsCatalog: false,
  // A container-definition array only when a Terraform resource reads it (subjects/terraformLinks.ts).
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform', 'containerDefinitions'],
  linkedContainersOnly: true,
  check(ctx) {
    const task = taskOf(ctx);
    // Undefined when a device name is a placeholder or the list is known only at deploy time.
    const devices = task && knownNames(ctx.model, findValue(task, 'inferenceAccelerators'), 'deviceName');
    if (!devices) return [];
    const { dialect } = ctx.subject;
    const listName = ctx.subject.linked ? 'inference_accelerator' : dialect.hostName(ROOT_STRUCTURE, 'inferenceAccelerators');
    const findings: Finding[] = [];
    for (const container of ctx.subject.containers) {
      for (const requirement of findArray(container.node, 'resourceRequirements')) {
        if (literalName(findValue(requirement, 'type')) !== 'InferenceAccelerator') continue;
        const node = findValue(requirement, 'value');
        const name = literalName(node);
        if (!name || devices.has(name)) continue;
        const [closest] = closestNames(name, devices, 1);
        const what = devices.size ? `no device of the task's "${listName}"` : `no device: the task has no "${listName}"`;
        findings.push({
          ruleId: 'inference-accelerator-unknown',
          severity: 'error',
          message: `The InferenceAccelerator requirement "${name}" of ${describeContainer(container)} names ${what}; ECS has no accelerator to give it and refuses the task definition.${closest === undefined ? '' : ` Did you mean "${closest}"?`}`,
          range: nodeRange(ctx, node!),
          fixes: closest === undefined ? undefined : fixList(replaceStringFix(ctx, node!, closest, `Change to "${closest}"`)),
        });
      }
    }
    return findings;
  },
};
