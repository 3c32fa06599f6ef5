// How a format spells the API's member names. The register-task-definition input (JSON or YAML)
// uses the API's camelCase names; CloudFormation capitalises them, with a few names of its own;
// Terraform's aws_ecs_task_definition writes the task's members in snake_case and its containers
// in the API's names (container_definitions is the API's JSON). Map keys
// (`logConfiguration.options`, `dockerLabels`) are data, never renamed.
import type { DocNode } from '../document/node';
import { memberOf, ROOT_STRUCTURE, structure, type TypeRef } from '../shape/taskDefinitionShape';

/** One way of spelling the task definition's members. */
export interface Dialect {
  readonly id: 'api' | 'cloudformation' | 'terraform';
  /** The name a member has in this dialect. */
  hostName(structureName: string, member: string): string;
  /** The member a key of this dialect names in a structure; undefined when it names none. */
  memberFor(structureName: string, key: string): string | undefined;
  /**
   * CloudFormation converts scalars for scalar properties: `"512"` for an integer, `"true"` for a
   * boolean, `9080` for a string (AWS::ECS::TaskDefinition resource documentation).
   */
  readonly convertsScalars: boolean;
  /** Where conversion differs by structure (Terraform converts in HCL, not in the containers' JSON): true where it converts. */
  convertsScalarsIn?(structureName: string | undefined): boolean;
  /**
   * True when keys that name no member of the structure are the host's own business and not
   * reported (Terraform's meta-arguments and provider-only attributes: terraform validate checks those).
   */
  ignoresUnknownIn?(structureName: string): boolean;
  /**
   * A null value is an error of its own: CloudFormation refuses nulls in templates ("'null' values
   * are not allowed"), while for the API's input they are describe-output findings.
   */
  readonly rejectsNull: boolean;
  /** The members a structure requires in this dialect, when they differ from the API's. */
  requiredMembers?(structureName: string): readonly string[] | undefined;
}

/** The strings CloudFormation converts to an integer or a boolean; spaces around them are trimmed. */
const CONVERTIBLE: Record<'integer' | 'boolean', RegExp> = {
  integer: /^\s*-?\d+\s*$/,
  boolean: /^\s*(true|false)\s*$/i,
};

/** Whether a string is one that CloudFormation converts to a scalar of this type. */
export function convertsTo(text: string, type: 'integer' | 'boolean'): boolean {
  return CONVERTIBLE[type].test(text);
}

/** The integer or boolean CloudFormation converts a string to; undefined when it converts none. */
export function convertString(text: string, type: 'integer'): number | undefined;
export function convertString(text: string, type: 'boolean'): boolean | undefined;
export function convertString(text: string, type: 'integer' | 'boolean'): number | boolean | undefined {
  if (!convertsTo(text, type)) return undefined;
  return type === 'integer' ? Number(text) : text.trim().toLowerCase() === 'true';
}

/**
 * The integer a value gives: a whole number, or, where the dialect converts scalars, a string of
 * digits. Undefined for anything else: a fraction, a placeholder, an expression.
 */
export function integerOf(node: DocNode | undefined, dialect: Dialect): number | undefined {
  if (node?.type === 'number') return Number.isInteger(node.value) ? (node.value as number) : undefined;
  return dialect.convertsScalars && node?.type === 'string' ? convertString(node.value as string, 'integer') : undefined;
}

/** The boolean a value gives: true or false, or, where the dialect converts scalars, the string of one. */
export function booleanOf(node: DocNode | undefined, dialect: Dialect): boolean | undefined {
  if (node?.type === 'boolean') return node.value as boolean;
  return dialect.convertsScalars && node?.type === 'string' ? convertString(node.value as string, 'boolean') : undefined;
}

/**
 * Container definitions in a JSON file of their own that a Terraform resource reads (file(),
 * templatefile()): the API's names, as the provider decodes them (case-insensitively).
 */
export const PROVIDER_JSON_DIALECT: Dialect = {
  id: 'api',
  hostName: (_structure, member) => member,
  memberFor: (structureName, key) => providerJsonMember(structureName, key),
  convertsScalars: false,
  rejectsNull: false,
};

/** The API's own names: what register-task-definition reads from JSON or YAML. */
export const API_DIALECT: Dialect = {
  id: 'api',
  hostName: (_structure, member) => member,
  memberFor: (structureName, key) => (memberOf(structureName, key) ? key : undefined),
  convertsScalars: false,
  rejectsNull: false,
};

/**
 * CloudFormation's names that are not the API's with the first letter capitalised (the
 * AWS::ECS::TaskDefinition resource schema as cfn-lint v1.51.5 ships it,
 * src/cfnlint/data/schemas/resources/7ab97d6a9e8210ee.json).
 */
const CLOUDFORMATION_NAMES: Record<string, Record<string, string>> = {
  ProxyConfiguration: { properties: 'ProxyConfigurationProperties' },
  Volume: {
    efsVolumeConfiguration: 'EFSVolumeConfiguration',
    fsxWindowsFileServerVolumeConfiguration: 'FSxWindowsFileServerVolumeConfiguration',
    s3filesVolumeConfiguration: 'S3FilesVolumeConfiguration',
  },
  EFSVolumeConfiguration: { fileSystemId: 'FilesystemId' },
  EFSAuthorizationConfig: { iam: 'IAM' },
};

/**
 * What CloudFormation requires where it differs from the API (same schema): nothing at the top
 * (`Family` and `ContainerDefinitions` are optional), and fewer members in several structures.
 */
const CLOUDFORMATION_REQUIRED: Record<string, readonly string[]> = {
  RegisterTaskDefinitionRequest: [],
  ContainerDefinition: ['name', 'image'],
  ContainerDependency: [],
  ContainerRestartPolicy: [],
  Device: [],
  EnvironmentFile: [],
  EphemeralStorage: [],
  FSxWindowsFileServerVolumeConfiguration: ['fileSystemId', 'rootDirectory'],
  FirelensConfiguration: [],
  HealthCheck: [],
  HostEntry: [],
  InferenceAccelerator: [],
  RepositoryCredentials: [],
  ResourceRequirement: ['type', 'value'],
  TaskDefinitionPlacementConstraint: ['type'],
  Tmpfs: ['size'],
};

const hostNames = new Map<string, Map<string, string>>();

/** Key → member for one structure in CloudFormation, built once. */
function cloudFormationKeys(structureName: string): Map<string, string> {
  let keys = hostNames.get(structureName);
  if (!keys) {
    keys = new Map();
    for (const member of Object.keys(structure(structureName)?.members ?? {})) keys.set(cloudFormationName(structureName, member), member);
    hostNames.set(structureName, keys);
  }
  return keys;
}

function cloudFormationName(structureName: string, member: string): string {
  return CLOUDFORMATION_NAMES[structureName]?.[member] ?? member.charAt(0).toUpperCase() + member.slice(1);
}

/** CloudFormation's `AWS::ECS::TaskDefinition` properties. */
export const CLOUDFORMATION_DIALECT: Dialect = {
  id: 'cloudformation',
  hostName: cloudFormationName,
  memberFor: (structureName, key) => cloudFormationKeys(structureName).get(key),
  convertsScalars: true,
  rejectsNull: true,
  requiredMembers: (structureName) => CLOUDFORMATION_REQUIRED[structureName],
};

/** The structures below ContainerDefinition: in Terraform they are JSON with the API's names. */
function containerStructures(): Set<string> {
  const found = new Set<string>();
  const visit = (type: TypeRef) => {
    if (typeof type === 'string' || 'enum' in type) return;
    if ('list' in type) return visit(type.list);
    if ('map' in type) return visit(type.map);
    if (found.has(type.structure)) return;
    found.add(type.structure);
    for (const member of Object.values(structure(type.structure)?.members ?? {})) visit(member.type);
  };
  visit({ structure: 'ContainerDefinition' });
  return found;
}

let containerStructureSet: Set<string> | undefined;
const inContainers = (structureName: string | undefined) =>
  structureName !== undefined && (containerStructureSet ??= containerStructures()).has(structureName);

/**
 * Terraform's names where they are not the API's in snake_case (the AWS provider's
 * aws_ecs_task_definition documentation): repeated blocks take the singular.
 */
const TERRAFORM_NAMES: Record<string, Record<string, string>> = {
  [ROOT_STRUCTURE]: { volumes: 'volume', inferenceAccelerators: 'inference_accelerator' },
  EphemeralStorage: { sizeInGiB: 'size_in_gib' },
  Volume: { configuredAtLaunch: 'configure_at_launch' },
};

/** Members Terraform writes in a shape of its own (a map where the API has a list): not checked against the API's. */
const TERRAFORM_OWN_SHAPE: Record<string, ReadonlySet<string>> = {
  [ROOT_STRUCTURE]: new Set(['tags']),
  ProxyConfiguration: new Set(['properties']),
};

function terraformName(structureName: string, member: string): string {
  if (inContainers(structureName)) return member;
  return TERRAFORM_NAMES[structureName]?.[member] ?? member.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const terraformKeys = new Map<string, Map<string, string>>();

const lowerCaseMembers = new Map<string, Map<string, string>>();

/**
 * The member a key of a container's JSON names for the AWS provider, which decodes it with Go's
 * encoding/json: an exact match first, else one that differs only in case (`Name` is `name`).
 */
export function providerJsonMember(structureName: string, key: string): string | undefined {
  if (memberOf(structureName, key)) return key;
  let members = lowerCaseMembers.get(structureName);
  if (!members) {
    members = new Map(Object.keys(structure(structureName)?.members ?? {}).map((m) => [m.toLowerCase(), m]));
    lowerCaseMembers.set(structureName, members);
  }
  return members.get(key.toLowerCase());
}

function terraformMember(structureName: string, key: string): string | undefined {
  if (inContainers(structureName)) return providerJsonMember(structureName, key);
  let keys = terraformKeys.get(structureName);
  if (!keys) {
    keys = new Map();
    for (const member of Object.keys(structure(structureName)?.members ?? {})) {
      if (!TERRAFORM_OWN_SHAPE[structureName]?.has(member)) keys.set(terraformName(structureName, member), member);
    }
    terraformKeys.set(structureName, keys);
  }
  return keys.get(key);
}

/** Terraform's `aws_ecs_task_definition`: snake_case HCL at the resource level, the API's JSON in the containers. */
export const TERRAFORM_DIALECT: Dialect = {
  id: 'terraform',
  hostName: terraformName,
  memberFor: terraformMember,
  // Inside container_definitions the provider decodes JSON strictly: "512" is no integer there.
  convertsScalars: false,
  // HCL converts between strings, numbers and booleans for a resource's attributes (`cpu = 256`).
  convertsScalarsIn: (structureName) => !inContainers(structureName),
  rejectsNull: false,
  ignoresUnknownIn: (structureName) => !inContainers(structureName),
};
