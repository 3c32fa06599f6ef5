// Kubernetes manifests that reference the same secrets and parameters as task definitions, on EKS:
// the External Secrets Operator's stores and ExternalSecrets (external-secrets.io/v1 and v1beta1),
// and the Secrets Store CSI driver's SecretProviderClass with the AWS provider. Each such document of
// a YAML stream is a subject of its own; any other manifest is none (and costs only the pre-check on
// the text). What each holds is read here once, for the rules and completion (docs/kubernetes.md).
import type { DocNode } from '../document/node';
import { findArray, findString, findValue } from '../document/navigate';
import { API_DIALECT } from './dialect';
import type { Subject } from './subject';

/** The External Secrets Operator's API groups we read (the legacy kubernetes-client.io ExternalSecret is another product). */
const ESO_API = /^external-secrets\.io\/v1(beta1)?$/;
const CSI_API = /^secrets-store\.csi\.x-k8s\.io\/v1(alpha1)?$/;

/** Which AWS service an ESO store reads (`spec.provider.aws.service`). */
export type StoreService = 'SecretsManager' | 'ParameterStore';
export type StoreKind = 'SecretStore' | 'ClusterSecretStore';

/** An ESO store whose provider is AWS. */
export interface StoreModel {
  kind: StoreKind;
  name?: string;
  namespace?: string;
  service?: StoreService;
  /** `spec.provider.aws.region`, when a literal region. */
  region?: string;
  /** `spec.provider.aws.prefix`: what the operator puts in front of every key. */
  prefix?: string;
  /** The file it is in, when it comes from elsewhere in the workspace. */
  file?: string;
}

/** What an ExternalSecret (or one of its entries) names as its store. */
export interface StoreRef {
  kind: StoreKind;
  name?: string;
  /** The `name` node, where a finding about the store goes. */
  node?: DocNode;
}

/** One key an ExternalSecret fetches: `data[].remoteRef.key` or `dataFrom[].extract.key`. */
export interface RemoteKey {
  /** The key's string node. */
  node: DocNode;
  key: string;
  place: 'remoteRef' | 'extract';
  store: StoreRef;
  version?: DocNode;
}

/** One object of a SecretProviderClass's `objects`. */
export interface ProviderObject {
  /** The object's `objectName` string node. */
  node: DocNode;
  name: string;
  /** `objectType` as written (`secretsmanager`, `ssmparameter`), and its node. */
  type?: string;
  typeNode?: DocNode;
  /** The object mapping, where a finding about it as a whole goes. */
  object: DocNode;
}

/** What a Kubernetes subject holds. */
export type KubernetesModel =
  | { kind: 'store'; store: StoreModel & { node: DocNode } }
  | { kind: 'externalSecret'; namespace?: string; store: StoreRef; keys: RemoteKey[] }
  | { kind: 'providerClass'; region?: string; objects: ProviderObject[] };

/** The manifest a root is, if it is one of ours. */
export function kubernetesSubject(root: DocNode, rootIndex: number): Subject | undefined {
  if (root.type !== 'object') return undefined;
  const apiVersion = findString(root, 'apiVersion') ?? '';
  const kind = findString(root, 'kind');
  const model = ESO_API.test(apiVersion) ? esoModel(root, kind) : CSI_API.test(apiVersion) ? providerClassModel(root, kind) : undefined;
  if (!model) return undefined;
  const kindOf = { store: 'secretStore', externalSecret: 'externalSecret', providerClass: 'secretProviderClass' } as const;
  return {
    kind: kindOf[model.kind],
    dialect: API_DIALECT,
    rootIndex,
    root,
    task: undefined,
    taskPath: [],
    containers: [],
    references: [],
    kubernetes: model,
    resource: findString(findValue(root, 'metadata'), 'name'),
  };
}

function esoModel(root: DocNode, kind: string | undefined): KubernetesModel | undefined {
  const spec = findValue(root, 'spec');
  const namespace = findString(findValue(root, 'metadata'), 'namespace');
  if (kind === 'SecretStore' || kind === 'ClusterSecretStore') {
    const store = storeOf(root);
    return store && { kind: 'store', store: { ...store, node: root } };
  }
  if (kind === 'ExternalSecret') return externalSecretModel(spec, namespace);
  // A ClusterExternalSecret makes an ExternalSecret of its externalSecretSpec in each namespace it selects.
  if (kind === 'ClusterExternalSecret') return externalSecretModel(findValue(spec, 'externalSecretSpec'), undefined);
  return undefined;
}

/** The AWS store a SecretStore or ClusterSecretStore root is; undefined for another provider. */
export function storeOf(root: DocNode): StoreModel | undefined {
  const kind = findString(root, 'kind');
  if (kind !== 'SecretStore' && kind !== 'ClusterSecretStore') return undefined;
  if (!ESO_API.test(findString(root, 'apiVersion') ?? '')) return undefined;
  const aws = findValue(findValue(findValue(root, 'spec'), 'provider'), 'aws');
  if (aws?.type !== 'object') return undefined;
  const service = findString(aws, 'service');
  const metadata = findValue(root, 'metadata');
  return {
    kind,
    name: findString(metadata, 'name'),
    namespace: findString(metadata, 'namespace'),
    service: service === 'SecretsManager' || service === 'ParameterStore' ? service : undefined,
    region: findString(aws, 'region'),
    prefix: findString(aws, 'prefix'),
  };
}

/** A `secretStoreRef` / `storeRef` object as a reference (a missing kind is SecretStore, as ESO defaults it). */
export function storeRefOf(node: DocNode | undefined): StoreRef | undefined {
  if (node?.type !== 'object') return undefined;
  const nameNode = findValue(node, 'name');
  return {
    kind: findString(node, 'kind') === 'ClusterSecretStore' ? 'ClusterSecretStore' : 'SecretStore',
    name: nameNode?.type === 'string' ? (nameNode.value as string) : undefined,
    node: nameNode,
  };
}

function externalSecretModel(spec: DocNode | undefined, namespace: string | undefined): KubernetesModel | undefined {
  if (spec?.type !== 'object') return undefined;
  const store = storeRefOf(findValue(spec, 'secretStoreRef')) ?? { kind: 'SecretStore' };
  const keys: RemoteKey[] = [];
  const add = (holder: DocNode | undefined, place: RemoteKey['place'], entryStore: StoreRef | undefined) => {
    const node = findValue(holder, 'key');
    if (node?.type !== 'string') return;
    keys.push({ node, key: node.value as string, place, store: entryStore ?? store, version: findValue(holder, 'version') });
  };
  for (const entry of findArray(spec, 'data')) {
    add(findValue(entry, 'remoteRef'), 'remoteRef', storeRefOf(findValue(findValue(entry, 'sourceRef'), 'storeRef')));
  }
  for (const entry of findArray(spec, 'dataFrom')) {
    add(findValue(entry, 'extract'), 'extract', storeRefOf(findValue(findValue(entry, 'sourceRef'), 'storeRef')));
  }
  return { kind: 'externalSecret', namespace, store, keys };
}

function providerClassModel(root: DocNode, kind: string | undefined): KubernetesModel | undefined {
  const spec = findValue(root, 'spec');
  if (kind !== 'SecretProviderClass' || findString(spec, 'provider') !== 'aws') return undefined;
  const parameters = findValue(spec, 'parameters');
  const objects: ProviderObject[] = [];
  // `objects` is YAML inside a block scalar, which the YAML adapter parsed in place (yamlParse.ts).
  for (const object of findArray(parameters, 'objects')) {
    const node = findValue(object, 'objectName');
    if (node?.type !== 'string') continue;
    const typeNode = findValue(object, 'objectType');
    objects.push({
      node,
      name: node.value as string,
      type: typeNode?.type === 'string' ? (typeNode.value as string) : undefined,
      typeNode,
      object,
    });
  }
  return { kind: 'providerClass', region: findString(parameters, 'region'), objects };
}

/**
 * True for a Helm chart's template (Go templates: `{{ .Values.key }}`, no Jinja `{% %}`), which is
 * Helm's business until it is rendered: its manifests get nothing, broken YAML or not.
 */
export function isHelmTemplate(text: string): boolean {
  return text.includes('{{') && !text.includes('{%');
}
