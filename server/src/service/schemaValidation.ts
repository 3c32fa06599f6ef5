// One walk over the task definition against the generated API model. It records every shape problem;
// the four schema rules (unknown-property, type-mismatch, invalid-enum-value, missing-required) each
// turn their kind into findings, so the walk runs once however many of them are on.
import { anchorOf } from './document/navigate';
import { memberName, type DocNode } from './document/node';
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
import { convertsTo, type Dialect } from './subjects/dialect';
import type { Subject } from './subjects/subject';
import { isTemplated } from './template';

/** A problem with the shape of the document. */
export type SchemaIssue =
  /** `key` is not a member of `structure`. */
  | { kind: 'unknown'; key: DocNode; structure: string }
  /** `node` has the wrong type for `expected`. */
  | { kind: 'type'; node: DocNode; expected: TypeRef; member: string; structure?: string }
  /** `node` is a string that is not one of the enum's values. */
  | { kind: 'enum'; node: DocNode; enumName: string; member: string }
  /** The object at `anchor` lacks the required `member`. */
  | { kind: 'required'; anchor: { offset: number; length: number }; member: string; structure: string; object: DocNode };

/**
 * Members that a more specific rule reports better: a `repositoryCredentials` without a
 * `credentialsParameter` is a `registry-credentials-invalid` finding, and `valueFrom` in an
 * `environment` entry is a `value-from-in-environment` one.
 */
const OWNED_BY_OTHER_RULES = new Set(['RepositoryCredentials.credentialsParameter', 'KeyValuePair.valueFrom']);

/** YAML's merge key: the members it brings in are not visible here, so the object is judged leniently. */
const MERGE_KEY = '<<';

/** Walks the task definition (or the container array) of a subject and returns its shape problems. */
export function validateShape(model: TaskDefinitionModel, subject: Subject): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const start = subject.kind === 'containerDefinitions' ? subject.root : subject.task;
  if (start) checkValue({ dialect: subject.dialect, issues }, start, rootType(subject.kind), '', undefined);
  const problems = model.document.problems;
  if (problems.length === 0) return issues;
  // Around a syntax error the parser guesses (an unquoted {{placeholder}} reads as an object, a
  // member after a missing comma may be lost): shape findings there would be noise.
  const errors = problems.map((e) => e.offset);
  const containsError = (node: DocNode) => errors.some((offset) => offset >= node.offset && offset <= node.offset + node.length);
  return issues.filter((issue) => issue.kind === 'unknown' || !containsError(issue.kind === 'required' ? issue.object : issue.node));
}

/** What one walk carries: the dialect's rules and the issues found so far. */
interface Walk {
  readonly dialect: Dialect;
  readonly issues: SchemaIssue[];
}

function checkValue(walk: Walk, node: DocNode, type: TypeRef, member: string, parentStructure: string | undefined): void {
  const { issues, dialect } = walk;
  // Nulls belong to describe-output (the console and describe emit them and register refuses
  // them), except where the dialect refuses them itself. A value known only at deploy time (an
  // intrinsic, an alias) is not judged.
  if (node.type === 'null' && dialect.rejectsNull) issues.push({ kind: 'type', node, expected: type, member, structure: parentStructure });
  if (node.type === 'null' || node.type === 'expression') return;
  // A placeholder such as "{{cpu}}" or "${port}" becomes a scalar of the right type later; a
  // string is never a list or an object, whatever it is filled in with.
  if (node.type === 'string' && isScalarType(type) && type !== 'string' && type !== 'timestamp' && isTemplated(node.value)) return;
  const converting = dialect.convertsScalarsIn ? dialect.convertsScalarsIn(parentStructure) : dialect.convertsScalars;
  if (converting && converts(node, type)) return;

  // The node's type against the expected one; a node of the right type is then checked inside (an
  // enum's value, a list's elements, a map's or a structure's members). One mismatch push at the end,
  // no closure for it, and indexed loops (a for-of allocates a result per step until V8 optimises
  // the loop, docs/performance.md): this runs for every value of a document, in a process still cold.
  let matches: boolean;
  if (type === 'string' || type === 'timestamp') matches = node.type === 'string';
  else if (type === 'integer') matches = node.type === 'number' && Number.isInteger(node.value);
  else if (type === 'boolean') matches = node.type === 'boolean';
  else if ('enum' in type) {
    matches = node.type === 'string';
    if (matches && !enumValues(type.enum).includes(node.value)) issues.push({ kind: 'enum', node, enumName: type.enum, member });
  } else if ('list' in type) {
    matches = node.type === 'array';
    const elements = node.children;
    if (matches && elements) for (let i = 0; i < elements.length; i++) checkValue(walk, elements[i], type.list, member, parentStructure);
  } else if ('map' in type) {
    matches = node.type === 'object';
    const properties = node.children;
    if (matches && properties)
      for (let i = 0; i < properties.length; i++) {
        const property = properties[i];
        const value = property.children?.[1];
        if (value) checkValue(walk, value, type.map, `${member}.${property.children![0].value}`, parentStructure);
      }
  } else {
    matches = node.type === 'object';
    if (matches) checkStructure(walk, node, type.structure);
  }
  if (!matches) issues.push({ kind: 'type', node, expected: type, member, structure: parentStructure });
}

function checkStructure(walk: Walk, node: DocNode, structureName: string): void {
  const { issues, dialect } = walk;
  const properties = node.children ?? [];
  let merged = false;
  for (let i = 0; i < properties.length; i++) {
    const property = properties[i];
    const key = property.children?.[0];
    const value = property.children?.[1];
    if (!key) continue;
    if (key.value === MERGE_KEY) {
      merged = true;
      continue;
    }
    const name = memberName(property);
    const member = memberOf(structureName, name);
    if (!member) {
      // Output-only members of describe output belong to describe-output.
      const outputOnly = structureName === ROOT_STRUCTURE && dialect.id === 'api' && MODEL.outputOnlyMembers.includes(name);
      if (!outputOnly && !OWNED_BY_OTHER_RULES.has(`${structureName}.${name}`) && !dialect.ignoresUnknownIn?.(structureName))
        issues.push({ kind: 'unknown', key, structure: structureName });
      continue;
    }
    if (value) checkValue(walk, value, member.type, name, structureName);
  }
  if (structure(structureName).union || merged) return;
  const required = dialect.requiredMembers?.(structureName) ?? requiredMembers(structureName);
  for (let i = 0; i < required.length; i++) {
    const wanted = required[i];
    // A member present as null is reported once, by describe-output, not again as missing. Objects
    // are small: a scan beats building a set for each of thousands of them.
    if (!hasMember(properties, wanted) && !OWNED_BY_OTHER_RULES.has(`${structureName}.${wanted}`)) {
      issues.push({ kind: 'required', anchor: anchorOf(node), member: wanted, structure: structureName, object: node });
    }
  }
}

/** True when one of the properties stands for `member`. */
function hasMember(properties: readonly DocNode[], member: string): boolean {
  for (let i = 0; i < properties.length; i++) if (properties[i].children?.[0] && memberName(properties[i]) === member) return true;
  return false;
}

/** True when CloudFormation converts the scalar to the type (cfn-lint E3012 outside strict mode). */
function converts(node: DocNode, type: TypeRef): boolean {
  if (type === 'string') return node.type === 'number' || node.type === 'boolean';
  if (node.type !== 'string') return false;
  return (type === 'integer' || type === 'boolean') && convertsTo(node.value as string, type);
}

function isScalarType(type: TypeRef): boolean {
  return typeof type === 'string' || 'enum' in type;
}
