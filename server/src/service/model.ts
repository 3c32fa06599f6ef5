import { parseTree, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import { findArray, findString, findValue } from './jsonTree';
import { exceededLimit, type AnalysisLimit } from './limits';

/** How a document holds its task definition. */
export type DocumentKind =
  /** `register-task-definition --cli-input-json` input: the task definition is the root object. */
  | 'taskDefinition'
  /** `describe-task-definition` output: `{"taskDefinition": {...}, "tags": [...]}`. */
  | 'describeOutput'
  /** Terraform's `container_definitions`: the root is an array of container definitions. */
  | 'containerDefinitions';

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
  node: Node;
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
  /** The string node of the reference (quotes included in its range). */
  node: Node;
  /** The string's value. */
  value: string;
  /** The `name` of the secrets/secretOptions entry; undefined for registry credentials. */
  name?: string;
}

/** A task definition document parsed once per version and shared by every feature. */
export interface TaskDefinitionModel {
  /** The document text the model was parsed from. */
  text: string;
  /** The tolerant parse tree; undefined for an empty document. */
  root: Node | undefined;
  /** JSON syntax errors (comments are allowed; trailing commas are not); the tree is still usable around them. */
  syntaxErrors: ParseError[];
  /** How the document holds a task definition; undefined when it is not one. */
  kind: DocumentKind | undefined;
  /** The object with the RegisterTaskDefinition members (the inner object of describe output). */
  task: Node | undefined;
  containers: ContainerModel[];
  references: SecretReference[];
  /** Set when the document was too large or too deeply nested to analyse (see `limits.ts`). */
  limited?: AnalysisLimit;
}

/** What the host knows about the document beyond its text. */
export interface RecognitionHints {
  /** The file name matches the container-definitions patterns: a root array is container definitions. */
  containerDefinitionsFile?: boolean;
  /** The user said this file is a task definition (the `files` setting, or named on the command line). */
  forced?: boolean;
}

/** Cheap pre-check; also true for the common misspelling `containerDefinition`. */
const MENTIONS_CONTAINERS = /"containerDefinitions?"/i;

/** Parses a document and finds its task definition, containers and secret references. */
export function parseTaskDefinition(text: string, hints: RecognitionHints = {}): TaskDefinitionModel {
  // Most JSON files an editor opens are not task definitions: a substring test spares them the parse.
  if (!hints.forced && !hints.containerDefinitionsFile && !MENTIONS_CONTAINERS.test(text)) {
    return { text, root: undefined, syntaxErrors: [], kind: undefined, task: undefined, containers: [], references: [] };
  }
  const limited = exceededLimit(text);
  if (limited) {
    // Not parsed: a tree this size or depth would stall or overflow the stack. One finding says so.
    return { text, root: undefined, syntaxErrors: [], kind: 'taskDefinition', task: undefined, containers: [], references: [], limited };
  }
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { allowTrailingComma: false, disallowComments: false });
  const { kind, task, containerList } = classify(root, hints);
  const containers = containerList.filter((n) => n.type === 'object').map((node) => toContainer(node, containerList.indexOf(node)));
  return { text, root, syntaxErrors, kind, task, containers, references: kind ? collectReferences(containers) : [] };
}

function classify(root: Node | undefined, hints: RecognitionHints): { kind?: DocumentKind; task?: Node; containerList: Node[] } {
  if (root?.type === 'object') {
    const inner = findValue(root, 'taskDefinition');
    if (inner?.type === 'object' && !findValue(root, 'containerDefinitions')) {
      return { kind: 'describeOutput', task: inner, containerList: findArray(inner, 'containerDefinitions') };
    }
    if (findValue(root, 'containerDefinitions') || findValue(root, 'containerDefinition') || hints.forced) {
      return { kind: 'taskDefinition', task: root, containerList: findArray(root, 'containerDefinitions') };
    }
  }
  if (root?.type === 'array' && (hints.containerDefinitionsFile || hints.forced)) {
    return { kind: 'containerDefinitions', containerList: root.children ?? [] };
  }
  return { containerList: [] };
}

function toContainer(node: Node, index: number): ContainerModel {
  return { node, index, name: findString(node, 'name'), image: findString(node, 'image') };
}

function collectReferences(containers: ContainerModel[]): SecretReference[] {
  const references: SecretReference[] = [];
  const addEntries = (container: ContainerModel, entries: Node[], place: ReferencePlace) => {
    for (const entry of entries) {
      const valueFrom = findValue(entry, 'valueFrom');
      if (valueFrom?.type === 'string') {
        references.push({ place, container, node: valueFrom, value: valueFrom.value, name: findString(entry, 'name') });
      }
    }
  };
  for (const container of containers) {
    addEntries(container, findArray(container.node, 'secrets'), 'secret');
    addEntries(container, findArray(findValue(container.node, 'logConfiguration'), 'secretOptions'), 'logSecret');
    const credentials = findValue(findValue(container.node, 'repositoryCredentials'), 'credentialsParameter');
    if (credentials?.type === 'string') {
      references.push({ place: 'registryCredentials', container, node: credentials, value: credentials.value });
    }
  }
  return references;
}

/** A short human name for a container in messages: `container "web"` or `container #2`. */
export function describeContainer(container: ContainerModel): string {
  return container.name ? `container "${container.name}"` : `container #${container.index + 1}`;
}

/** A document path in the task's own coordinates (without the describe wrapper); undefined outside the task. */
export function taskPath(model: TaskDefinitionModel, path: JSONPath): JSONPath | undefined {
  if (model.kind !== 'describeOutput') return path;
  return path[0] === 'taskDefinition' ? path.slice(1) : undefined;
}
