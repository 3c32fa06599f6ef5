// `container_definitions = file("containers.json")` (or `templatefile(...)`) keeps the containers
// in a JSON file of their own and the task-level attributes in the .tf file. The host finds which
// resource names a JSON file (containerFileLinks) and hands that resource's task-level facts to the
// JSON file's analysis (RecognitionHints.linkedTask), so that its containers are judged with the
// resource's execution role, network mode and launch type. Only plain data crosses between them.
import type { DocNode } from '../document/node';
import { findValue } from '../document/navigate';
import type { ParsedDocument } from '../document/parsedDocument';
import { terraformSubjects } from './terraform';

/** The task-level members a linked container file is judged with. */
const LINKED_MEMBERS = ['executionRoleArn', 'taskRoleArn', 'networkMode', 'requiresCompatibilities'] as const;

/** A member's value as the .tf file gives it: a literal, or an expression known only at plan time. */
export type LinkedValue = string | string[] | { expression: string };

/** The resource that names a container file, as its analysis needs it. */
export interface LinkedTask {
  /** `aws_ecs_task_definition.web`. */
  resource: string;
  /** The .tf file, as the host names it in messages (relative to the container file's folder). */
  source: string;
  members: Partial<Record<(typeof LINKED_MEMBERS)[number], LinkedValue>>;
}

/** One resource's container file: the path as written (relative to the .tf file's folder), and the facts. */
export interface ContainerFileLink {
  path: string;
  task: Omit<LinkedTask, 'source'>;
}

/** `${path.module}/x.json` and the like name a file relative to the module's folder. */
const MODULE_PATH = /^\$\{\s*path\.(module|root|cwd)\s*\}\//;

/** `data.template_file.<name>.rendered` (the template provider's data source, before templatefile()). */
const RENDERED = /^data\.template_file\.([\w-]+)(\[\d+\])?\.rendered$/;

/** The file a `file()` or `templatefile()` call reads, when its path is literal. */
function fileRead(value: DocNode | undefined): string | undefined {
  const fn = value?.type === 'expression' ? value.expression?.fn : undefined;
  return fn === 'file' || fn === 'templatefile' ? pathOf(value!.children?.[0]) : undefined;
}

/** The container files the task definition resources of a Terraform document name. */
export function containerFileLinks(document: ParsedDocument): ContainerFileLink[] {
  const links: ContainerFileLink[] = [];
  document.roots.forEach((root, index) => {
    // `data "template_file" "x" { template = file("x.json") }`, by name.
    const templates = new Map<string, string>();
    for (const block of root.children ?? []) {
      if (block.children?.[0]?.value !== 'data') continue;
      const typed = block.children[1]?.children?.[0];
      if (typed?.children?.[0]?.value !== 'template_file') continue;
      const named = typed.children[1]?.children?.[0];
      const path = fileRead(findValue(named?.children?.[1], 'template'));
      if (named && path) templates.set(named.children![0].value as string, path);
    }
    for (const subject of terraformSubjects(root, index)) {
      const value = findValue(subject.task, 'containerDefinitions');
      const rendered = RENDERED.exec(value?.expression?.source ?? '');
      const path = fileRead(value) ?? (rendered ? templates.get(rendered[1]) : undefined);
      if (!path) continue;
      const members: LinkedTask['members'] = {};
      for (const member of LINKED_MEMBERS) {
        const node = findValue(subject.task, member);
        const linked = node && linkedValue(node);
        if (linked !== undefined) members[member] = linked;
      }
      links.push({ path, task: { resource: `aws_ecs_task_definition.${subject.resource}`, members } });
    }
  });
  return links;
}

function pathOf(argument: DocNode | undefined): string | undefined {
  if (argument?.type === 'string') return argument.value as string;
  const source = argument?.expression?.fn === 'template' ? argument.expression.source : undefined;
  const unquoted = source?.slice(1, -1);
  if (!unquoted || !MODULE_PATH.test(unquoted)) return undefined;
  const rest = unquoted.replace(MODULE_PATH, '');
  return rest.includes('${') ? undefined : rest;
}

function linkedValue(node: DocNode): LinkedValue | undefined {
  if (node.type === 'string') return node.value as string;
  if (node.type === 'array') {
    const values = (node.children ?? []).map((c) => (c.type === 'string' ? (c.value as string) : undefined));
    return values.every((v) => v !== undefined) ? (values as string[]) : { expression: 'list' };
  }
  if (node.type === 'expression') return { expression: node.expression?.source ?? node.expression?.fn ?? '' };
  return undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The linked task as a task object with the API's names, for the rules that read task-level
 * members. Its nodes have no place in the container file's text (offset 0, length 0): no rule
 * reports on them, and the rules that could (and their fixes, which belong in the .tf file) leave
 * linked subjects alone.
 */
export function linkedTaskNode(task: LinkedTask): DocNode {
  const object: Mutable<DocNode> = { type: 'object', offset: 0, length: 0, children: [] };
  const at = { offset: 0, length: 0 };
  for (const [member, value] of Object.entries(task.members)) {
    const property: Mutable<DocNode> = { type: 'property', ...at, parent: object, children: [] };
    const key: DocNode = { type: 'string', ...at, value: member, parent: property };
    let node: Mutable<DocNode>;
    if (typeof value === 'string') node = { type: 'string', ...at, value };
    else if (Array.isArray(value)) {
      node = { type: 'array', ...at, children: [] };
      for (const element of value) (node.children as DocNode[]).push({ type: 'string', ...at, value: element, parent: node });
    } else node = { type: 'expression', ...at, expression: { syntax: 'terraform', fn: 'reference', source: value.expression } };
    node.parent = property;
    property.children = [key, node];
    (object.children as DocNode[]).push(property);
  }
  return object;
}
