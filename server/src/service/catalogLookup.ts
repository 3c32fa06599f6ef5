// Looks a reference up in the signed-in account's catalog, for the rules that need the account.
// Anything the catalog cannot speak for (another account, a region not loaded yet, a template, the
// /aws/reference pass-through that listings never show) is `unknown`, and no rule reports on it.
import { checkParameterName } from './arn';
import { indexCatalog, resolveReference, type CatalogEntry, type CatalogIndex } from './catalog';
import type { AnalysisOptions } from './options';
import type { SecretReference } from './subjects/subject';
import type { TaskFacts } from './taskFacts';
import { isTemplated } from './template';

/** What a lookup needs: the catalog (in the options) and where the task runs. */
export interface LookupContext {
  options: AnalysisOptions;
  facts: TaskFacts;
}

/** The outcome of looking one reference up. */
export type Lookup =
  | { status: 'unknown' }
  | { status: 'found'; entry: CatalogEntry; index: CatalogIndex; /** A secret ARN without the random suffix. */ partial: boolean }
  | { status: 'missing'; kind: 'secret' | 'parameter'; name: string; index: CatalogIndex };

const UNKNOWN: Lookup = { status: 'unknown' };
/** Per analysis of one subject (its facts object), each reference's lookup. */
const cache = new WeakMap<TaskFacts, Map<SecretReference, Lookup>>();

/** Looks a reference up once per analysis. */
export function lookupReference(ctx: LookupContext, reference: SecretReference): Lookup {
  if (!ctx.options.catalog) return UNKNOWN;
  let lookups = cache.get(ctx.facts);
  if (!lookups) cache.set(ctx.facts, (lookups = new Map()));
  let lookup = lookups.get(reference);
  if (!lookup) lookups.set(reference, (lookup = lookUp(ctx, reference)));
  return lookup;
}

function lookUp(ctx: LookupContext, reference: SecretReference): Lookup {
  const catalog = ctx.options.catalog;
  const { value } = reference;
  if (!catalog || value === '' || isTemplated(value)) return UNKNOWN;
  if (value.startsWith('/aws/reference/') || value.startsWith('/aws/service/')) return UNKNOWN;
  const taskAccount = ctx.facts.account ?? catalog.account;
  const taskRegion = ctx.facts.region ?? catalog.defaultRegion;
  const target = resolveReference(value, reference.place === 'registryCredentials' ? 'secret' : 'parameter', taskRegion, taskAccount);
  if (!target || target.account !== catalog.account) return UNKNOWN;
  const snapshot = catalog.snapshot(target.region);
  if (!snapshot?.complete) return UNKNOWN;
  const index = indexCatalog(snapshot);
  if (target.kind === 'parameter') {
    const entry = index.parameterByName(target.name);
    return entry ? { status: 'found', entry, index, partial: false } : { status: 'missing', kind: 'parameter', name: target.name, index };
  }
  const exact = target.arn ? index.secretByArn(target.arn) : undefined;
  if (exact) return { status: 'found', entry: exact, index, partial: false };
  const byName = index.secretByName(target.name);
  if (byName) return { status: 'found', entry: byName, index, partial: target.arn !== undefined };
  return { status: 'missing', kind: 'secret', name: target.name, index };
}

/**
 * The secret a bare `valueFrom` name was meant to be: ECS looks bare names up in SSM, so a name
 * that is a secret's and no parameter's is a mistake (docs/reference/arns.md#vf-1).
 */
export function secretMeantByName(ctx: LookupContext, reference: SecretReference): CatalogEntry | undefined {
  if (!ctx.options.catalog || reference.place === 'registryCredentials' || reference.value.startsWith('arn:')) return undefined;
  const lookup = lookupReference(ctx, reference);
  return lookup.status === 'missing' ? lookup.index.secretByName(reference.value) : undefined;
}

/** True when a bare name breaks SSM's naming rules but names an existing secret. */
export function isSecretNameInValueFrom(ctx: LookupContext, reference: SecretReference): boolean {
  // The cheap tests first: this runs for every reference of every analysis.
  return secretMeantByName(ctx, reference) !== undefined && checkParameterName(reference.value).length > 0;
}
