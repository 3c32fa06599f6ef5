// One walk over the task definition against the generated API model. It records every shape problem;
// the four schema rules (unknown-property, type-mismatch, invalid-enum-value, missing-required) each
// turn their kind into findings, so the walk runs once however many of them are on.
import type { Node } from 'jsonc-parser';
import { anchorOf } from './jsonTree';
import type { TaskDefinitionModel } from './model';
import {
  MODEL,
  ROOT_STRUCTURE,
  enumValues,
  memberOf,
  requiredMembers,
  rootType,
  structure,
  type TypeRef,
} from './shape/taskDefinitionShape';
import { isTemplated } from './template';

/** A problem with the shape of the document. */
export type SchemaIssue =
  /** `key` is not a member of `structure`. */
  | { kind: 'unknown'; key: Node; structure: string }
  /** `node` has the wrong JSON type for `expected`. */
  | { kind: 'type'; node: Node; expected: TypeRef; member: string; structure?: string }
  /** `node` is a string that is not one of the enum's values. */
  | { kind: 'enum'; node: Node; enumName: string; member: string }
  /** The object at `anchor` lacks the required `member`. */
  | { kind: 'required'; anchor: { offset: number; length: number }; member: string; structure: string; object: Node };

/**
 * Members that a more specific rule reports better: a `repositoryCredentials` without a
 * `credentialsParameter` is a `registry-credentials-invalid` finding, and `valueFrom` in an
 * `environment` entry is a `value-from-in-environment` one.
 */
const OWNED_BY_OTHER_RULES = new Set(['RepositoryCredentials.credentialsParameter', 'KeyValuePair.valueFrom']);

/** Walks the task definition (or the container array) and returns its shape problems. */
export function validateShape(model: TaskDefinitionModel): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (!model.kind) return issues;
  const start = model.kind === 'containerDefinitions' ? model.root : model.task;
  if (start) checkValue(start, rootType(model.kind), '', undefined, issues);
  if (model.syntaxErrors.length === 0) return issues;
  // Around a syntax error the parser guesses (an unquoted {{placeholder}} reads as an object, a
  // member after a missing comma may be lost): shape findings there would be noise.
  const errors = model.syntaxErrors.map((e) => e.offset);
  const containsError = (node: Node) => errors.some((offset) => offset >= node.offset && offset <= node.offset + node.length);
  return issues.filter((issue) => issue.kind === 'unknown' || !containsError(issue.kind === 'required' ? issue.object : issue.node));
}

function checkValue(node: Node, type: TypeRef, member: string, parentStructure: string | undefined, issues: SchemaIssue[]): void {
  // Nulls belong to describe-output: the console and describe emit them and register refuses them.
  if (node.type === 'null') return;
  // A placeholder such as "{{cpu}}" or "${port}" becomes a value of the right type later.
  if (node.type === 'string' && type !== 'string' && type !== 'timestamp' && isTemplated(node.value)) return;

  const mismatch = () => issues.push({ kind: 'type', node, expected: type, member, structure: parentStructure });
  if (type === 'string' || type === 'timestamp') {
    if (node.type !== 'string') mismatch();
    return;
  }
  if (type === 'integer') {
    if (node.type !== 'number' || !Number.isInteger(node.value)) mismatch();
    return;
  }
  if (type === 'boolean') {
    if (node.type !== 'boolean') mismatch();
    return;
  }
  if ('enum' in type) {
    if (node.type !== 'string') mismatch();
    else if (!enumValues(type.enum).includes(node.value)) issues.push({ kind: 'enum', node, enumName: type.enum, member });
    return;
  }
  if ('list' in type) {
    if (node.type !== 'array') return void mismatch();
    for (const element of node.children ?? []) checkValue(element, type.list, member, parentStructure, issues);
    return;
  }
  if ('map' in type) {
    if (node.type !== 'object') return void mismatch();
    for (const property of node.children ?? []) {
      const value = property.children?.[1];
      if (value) checkValue(value, type.map, `${member}.${property.children![0].value}`, parentStructure, issues);
    }
    return;
  }
  if (node.type !== 'object') return void mismatch();
  checkStructure(node, type.structure, issues);
}

function checkStructure(node: Node, structureName: string, issues: SchemaIssue[]): void {
  const properties = node.children ?? [];
  for (const property of properties) {
    const key = property.children?.[0];
    const value = property.children?.[1];
    if (!key) continue;
    const name = key.value as string;
    const member = memberOf(structureName, name);
    if (!member) {
      // Output-only members of describe output belong to describe-output.
      const outputOnly = structureName === ROOT_STRUCTURE && MODEL.outputOnlyMembers.includes(name);
      if (!outputOnly && !OWNED_BY_OTHER_RULES.has(`${structureName}.${name}`))
        issues.push({ kind: 'unknown', key, structure: structureName });
      continue;
    }
    if (value) checkValue(value, member.type, name, structureName, issues);
  }
  if (structure(structureName).union) return;
  for (const required of requiredMembers(structureName)) {
    // A member present as null is reported once, by describe-output, not again as missing. Objects
    // are small: a scan beats building a set for each of thousands of them.
    if (!properties.some((p) => p.children?.[0]?.value === required) && !OWNED_BY_OTHER_RULES.has(`${structureName}.${required}`)) {
      issues.push({ kind: 'required', anchor: anchorOf(node), member: required, structure: structureName, object: node });
    }
  }
}
