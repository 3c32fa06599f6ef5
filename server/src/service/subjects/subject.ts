// What in a document tree is a task definition. One document may hold several (a CloudFormation
// template with two task definitions, a YAML stream); each is a subject with its own facts.
import type { Arn, SecretArn } from '../arn';
import type { DocNode } from '../document/node';
import type { Path } from '../document/path';
import type { Dialect } from './dialect';
import type { KubernetesModel } from './kubernetes';
import type { LinkedTask } from './terraformLinks';

/** How a document holds a task definition. */
export type SubjectKind =
  /** `register-task-definition --cli-input-json` / `--cli-input-yaml` input: the task definition is the root object. */
  | 'taskDefinition'
  /** `describe-task-definition` output: `{"taskDefinition": {...}, "tags": [...]}`. */
  | 'describeOutput'
  /** Terraform's `container_definitions`: the root is an array of container definitions. */
  | 'containerDefinitions'
  /** The `Properties` of an `AWS::ECS::TaskDefinition` resource in a CloudFormation template. */
  | 'cloudFormation'
  /** The body of a Terraform `aws_ecs_task_definition` resource. */
  | 'terraform'
  /** An External Secrets Operator SecretStore or ClusterSecretStore with the AWS provider (subjects/kubernetes.ts). */
  | 'secretStore'
  /** An External Secrets Operator ExternalSecret or ClusterExternalSecret. */
  | 'externalSecret'
  /** A Secrets Store CSI driver SecretProviderClass with the AWS provider. */
  | 'secretProviderClass';

/** Where a secret reference sits, which decides what ECS accepts in it. */
export type ReferencePlace =
  /** `containerDefinitions[].secrets[].valueFrom` */
  | 'secret'
  /** `containerDefinitions[].logConfiguration.secretOptions[].valueFrom` */
  | 'logSecret'
  /** `containerDefinitions[].repositoryCredentials.credentialsParameter` */
  | 'registryCredentials';

/** One container definition. */
export interface ContainerModel {
  /** The container's object node. */
  node: DocNode;
  /** Position in `containerDefinitions`. */
  index: number;
  /** The `name` member, when it is a string. */
  name?: string;
  /** The `image` member, when it is a string. */
  image?: string;
}

/** A string that names a secret or parameter ECS fetches at container start. */
export interface SecretReference {
  place: ReferencePlace;
  container: ContainerModel;
  /** The node of the reference: a string, or an expression whose literal parts say enough (`!Sub`). */
  node: DocNode;
  /** The reference as ECS will receive it (for `!Sub`, with the pseudo parameters filled in). */
  value: string;
  /**
   * The value's ARN fields (arn.ts), undefined when it is not an ARN; and its secret fields when it is
   * a Secrets Manager secret ARN. Parsed once here for every rule: a lookup in arn.ts's cache by a
   * string fresh from the parser costs about as much as the rule that asks.
   */
  readonly arn: Arn | undefined;
  readonly secret: SecretArn | undefined;
  /** The `name` of the secrets/secretOptions entry; undefined for registry credentials. */
  name?: string;
  /** Set when the value came from a `Fn::Sub` template: how to write a corrected value back. */
  template?: SubTemplate;
}

/** A `Fn::Sub` string split into what is written literally and what CloudFormation fills in. */
export interface SubTemplate {
  /** The string node that holds the template. */
  node: DocNode;
  /** In order: `text` is what the part contributes to the value, `source` how the template writes it. */
  segments: { text: string; source: string; pseudo?: PseudoParameter }[];
}

/** The pseudo parameters a reference may use: they stand for the stack's own account, region and partition. */
export type PseudoParameter = 'AWS::AccountId' | 'AWS::Region' | 'AWS::Partition' | 'AWS::URLSuffix';

/** One task definition in a document. */
export interface Subject {
  kind: SubjectKind;
  /** How the subject spells the API's member names. */
  dialect: Dialect;
  /** Which root of the document it is in. */
  rootIndex: number;
  root: DocNode;
  /** The object with the RegisterTaskDefinition members; undefined for a container array. */
  task: DocNode | undefined;
  /** Where `task` (or the container array) is below the root, in host names. */
  taskPath: Path;
  containers: ContainerModel[];
  /**
   * Every secret reference, in document order. Rules walk it by index: a task definition may hold
   * thousands, and a for-of allocates at each step in code a short lint run does not optimise
   * (docs/performance.md, "Measured 2026-12-04").
   */
  references: SecretReference[];
  /**
   * For container definitions that a Terraform resource names with `file()`: that resource, and its
   * task-level members as a task object (subjects/terraformLinks.ts), which only the rules that say
   * so read; nothing in it has a place in this document's text.
   */
  linked?: { task: LinkedTask; node: DocNode };
  /** For a Kubernetes manifest: what it holds (it has no task, containers or task references). */
  kubernetes?: KubernetesModel;
  /** For a CloudFormation resource: its logical id; for a Terraform resource: its name. */
  resource?: string;
}

/** A short human name for a container in messages: `container "web"` or `container #2`. */
export function describeContainer(container: ContainerModel): string {
  return container.name ? `container "${container.name}"` : `container #${container.index + 1}`;
}
