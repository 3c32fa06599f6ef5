// Terraform: each `resource "aws_ecs_task_definition" "<name>"` block is a subject in Terraform's
// dialect (dialect.ts). The adapter (formats/terraform/hclParse.ts) has already made
// `container_definitions` the containers' tree where it is written in the file (`jsonencode(...)`
// or a JSON heredoc); `file(...)` and other expressions leave it unknown. Repeated blocks
// (`volume {}` twice) become one list here, as the API has them. A resource inside a `module`
// is the module's business and is not seen (docs/formats.md).
import type { DocNode } from '../document/node';
import { findArray, findValue } from '../document/navigate';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { annotate } from './annotate';
import { TERRAFORM_DIALECT } from './dialect';
import type { Subject } from './subject';
import { subject } from './taskDefinition';

export const TASK_DEFINITION_RESOURCE = 'aws_ecs_task_definition';

/** Blocks that the API has as a list of structures (the provider's repeated blocks). */
const LIST_BLOCKS = ['volume', 'placement_constraints', 'inference_accelerator'];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Every `resource "<type>" "<name>" {}` (or `data`) block of a Terraform root whose body was read,
 * in file order. The adapter nests the labels as Terraform's JSON syntax does (hclParse.ts).
 */
export function terraformBlocks(root: DocNode, kind: 'resource' | 'data'): { type: string; name: string; body: DocNode }[] {
  const blocks: { type: string; name: string; body: DocNode }[] = [];
  for (const block of root.children ?? []) {
    if (block.children?.[0]?.value !== kind) continue;
    const typed = block.children[1]?.children?.[0];
    const named = typed?.children?.[1]?.children?.[0];
    const body = named?.children?.[1];
    if (typed && named && body?.type === 'object') {
      blocks.push({ type: typed.children![0].value as string, name: named.children![0].value as string, body });
    }
  }
  return blocks;
}

/** One subject per `aws_ecs_task_definition` resource block of a file. */
export function terraformSubjects(root: DocNode, rootIndex: number): Subject[] {
  const subjects: Subject[] = [];
  for (const { type, name, body } of terraformBlocks(root, 'resource')) {
    if (type !== TASK_DEFINITION_RESOURCE) continue;
    groupBlocks(body);
    annotate(body, { structure: ROOT_STRUCTURE }, TERRAFORM_DIALECT, unknownMember);
    subjects.push(
      subject(
        'terraform',
        TERRAFORM_DIALECT,
        root,
        rootIndex,
        body,
        ['resource', TASK_DEFINITION_RESOURCE, name],
        findArray(body, 'containerDefinitions'),
        name,
      ),
    );
  }
  return subjects;
}

/**
 * Makes the blocks of each list block type one property whose value is a list of their bodies,
 * where the first of them was. With a `dynamic "volume"` block the list is known only at plan
 * time: the property's value is then an expression, which no rule judges.
 */
function groupBlocks(body: DocNode): void {
  const properties = body.children as Mutable<DocNode>[];
  for (const type of LIST_BLOCKS) {
    const blocks = properties.filter((p) => p.children?.[0]?.value === type && p.children[1]?.type === 'object');
    const dynamic = properties.find((p) => p.children?.[0]?.value === 'dynamic' && findValue(p.children[1], type));
    if (!blocks.length && !dynamic) continue;
    const first = blocks[0] ?? dynamic!;
    const last = blocks[blocks.length - 1] ?? first;
    const list: Mutable<DocNode> = dynamic
      ? {
          type: 'expression',
          offset: first.offset,
          length: last.offset + last.length - first.offset,
          expression: { syntax: 'terraform', fn: 'dynamic' },
        }
      : { type: 'array', offset: first.offset, length: last.offset + last.length - first.offset, children: [] };
    const key = dynamic && !blocks.length ? dynamic.children![1].children![0].children![0] : first.children![0];
    const grouped: Mutable<DocNode> = { type: 'property', offset: first.offset, length: list.length, parent: body, children: [key, list] };
    list.parent = grouped;
    if (!dynamic) {
      for (const block of blocks) {
        const value = block.children![1] as Mutable<DocNode>;
        value.parent = list;
        (list.children as DocNode[]).push(value);
      }
    }
    const at = properties.indexOf(first);
    const remaining = properties.filter((p) => !blocks.includes(p));
    remaining.splice(Math.min(at, remaining.length), 0, grouped);
    properties.splice(0, properties.length, ...remaining);
  }
}

/**
 * What a key that names no member stands for: in the containers' JSON its own name (so that rules
 * find a misplaced `valueFrom`); in HCL nothing (''), so that a Terraform-only attribute such as
 * `tags` or `skip_destroy` is never taken for the API member of that name.
 */
function unknownMember(structureName: string, key: string): string {
  return TERRAFORM_DIALECT.ignoresUnknownIn?.(structureName) ? '' : key;
}
