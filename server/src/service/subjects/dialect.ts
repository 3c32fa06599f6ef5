// How a format spells the API's member names. The register-task-definition input (JSON or YAML)
// uses the API's camelCase names; CloudFormation capitalises them, with a few names of its own.
// Map keys (`logConfiguration.options`, `dockerLabels`) are data, never renamed.
import { memberOf, structure } from '../shape/taskDefinitionShape';

/** One way of spelling the task definition's members. */
export interface Dialect {
  readonly id: 'api' | 'cloudformation';
  /** The name a member has in this dialect. */
  hostName(structureName: string, member: string): string;
  /** The member a key of this dialect names in a structure; undefined when it names none. */
  memberFor(structureName: string, key: string): string | undefined;
  /**
   * CloudFormation converts scalars for scalar properties: `"512"` for an integer, `"true"` for a
   * boolean, `9080` for a string (AWS::ECS::TaskDefinition resource documentation).
   */
  readonly convertsScalars: boolean;
  /**
   * A null value is an error of its own: CloudFormation refuses nulls in templates ("'null' values
   * are not allowed"), while for the API's input they are describe-output findings.
   */
  readonly rejectsNull: boolean;
  /** The members a structure requires in this dialect, when they differ from the API's. */
  requiredMembers?(structureName: string): readonly string[] | undefined;
}

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
