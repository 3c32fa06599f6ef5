// `container_definitions = file("containers.json")` (or `templatefile(...)`) keeps the containers
// in a JSON file of their own and the task-level attributes in the .tf file. The host finds which
// resource names a JSON file (containerFileLinks) and hands that resource's task-level facts to the
// JSON file's analysis (RecognitionHints.linkedTask), so that its containers are judged with the
// resource's execution role, network mode and launch type. Only plain data crosses between them.
import { memberName, type DocNode } from '../document/node';
import { findValue } from '../document/navigate';
import type { ParsedDocument } from '../document/parsedDocument';
import { terraformBlocks, terraformSubjects } from './terraform';

/** The task-level members a linked container file is judged with. */
const LINKED_MEMBERS = [
  'executionRoleArn',
  'taskRoleArn',
  'networkMode',
  'requiresCompatibilities',
  'volumes',
  'inferenceAccelerators',
] as const;

/**
 * A member's value as the .tf file gives it, as plain data in the API's names; `{ $expression }`
 * for a value known only at plan time (`aws_iam_role.exec.arn`, a `dynamic` block).
 */
export type LinkedValue = string | number | boolean | null | LinkedValue[] | { $expression: string } | { [member: string]: LinkedValue };

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
    for (const { type, name, body } of terraformBlocks(root, 'data')) {
      const path = type === 'template_file' ? fileRead(findValue(body, 'template')) : undefined;
      if (path) templates.set(name, path);
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
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map((c) => linkedValue(c) ?? null);
    case 'object': {
      const object: { [member: string]: LinkedValue } = {};
      for (const property of node.children ?? []) {
        const name = memberName(property);
        const value = property.children?.[1] && linkedValue(property.children[1]);
        // A Terraform-only attribute (`host_path`) names no member: nothing a rule reads.
        if (name && value !== undefined) object[name] = value;
      }
      return object;
    }
    case 'expression':
      return { $expression: node.expression?.source ?? node.expression?.fn ?? '' };
    case 'property':
      return undefined;
    default:
      return node.value as string | number | boolean | null;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The linked task as a task object with the API's names, for the rules that read task-level
 * members. Its nodes have no place in the container file's text (offset 0, length 0): only the
 * rules marked `linkedContainersOnly` read it, and none of them reports on it.
 */
export function linkedTaskNode(task: LinkedTask): DocNode {
  return toNode(task.members as LinkedValue, undefined);
}

function toNode(value: LinkedValue, parent: DocNode | undefined): DocNode {
  const at = { offset: 0, length: 0, parent };
  if (value === null || typeof value !== 'object') {
    const type = value === null ? 'null' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
    return { type, ...at, value };
  }
  if (!Array.isArray(value) && typeof value.$expression === 'string') {
    return { type: 'expression', ...at, expression: { syntax: 'terraform', fn: 'reference', source: value.$expression } };
  }
  const node: Mutable<DocNode> = { type: Array.isArray(value) ? 'array' : 'object', ...at, children: [] };
  if (Array.isArray(value)) node.children = value.map((v) => toNode(v, node));
  else {
    node.children = Object.entries(value).map(([member, v]) => {
      const property: Mutable<DocNode> = { type: 'property', offset: 0, length: 0, parent: node };
      property.children = [{ type: 'string', offset: 0, length: 0, value: member, parent: property }, toNode(v as LinkedValue, property)];
      return property;
    });
  }
  return node;
}
