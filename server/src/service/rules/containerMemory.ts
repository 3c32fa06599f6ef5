import type { Finding } from '../findings';
import { anchorOf, findProperty, findValue } from '../document/navigate';
import { valueOf, type DocNode } from '../document/node';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { integerOf } from '../subjects/dialect';
import { describeContainer, type ContainerModel } from '../subjects/subject';
import { capitalize } from '../text';
import { readTaskMemory, type Size } from '../shape/taskSize';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';

// What ECS checks of container memory at registration (ContainerDefinition.memory and
// .memoryReservation in the ECS API reference): without a task-level memory, each container needs
// one or both of them ("Invalid setting for container 'x'. At least one of 'memory' or
// 'memoryReservation' must be specified.", observed in sil-org/ecs-deploy#59 and
// cuttlesoft/ecs-deploy.py#17); with both, memory must not be below memoryReservation (the API
// reference says "greater than", but equal values register: awsdocs/amazon-ecs-developer-guide#242);
// and a container's memory may not exceed the task's ("The 'memory' setting for container 'x' is
// greater than for the task.", pulumi/pulumi-awsx#188 and #1220). Fargate tasks must have task
// memory, which fargate-cpu-memory reports, so the first check is for tasks without Fargate.

export const containerMemory: SubjectRule = {
  id: 'container-memory',
  title: 'Container memory missing or too large',
  description:
    "Reports container memory settings ECS rejects at registration: a container with neither `memory` nor `memoryReservation` in a task without task-level `memory` (\"At least one of 'memory' or 'memoryReservation' must be specified\"), a `memoryReservation` above the same container's `memory`, and a container `memory` above the task-level `memory` (\"The 'memory' setting for container ... is greater than for the task\"). Task memory written as `\"2 GB\"` is converted as ECS does; placeholders and intrinsics are not judged.",
  needsCatalog: false,
  // The reservation above the limit is wrong wherever a container is written; the other checks need the task.
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const { task } = ctx.subject;
    const taskMemoryProperty = findProperty(task, 'memory');
    // An absent or null member is no memory; a placeholder or an intrinsic is some memory.
    const noTaskMemory = task !== undefined && (!taskMemoryProperty || valueOf(taskMemoryProperty)?.type === 'null');
    const taskMemory = readTaskMemory(taskMemoryProperty);
    const findings: Finding[] = [];
    for (const container of ctx.subject.containers) {
      const memoryProperty = findProperty(container.node, 'memory');
      const reservationProperty = findProperty(container.node, 'memoryReservation');
      if (noTaskMemory && !ctx.facts.fargate && isUnset(memoryProperty) && isUnset(reservationProperty))
        findings.push(unsetFinding(ctx, container));
      const memory = integerOf(memoryProperty && valueOf(memoryProperty), ctx.subject.dialect);
      const reservation = integerOf(reservationProperty && valueOf(reservationProperty), ctx.subject.dialect);
      if (memory !== undefined && reservation !== undefined && reservation > memory)
        findings.push(reservationFinding(ctx, container, valueOf(reservationProperty!)!, reservation, memory));
      if (memory !== undefined && taskMemory && memory > taskMemory.value)
        findings.push(aboveTaskFinding(ctx, container, valueOf(memoryProperty!)!, memory, taskMemory));
    }
    return findings;
  },
};

/** A member ECS reads as unset: absent, or null (which describe output shows and the deploy action drops). */
function isUnset(property: DocNode | undefined): boolean {
  return !property || valueOf(property)?.type === 'null';
}

/** The members as the document's dialect spells them. */
function memberNames(ctx: RuleContext) {
  const name = (member: string) => ctx.subject.dialect.hostName('ContainerDefinition', member);
  return { memory: name('memory'), reservation: name('memoryReservation'), task: ctx.subject.dialect.hostName(ROOT_STRUCTURE, 'memory') };
}

function unsetFinding(ctx: RuleContext, container: ContainerModel): Finding {
  const { memory, reservation, task } = memberNames(ctx);
  const name = findValue(container.node, 'name');
  return {
    ruleId: 'container-memory',
    severity: 'error',
    message: `${capitalize(describeContainer(container))} has neither "${memory}" nor "${reservation}", and the task has no task-level "${task}"; ECS rejects it ("At least one of 'memory' or 'memoryReservation' must be specified."). Give the container a "${reservation}" or "${memory}", or the task a "${task}".`,
    range: nodeRange(ctx, name ?? anchorOf(container.node)),
  };
}

function reservationFinding(ctx: RuleContext, container: ContainerModel, node: DocNode, reservation: number, memory: number): Finding {
  const names = memberNames(ctx);
  return {
    ruleId: 'container-memory',
    severity: 'error',
    message: `${capitalize(describeContainer(container))} reserves "${names.reservation}" ${reservation} MiB, more than its "${names.memory}" limit of ${memory} MiB; ECS rejects a reservation above the limit. Lower "${names.reservation}" or raise "${names.memory}".`,
    range: nodeRange(ctx, node),
  };
}

function aboveTaskFinding(ctx: RuleContext, container: ContainerModel, node: DocNode, memory: number, task: Size): Finding {
  const names = memberNames(ctx);
  const taskValue = task.written === undefined ? `${task.value}` : `"${task.written}" (${task.value})`;
  return {
    ruleId: 'container-memory',
    severity: 'error',
    message: `${capitalize(describeContainer(container))} has "${names.memory}" ${memory} MiB, more than the task-level "${names.task}" ${taskValue} MiB; ECS rejects it ("The 'memory' setting for container ... is greater than for the task."). Lower the container's "${names.memory}" or raise the task's.`,
    range: nodeRange(ctx, node),
  };
}
