import type { Finding } from '../findings';
import { anchorOf, findProperty, findString, findValue } from '../document/navigate';
import { keyOf, valueOf, type DocNode } from '../document/node';
import { FARGATE_SIZES, type FargateMemory, type FargateSize } from '../shape/fargateSizes';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { readTaskCpu, readTaskMemory, type Size } from '../shape/taskSize';
import { fixList, nodeRange, replaceNodeFix } from './fixBuilders';
import type { RuleContext, SubjectRule } from './rule';

export const fargateCpuMemory: SubjectRule = {
  id: 'fargate-cpu-memory',
  title: 'Fargate task size',
  description:
    'Reports a Fargate task definition (`requiresCompatibilities` includes `FARGATE`) without task-level `cpu` or `memory`, or with a pair Fargate does not offer: each cpu size (256 to 16384 units) comes with its own memory range, and Windows tasks take only 1, 2 or 4 vCPU. ECS rejects such a task definition at registration ("Invalid \'cpu\' setting for task", "Fargate requires that \'cpu\' be defined at the task level"). Values written as `"1 vCPU"` or `"2 GB"` are converted as ECS does; placeholders and intrinsics are not judged. The quick fix sets the nearest memory Fargate offers for the given cpu.',
  needsCatalog: false,
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform'],
  check(ctx) {
    const task = ctx.subject.task;
    if (!task || !ctx.facts.fargate) return [];
    const findings: Finding[] = [];
    const cpuProperty = findProperty(task, 'cpu');
    const memoryProperty = findProperty(task, 'memory');
    const missing = missingFinding(ctx, task, cpuProperty, memoryProperty);
    if (missing) findings.push(missing);

    const cpu = readTaskCpu(cpuProperty);
    if (!cpu) return findings;
    const windows = findString(findValue(task, 'runtimePlatform'), 'operatingSystemFamily')?.startsWith('WINDOWS_SERVER') ?? false;
    const size = FARGATE_SIZES.find((s) => s.cpu === cpu.value);
    if (!size || (windows && !size.windows)) {
      findings.push(cpuFinding(ctx, cpu, windows));
      return findings;
    }
    const memory = readTaskMemory(memoryProperty);
    if (memory && !memoryValues(size.memory).includes(memory.value)) findings.push(pairFinding(ctx, cpu, memory, size));
    return findings;
  },
};

/** A value is missing when its member is absent or null (which the CLI refuses and the deploy action drops). */
function missingFinding(ctx: RuleContext, task: DocNode, cpu: DocNode | undefined, memory: DocNode | undefined): Finding | undefined {
  const name = (member: string) => ctx.subject.dialect.hostName(ROOT_STRUCTURE, member);
  const isMissing = (property: DocNode | undefined) => !property || valueOf(property)?.type === 'null';
  const absent = [
    { member: 'cpu', property: cpu },
    { member: 'memory', property: memory },
  ].filter((m) => isMissing(m.property));
  if (absent.length === 0) return undefined;
  // Point at a null member's key; for an absent member, at what makes the task a Fargate task.
  const nullMember = absent.find((m) => m.property)?.property;
  const compatibilities = findValue(task, 'requiresCompatibilities');
  const place = nullMember ? keyOf(nullMember) : compatibilities ? anchorOf(compatibilities) : anchorOf(task);
  const what = absent.map((m) => `"${name(m.member)}"`).join(' and ');
  return {
    ruleId: 'fargate-cpu-memory',
    severity: 'error',
    message: `Fargate requires task-level "${name('cpu')}" and "${name('memory')}"; this task has no ${what}.`,
    range: nodeRange(ctx, place),
  };
}

/** Every memory value of a size, in MiB. */
function memoryValues(memory: FargateMemory): number[] {
  if (Array.isArray(memory)) return [...memory];
  const { from, to, step } = memory as Exclude<FargateMemory, readonly number[]>;
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

/** The memory of a size in words: `512, 1024 or 2048`, `2048 to 8192 in steps of 1024`. */
function describeMemory(memory: FargateMemory): string {
  if (Array.isArray(memory)) return orList(memory.map(String));
  const { from, to, step } = memory as Exclude<FargateMemory, readonly number[]>;
  return `${from} to ${to} in steps of ${step}`;
}

/** `a, b or c`: every list here (FARGATE_SIZES' cpus and memories) has three or more. */
function orList(items: string[]): string {
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A value as the message names it: `256`, or `"1 vCPU" (1024)` when written with a unit. */
function shown(size: Size): string {
  return size.written === undefined ? String(size.value) : `"${size.written}" (${size.value})`;
}

function cpuFinding(ctx: RuleContext, cpu: Size, windows: boolean): Finding {
  const name = ctx.subject.dialect.hostName(ROOT_STRUCTURE, 'cpu');
  const offered = FARGATE_SIZES.filter((s) => !windows || s.windows).map((s) => String(s.cpu));
  const message = windows
    ? `Fargate runs Windows tasks only with ${name} ${orList(offered)} (1, 2 or 4 vCPU); this task has ${name} ${shown(cpu)}.`
    : `Fargate has no task with ${name} ${shown(cpu)}; it offers ${name} ${orList(offered)} (CPU units).`;
  return { ruleId: 'fargate-cpu-memory', severity: 'error', message, range: nodeRange(ctx, cpu.node) };
}

function pairFinding(ctx: RuleContext, cpu: Size, memory: Size, size: FargateSize): Finding {
  const name = (member: string) => ctx.subject.dialect.hostName(ROOT_STRUCTURE, member);
  const cpuName = name('cpu');
  const memoryName = name('memory');
  return {
    ruleId: 'fargate-cpu-memory',
    severity: 'error',
    message: `Fargate has no task with ${cpuName} ${shown(cpu)} and ${memoryName} ${shown(memory)}; with ${cpuName} ${cpu.value} it offers ${memoryName} ${describeMemory(size.memory)} (MiB).`,
    range: nodeRange(ctx, memory.node),
    fixes: fixList(nearestMemoryFix(ctx, memory, size, memoryName)),
  };
}

/** Replaces the memory with the nearest value the size offers (the larger one on a tie), written as the document wrote it. */
function nearestMemoryFix(ctx: RuleContext, memory: Size, size: FargateSize, memoryName: string) {
  let nearest = Infinity;
  for (const value of memoryValues(size.memory)) {
    if (Math.abs(value - memory.value) <= Math.abs(nearest - memory.value)) nearest = value;
  }
  const node = memory.node;
  if (node.type === 'number') return replaceNodeFix(ctx, node, ctx.editor.scalar(nearest, node), `Change "${memoryName}" to ${nearest}`);
  // A string keeps its unit: "9 GB" becomes "8 GB", "4096" becomes "2048".
  const text = memory.written === undefined ? String(nearest) : memory.written.replace(MEMORY_NUMBER, String(nearest / 1024));
  return replaceNodeFix(ctx, node, ctx.editor.scalar(text, node), `Change "${memoryName}" to "${text}"`);
}

const MEMORY_NUMBER = /\d+(?:\.\d*)?|\.\d+/;
