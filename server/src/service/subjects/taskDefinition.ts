// Task definitions written with the API's own names: register-task-definition input (JSON or
// YAML), describe-task-definition output, and Terraform's container_definitions arrays. Also the
// containers and secret references of any subject, whatever its dialect.
import { parseArn, secretArnOf } from '../arn';
import type { DocNode } from '../document/node';
import { findArray, findString, findValue } from '../document/navigate';
import { rootType } from '../shape/taskDefinitionShape';
import { annotate } from './annotate';
import { API_DIALECT, PROVIDER_JSON_DIALECT, type Dialect } from './dialect';
import { stringOf } from './expressionValues';
import type { ContainerModel, ReferencePlace, SecretReference, Subject, SubjectKind } from './subject';
import { linkedTaskNode, type LinkedTask } from './terraformLinks';

/** What the host knows about the document beyond its text. */
export interface RecognitionHints {
  /** The file name matches the container-definitions patterns: a root array is container definitions. */
  containerDefinitionsFile?: boolean;
  /** The user said this file is a task definition (the `files` setting, or named on the command line). */
  forced?: boolean;
  /** A Terraform resource names this file as its container_definitions (subjects/terraformLinks.ts). */
  linkedTask?: LinkedTask;
}

/** The task definition a root written with the API's names holds, if it holds one. */
export function apiSubject(root: DocNode, rootIndex: number, hints: RecognitionHints): Subject | undefined {
  if (root.type === 'object') {
    const inner = findValue(root, 'taskDefinition');
    if (inner?.type === 'object' && !findValue(root, 'containerDefinitions')) {
      return subject('describeOutput', API_DIALECT, root, rootIndex, inner, ['taskDefinition'], findArray(inner, 'containerDefinitions'));
    }
    if (findValue(root, 'containerDefinitions') || findValue(root, 'containerDefinition') || hints.forced) {
      return subject('taskDefinition', API_DIALECT, root, rootIndex, root, [], findArray(root, 'containerDefinitions'));
    }
  }
  if (root.type === 'array' && (hints.containerDefinitionsFile || hints.forced || hints.linkedTask || looksLikeContainers(root))) {
    if (!hints.linkedTask) return subject('containerDefinitions', API_DIALECT, root, rootIndex, undefined, [], root.children ?? []);
    // The AWS provider reads these containers: keys that differ from the API's only in case are its members.
    annotate(root, rootType('containerDefinitions'), PROVIDER_JSON_DIALECT);
    const found = subject('containerDefinitions', PROVIDER_JSON_DIALECT, root, rootIndex, undefined, [], root.children ?? []);
    return { ...found, linked: { task: hints.linkedTask, node: linkedTaskNode(hints.linkedTask) } };
  }
  return undefined;
}

/** Members only a container definition has, beside its name and image. */
const CONTAINER_MEMBERS = ['essential', 'portMappings', 'memory', 'cpu', 'environment', 'secrets', 'logConfiguration'];

/**
 * True when a root array is container definitions by its content, whatever the file is called:
 * every element an object with `name`, `image` and one more container member.
 */
function looksLikeContainers(root: DocNode): boolean {
  const elements = root.children ?? [];
  return (
    elements.length > 0 &&
    elements.every(
      (e) => e.type === 'object' && findValue(e, 'name') && findValue(e, 'image') && CONTAINER_MEMBERS.some((m) => findValue(e, m)),
    )
  );
}

/** A subject with its containers and references collected. */
export function subject(
  kind: SubjectKind,
  dialect: Dialect,
  root: DocNode,
  rootIndex: number,
  task: DocNode | undefined,
  taskPath: Subject['taskPath'],
  containerList: DocNode[],
  resource?: string,
): Subject {
  const containers = containerList.filter((n) => n.type === 'object').map((node) => toContainer(node, containerList.indexOf(node)));
  return { kind, dialect, root, rootIndex, task, taskPath, containers, references: collectReferences(containers), resource };
}

function toContainer(node: DocNode, index: number): ContainerModel {
  return { node, index, name: findString(node, 'name'), image: findString(node, 'image') };
}

function collectReferences(containers: ContainerModel[]): SecretReference[] {
  const references: SecretReference[] = [];
  const add = (place: ReferencePlace, container: ContainerModel, node: DocNode | undefined, name?: string) => {
    const string = stringOf(node);
    if (!node || !string) return;
    const arn = parseArn(string.value);
    const secret = arn && secretArnOf(arn);
    references.push({ place, container, node, value: string.value, arn, secret, name, template: string.template });
  };
  // Indexed loops: a for-of allocates a result per step in code not yet optimised, and a task
  // definition may hold thousands of secrets (docs/performance.md, "Measured 2026-12-04").
  for (const container of containers) {
    const secrets = findArray(container.node, 'secrets');
    for (let i = 0; i < secrets.length; i++) add('secret', container, findValue(secrets[i], 'valueFrom'), findString(secrets[i], 'name'));
    const options = findArray(findValue(container.node, 'logConfiguration'), 'secretOptions');
    for (let i = 0; i < options.length; i++)
      add('logSecret', container, findValue(options[i], 'valueFrom'), findString(options[i], 'name'));
    add('registryCredentials', container, findValue(findValue(container.node, 'repositoryCredentials'), 'credentialsParameter'));
  }
  return references;
}
