// Looks the keys of Kubernetes manifests up in the signed-in account's catalog, for the rules, hover
// and completion of ExternalSecrets and SecretProviderClasses. A key is a secret name, a parameter
// name or path, or an ARN of either; which service it is read from is the store's (ESO) or the
// object's `objectType` (CSI). As for task definitions (catalogLookup.ts), whatever the catalog
// cannot speak for is `unknown`, and nothing is reported on it.
import { isRegion, parseArn, parseSecretArn } from './arn';
import { indexCatalog, type CatalogEntry, type CatalogIndex } from './catalog';
import type { AnalysisOptions } from './options';
import { storeRefOf, type StoreModel, type StoreRef, type StoreService } from './subjects/kubernetes';
import { findString, findValue, nodeAtPath } from './document/navigate';
import type { TaskDefinitionModel } from './model';
import type { DocNode } from './document/node';
import type { Subject } from './subjects/subject';
import { isTemplated } from './template';

export type KeyKind = 'secret' | 'parameter';

/** The catalog kind a store's service lists. */
export function kindOfService(service: StoreService): KeyKind {
  return service === 'SecretsManager' ? 'secret' : 'parameter';
}

/** The CSI driver's `objectType` values and what they name (secrets-store-csi-driver-provider-aws README). */
export const OBJECT_TYPES: Readonly<Record<string, KeyKind>> = { secretsmanager: 'secret', ssmparameter: 'parameter' };

/** The outcome of looking one key up in one kind of the catalog. */
export type KeyLookup =
  | { status: 'unknown' }
  | { status: 'found'; entry: CatalogEntry; index: CatalogIndex }
  | { status: 'missing'; kind: KeyKind; name: string; index: CatalogIndex };

const UNKNOWN: KeyLookup = { status: 'unknown' };

/**
 * Looks `key` up as a `kind` in `region` (the default region when none is given). An ARN is looked
 * up in its own service, region and account; one of another account is unknown.
 */
export function lookupKey(options: AnalysisOptions, kind: KeyKind, region: string | undefined, key: string): KeyLookup {
  const catalog = options.catalog;
  if (!catalog || key === '' || isTemplated(key)) return UNKNOWN;
  let name = key;
  let where = region && isRegion(region) ? region : region === undefined ? catalog.defaultRegion : undefined;
  if (key.startsWith('arn:')) {
    const arn = parseArn(key);
    const service = arn?.service === 'secretsmanager' ? 'secret' : arn?.service === 'ssm' ? 'parameter' : undefined;
    if (!arn || service !== kind || arn.account !== catalog.account || !isRegion(arn.region)) return UNKNOWN;
    // The operator and the CSI provider ask the store's (or class's) region, whatever the ARN says.
    where = where ?? arn.region;
    if (kind === 'parameter') {
      // A malformed ARN (`parameter:/x`) is arn-malformed's: it names nothing to look up.
      if (!arn.resource.startsWith('parameter/')) return UNKNOWN;
      name = arn.resource.slice('parameter'.length);
    } else {
      const exact = parseSecretArn(key);
      if (!exact) return UNKNOWN;
      const snapshot = catalog.snapshot(where);
      if (!snapshot?.complete) return UNKNOWN;
      const index = indexCatalog(snapshot);
      const entry = index.secretByArn(key) ?? index.secretByName(exact.nameWithSuffix.replace(/-[A-Za-z0-9]{6}$/, ''));
      return entry ? { status: 'found', entry, index } : { status: 'missing', kind, name: exact.nameWithSuffix, index };
    }
  }
  if (!where) return UNKNOWN;
  const snapshot = catalog.snapshot(where);
  if (!snapshot?.complete) return UNKNOWN;
  const index = indexCatalog(snapshot);
  const entry = kind === 'secret' ? index.secretByName(name) : index.parameterByName(name);
  return entry ? { status: 'found', entry, index } : { status: 'missing', kind, name, index };
}

/** The stores an ExternalSecret may name: those of its own file and those the host found in the workspace. */
export function knownStores(model: TaskDefinitionModel, options: AnalysisOptions): StoreModel[] {
  const own = model.subjects.flatMap((s) => (s.kubernetes?.kind === 'store' ? [s.kubernetes.store] : []));
  return [...own, ...(options.kubernetesStores ?? [])];
}

/** The store a reference names, or undefined when none of the known ones (or more than one) is it. */
export function resolveStore(ref: StoreRef, stores: readonly StoreModel[], namespace: string | undefined): StoreModel | undefined {
  const named = stores.filter((s) => s.kind === ref.kind && s.name === ref.name);
  // A SecretStore is namespaced: one in the ExternalSecret's own namespace wins.
  const candidates =
    ref.kind === 'SecretStore' && namespace && named.length > 1
      ? named.filter((s) => s.namespace === undefined || s.namespace === namespace)
      : named;
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** One key of a Kubernetes subject with what decides where it is read: its kind and region, when known. */
export interface ManifestKey {
  node: DocNode;
  key: string;
  /** Secrets Manager or Parameter Store; undefined when the store (or objectType) is not known. */
  kind?: KeyKind;
  /** Where it is read; undefined for the catalog's default region. */
  region?: string;
  /** ESO: the store the key is read through, when it is known. */
  store?: StoreModel;
  storeRef?: StoreRef;
  /** ESO: `version`, when given. */
  version?: DocNode;
}

/** The keys of an ExternalSecret or a SecretProviderClass, each with where it is read. */
export function manifestKeys(subject: Subject, model: TaskDefinitionModel, options: AnalysisOptions): ManifestKey[] {
  const manifest = subject.kubernetes;
  if (manifest?.kind === 'externalSecret') {
    const stores = knownStores(model, options);
    return manifest.keys.map((k) => {
      const store = resolveStore(k.store, stores, manifest.namespace);
      // With a store `prefix` the key is not the name looked up: judged by nothing but its grammar.
      const kind = store?.prefix ? undefined : (arnKind(k.key) ?? (store?.service ? kindOfService(store.service) : undefined));
      return { node: k.node, key: k.key, kind, region: store?.region, store, storeRef: k.store, version: k.version };
    });
  }
  if (manifest?.kind === 'providerClass') {
    return manifest.objects.map((o) => ({
      node: o.node,
      key: o.name,
      kind: arnKind(o.name) ?? (o.type ? OBJECT_TYPES[o.type] : undefined),
      region: manifest.region,
    }));
  }
  return [];
}

/** The kind an ARN names, if the key is an ARN of Secrets Manager or SSM. */
export function arnKind(key: string): KeyKind | undefined {
  if (!key.startsWith('arn:')) return undefined;
  const service = parseArn(key)?.service;
  return service === 'secretsmanager' ? 'secret' : service === 'ssm' ? 'parameter' : undefined;
}

/**
 * What is read from a key slot at `path` (the cursor's, in host names from the root): an
 * ExternalSecret's `remoteRef.key` / `extract.key`, a SecretProviderClass object's `objectName`.
 * Undefined elsewhere; `kind` undefined when the store or objectType does not say.
 */
export function manifestSlotAt(
  subject: Subject,
  model: TaskDefinitionModel,
  options: AnalysisOptions,
  path: readonly (string | number)[],
): { kind?: KeyKind; region?: string } | undefined {
  const manifest = subject.kubernetes;
  const n = path.length;
  if (manifest?.kind === 'externalSecret' && path[n - 1] === 'key' && typeof path[n - 3] === 'number') {
    const holder = path[n - 2];
    if (!((holder === 'remoteRef' && path[n - 4] === 'data') || (holder === 'extract' && path[n - 4] === 'dataFrom'))) return undefined;
    const entry = nodeAtPath(subject.root, path.slice(0, n - 2));
    const ref = storeRefOf(findValue(findValue(entry, 'sourceRef'), 'storeRef')) ?? manifest.store;
    const store = resolveStore(ref, knownStores(model, options), manifest.namespace);
    return { kind: store?.service ? kindOfService(store.service) : undefined, region: store?.region };
  }
  if (manifest?.kind === 'providerClass' && path[n - 1] === 'objectName' && typeof path[n - 2] === 'number' && path[n - 3] === 'objects') {
    const type = findString(nodeAtPath(subject.root, path.slice(0, n - 1)), 'objectType');
    return { kind: type ? OBJECT_TYPES[type] : undefined, region: manifest.region };
  }
  return undefined;
}
