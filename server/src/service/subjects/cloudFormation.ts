// CloudFormation templates, JSON or YAML: each `AWS::ECS::TaskDefinition` resource's `Properties`
// is a subject in CloudFormation's dialect. Long-form intrinsics (`{"Fn::Sub": ...}`) become the
// same expression nodes as YAML's short tags (the YAML adapter makes those), as cfn-lint turns
// both into one form (src/cfnlint/decode/cfn_yaml.py), so nothing above knows which was written.
import type { DocNode } from '../document/node';
import { findArray, findValue } from '../document/navigate';
import { memberOf, ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { annotate } from './annotate';
import { CLOUDFORMATION_DIALECT } from './dialect';
import type { Subject } from './subject';
import { subject } from './taskDefinition';

/** The resource types whose Properties are task definitions. */
const TASK_DEFINITION_TYPES = new Set(['AWS::ECS::TaskDefinition']);

/** Intrinsic function names of the long form: an object with exactly this one key is an expression. */
const INTRINSIC = /^(Ref|Condition|Fn::[A-Za-z]+)$/;

/** True when a root is a CloudFormation template (whether or not it has task definitions). */
export function isTemplate(root: DocNode): boolean {
  if (root.type !== 'object') return false;
  if (findValue(root, 'AWSTemplateFormatVersion')) return true;
  const resources = findValue(root, 'Resources');
  return resources?.type === 'object' && (resources.children ?? []).some((r) => typeOf(r.children?.[1])?.startsWith('AWS::'));
}

/** One subject per task definition resource of a template. */
export function cloudFormationSubjects(root: DocNode, rootIndex: number): Subject[] {
  const resources = findValue(root, 'Resources');
  const subjects: Subject[] = [];
  for (const resource of resources?.type === 'object' ? (resources.children ?? []) : []) {
    const body = resource.children?.[1];
    if (!TASK_DEFINITION_TYPES.has(typeOf(body) ?? '')) continue;
    const properties = findValue(body, 'Properties');
    if (properties?.type !== 'object') continue;
    const name = resource.children![0].value as string;
    normalizeIntrinsics(properties);
    annotate(properties, { structure: ROOT_STRUCTURE }, CLOUDFORMATION_DIALECT, unknownMember);
    subjects.push(
      subject(
        'cloudFormation',
        CLOUDFORMATION_DIALECT,
        root,
        rootIndex,
        properties,
        ['Resources', name, 'Properties'],
        findArray(properties, 'containerDefinitions'),
        name,
      ),
    );
  }
  return subjects;
}

function typeOf(resource: DocNode | undefined): string | undefined {
  const type = findValue(resource, 'Type');
  return type?.type === 'string' ? (type.value as string) : undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Turns `{"Fn::Sub": x}` objects below `node` into expression nodes in place (their argument stays their child). */
function normalizeIntrinsics(node: DocNode): void {
  const stack: DocNode[] = [node];
  while (stack.length) {
    const current = stack.pop()! as Mutable<DocNode>;
    const only = current.type === 'object' && current.children?.length === 1 ? current.children[0] : undefined;
    const fn = only?.children?.[0]?.value;
    if (only && typeof fn === 'string' && INTRINSIC.test(fn)) {
      const argument = only.children?.[1];
      current.type = 'expression';
      current.expression = { syntax: 'cloudformation', fn };
      current.children = argument ? [argument] : [];
      if (argument) (argument as Mutable<DocNode>).parent = current;
    }
    for (const child of current.children ?? []) stack.push(child);
  }
}

/**
 * What a key that names no member stands for: an API member spelt the API's way (`containerDefinitions`
 * in a template) names nothing (''); anything else keeps its name in the API's case, so that rules
 * looking for a misplaced member (`valueFrom` in `Environment`) still find it.
 */
function unknownMember(structureName: string, key: string): string {
  const apiCase = key.charAt(0).toLowerCase() + key.slice(1);
  return memberOf(structureName, apiCase) ? '' : apiCase;
}
