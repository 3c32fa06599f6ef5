import type { Path } from '../document/path';
import type { SubjectKind } from '../subjects/subject';
import type { MemberShape, StructureShape, TypeRef } from './shapeTypes';
import { TASK_DEFINITION_MODEL } from './taskDefinitionShape.generated';

export type { MemberShape, StructureShape, TypeRef } from './shapeTypes';

/** The generated model of a RegisterTaskDefinition request. */
export const MODEL = TASK_DEFINITION_MODEL;

/** Name of the structure at the root of a task definition. */
export const ROOT_STRUCTURE = MODEL.root;

/**
 * Members ECS requires although the model does not mark them: a container without a name or an
 * image is rejected at registration.
 */
const ALSO_REQUIRED: Record<string, string[]> = { ContainerDefinition: ['name', 'image'] };

/** The type at the root of a document of the given kind. */
export function rootType(kind: SubjectKind): TypeRef {
  return kind === 'containerDefinitions' ? { list: { structure: 'ContainerDefinition' } } : { structure: ROOT_STRUCTURE };
}

/** The structure with this name. */
export function structure(name: string): StructureShape {
  return MODEL.shapes[name];
}

/** The member `key` of a structure, if the model has it. */
export function memberOf(structureName: string, key: string): MemberShape | undefined {
  const members = MODEL.shapes[structureName]?.members;
  return members && Object.prototype.hasOwnProperty.call(members, key) ? members[key] : undefined;
}

/** The members a structure must have, from the model plus what ECS enforces. */
export function requiredMembers(structureName: string): readonly string[] {
  let required = REQUIRED.get(structureName);
  if (!required) {
    const fromModel = Object.entries(structure(structureName).members)
      .filter(([, m]) => m.required)
      .map(([k]) => k);
    required = [...fromModel, ...(ALSO_REQUIRED[structureName] ?? [])];
    REQUIRED.set(structureName, required);
  }
  return required;
}

const REQUIRED = new Map<string, readonly string[]>();

/** The values of an enum. */
export function enumValues(enumName: string): string[] {
  return MODEL.enums[enumName] ?? [];
}

/** The type at a JSON path inside a task definition document, in the task's own coordinates. */
export function typeAtPath(kind: SubjectKind, path: Path): TypeRef | undefined {
  let type: TypeRef | undefined = rootType(kind);
  for (const segment of path) {
    if (type === undefined || typeof type === 'string') return undefined;
    if ('list' in type) type = typeof segment === 'number' ? type.list : undefined;
    else if ('map' in type) type = typeof segment === 'string' ? type.map : undefined;
    else if ('structure' in type) type = typeof segment === 'string' ? memberOf(type.structure, segment)?.type : undefined;
    else return undefined;
  }
  return type;
}

/** A type as a user reads it: `string`, `integer`, `array of Secret`, `NetworkMode (string)`. */
export function formatType(type: TypeRef): string {
  if (typeof type === 'string') return type;
  if ('enum' in type) return `${type.enum} (string)`;
  if ('structure' in type) return `${type.structure} (object)`;
  if ('list' in type) return `array of ${formatType(type.list)}`;
  return `map of ${formatType(type.map)}`;
}

/** The JSON kind a type needs: what a user has to type. */
export function jsonKindOf(type: TypeRef): 'string' | 'number' | 'boolean' | 'object' | 'array' {
  if (type === 'string' || type === 'timestamp') return 'string';
  if (type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  if ('enum' in type) return 'string';
  if ('list' in type) return 'array';
  return 'object';
}

/** The AWS API reference page of a structure. */
export function apiReferenceUrl(structureName: string): string {
  const page = structureName === ROOT_STRUCTURE ? 'RegisterTaskDefinition' : structureName;
  return `https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_${page}.html`;
}

/** A structure's name as a user reads it in messages. */
export function describeStructure(structureName: string): string {
  if (structureName === ROOT_STRUCTURE) return 'the task definition';
  if (structureName === 'ContainerDefinition') return 'a container definition';
  return structureName;
}
