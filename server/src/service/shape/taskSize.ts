// Task-level `cpu` and `memory` as ECS reads them: a number, a string of digits, or a value with
// its unit. ECS converts `"1 vCPU"` to 1024 units and `"2 GB"` to 2048 MiB at registration (the
// developer guide's task-cpu-memory-error page; docs/reference/fargate.md#fg-1). Other spellings
// are not judged. Shared by fargate-cpu-memory and container-memory.
import { valueOf, type DocNode } from '../document/node';
import { isTemplated } from '../template';

/** A task `cpu` or `memory` as ECS reads it: units or MiB, and how the document wrote it. */
export interface Size {
  node: DocNode;
  /** CPU units or MiB. */
  value: number;
  /** Set when the document wrote it with a unit (`"1 vCPU"`, `"2 GB"`): the text as written. */
  written?: string;
}

const CPU_TEXT = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(vcpu)?\s*$/i;
const MEMORY_TEXT = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(gb)?\s*$/i;

/** A task-level `cpu` member in CPU units (`256`, `"256"`, `".25 vcpu"`); undefined when it cannot be judged. */
export function readTaskCpu(property: DocNode | undefined): Size | undefined {
  return readSize(property, CPU_TEXT, 1024);
}

/** A task-level `memory` member in MiB as ECS reads it (`2048`, `"2048"`, `"2 GB"`); undefined when it cannot be judged. */
export function readTaskMemory(property: DocNode | undefined): Size | undefined {
  return readSize(property, MEMORY_TEXT, 1024);
}

function readSize(property: DocNode | undefined, pattern: RegExp, unitFactor: number): Size | undefined {
  const node = property && valueOf(property);
  if (!node) return undefined;
  if (node.type === 'number') return Number.isFinite(node.value) ? { node, value: node.value as number } : undefined;
  if (node.type !== 'string') return undefined; // expressions, nulls, booleans: not judged here
  const text = node.value as string;
  if (isTemplated(text)) return undefined;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] ? { node, value: amount * unitFactor, written: text } : { node, value: amount };
}
