// What the analysis core knows of the user's AWS account: plain data handed in by the host. The
// core never calls AWS; the server loads the catalog in the background and passes what it has.
import { parseParameterArn, parseSecretArn } from './arn';

/** A secret or parameter as listed by Secrets Manager or SSM: metadata only, never a value. */
export interface CatalogEntry {
  kind: 'secret' | 'parameter';
  arn: string;
  /** Secret name, or parameter name as SSM spells it (`/prod/db`, or `db` at the top level). */
  name: string;
  region: string;
  accountId: string;
  description?: string;
  /** When the entry last changed, ISO 8601. */
  lastChanged?: string;
  /** The KMS key as listed; absent for a secret encrypted with the AWS managed key. */
  kmsKeyId?: string;
  /** Secrets: whether rotation is on. */
  rotationEnabled?: boolean;
  /** Parameters: String, StringList or SecureString. */
  parameterType?: 'String' | 'StringList' | 'SecureString';
  /** Parameters: Standard, Advanced or Intelligent-Tiering. */
  tier?: string;
}

/** Everything listed so far for one account and region. */
export interface CatalogSnapshot {
  account: string;
  region: string;
  partition: string;
  /** False while pages are still arriving: absence proves nothing yet. */
  complete: boolean;
  secrets: readonly CatalogEntry[];
  parameters: readonly CatalogEntry[];
}

/** The signed-in account's catalogs, one per region, as far as they have loaded. */
export interface CatalogAccess {
  /** The account the credentials belong to. */
  account: string;
  /** The region of the profile (or setting): where bare names are looked up by default. */
  defaultRegion: string;
  /** The snapshot of a region; asking for a region not loaded yet may start loading it. */
  snapshot(region: string): CatalogSnapshot | undefined;
}

/** Lookups over one snapshot, built once per snapshot. */
export interface CatalogIndex {
  snapshot: CatalogSnapshot;
  /** A secret by its full ARN (any JSON-key tail ignored). */
  secretByArn(arn: string): CatalogEntry | undefined;
  /** A secret by name. */
  secretByName(name: string): CatalogEntry | undefined;
  /** A parameter by name; `/x` and `x` are the same top-level parameter (docs/reference/arns.md#arn-ssm-1). */
  parameterByName(name: string): CatalogEntry | undefined;
  /**
   * Entries (secrets, then parameters) whose lower-case name or ARN contains `needle`, in that order,
   * at most `limit` of them; `secretsOnly` stops before the parameters.
   */
  search(needle: string, limit: number, secretsOnly: boolean): { entries: CatalogEntry[]; truncated: boolean };
  /** An entry by ARN, of either kind. */
  byArn(arn: string): CatalogEntry | undefined;
}

const indexes = new WeakMap<CatalogSnapshot, CatalogIndex>();

/** The index of a snapshot, built on first use. */
export function indexCatalog(snapshot: CatalogSnapshot): CatalogIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    const byArn = new Map<string, CatalogEntry>();
    const byName = new Map<string, CatalogEntry>();
    const parameters = new Map<string, CatalogEntry>();
    for (const secret of snapshot.secrets) {
      byArn.set(secret.arn, secret);
      byName.set(secret.name, secret);
    }
    const parameterArns = new Map<string, CatalogEntry>();
    for (const parameter of snapshot.parameters) {
      parameters.set(normalizeParameterName(parameter.name), parameter);
      parameterArns.set(parameter.arn, parameter);
    }
    let search: SearchText | undefined;
    index = {
      snapshot,
      search: (needle, limit, secretsOnly) => (search ??= searchText(snapshot)).find(needle, limit, secretsOnly),
      byArn: (arn) => byArn.get(arn) ?? parameterArns.get(arn),
      secretByArn: (arn) => {
        const parsed = parseSecretArn(arn);
        return parsed ? byArn.get(arn.slice(0, arn.length - parsed.tail.length)) : undefined;
      },
      secretByName: (name) => byName.get(name),
      parameterByName: (name) => parameters.get(normalizeParameterName(name)),
    };
    indexes.set(snapshot, index);
  }
  return index;
}

/**
 * Every entry's `name\0arn` in lower case, joined into one string: a search is then a few indexOf
 * calls over it (the engine's fast substring search) rather than one test per entry.
 */
interface SearchText {
  find(needle: string, limit: number, secretsOnly: boolean): { entries: CatalogEntry[]; truncated: boolean };
}

function searchText(snapshot: CatalogSnapshot): SearchText {
  const entries = [...snapshot.secrets, ...snapshot.parameters];
  const starts: number[] = [];
  let offset = 0;
  const parts = entries.map((entry) => {
    const part = `${entry.name.toLowerCase()}\0${entry.arn.toLowerCase()}\n`;
    starts.push(offset);
    offset += part.length;
    return part;
  });
  const haystack = parts.join('');
  const entryAt = (position: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return {
    find(needle, limit, secretsOnly) {
      const end = secretsOnly ? snapshot.secrets.length : entries.length;
      const found: CatalogEntry[] = [];
      if (needle === '') {
        return { entries: entries.slice(0, Math.min(end, limit)), truncated: end > limit };
      }
      for (let at = haystack.indexOf(needle); at !== -1;) {
        const i = entryAt(at);
        if (i >= end) break;
        if (found.length === limit) return { entries: found, truncated: true };
        found.push(entries[i]);
        at = i + 1 < starts.length ? haystack.indexOf(needle, starts[i + 1]) : -1;
      }
      return { entries: found, truncated: false };
    },
  };
}

function normalizeParameterName(name: string): string {
  return name.includes('/', 1) ? name : name.replace(/^\//, '');
}

/** Where a reference would be looked up, in the catalog's terms. */
export interface ReferenceTarget {
  kind: 'secret' | 'parameter';
  region: string;
  account: string;
  /** Secret name (as written, maybe with its suffix) or parameter name. */
  name: string;
  /** For a secret ARN: the ARN without any JSON-key tail. */
  arn?: string;
}

/**
 * Where a reference would be looked up: the region and account of its ARN, or for a bare name
 * (a parameter in valueFrom, a secret in registry credentials) the task's region and account.
 */
export function resolveReference(
  value: string,
  bareKind: 'secret' | 'parameter',
  region: string,
  account: string,
): ReferenceTarget | undefined {
  if (!value.startsWith('arn:')) return { kind: bareKind, region, account, name: value };
  const secret = parseSecretArn(value);
  if (secret)
    return {
      kind: 'secret',
      region: secret.region,
      account: secret.account,
      name: secret.nameWithSuffix,
      arn: value.slice(0, value.length - secret.tail.length),
    };
  const parameter = parseParameterArn(value);
  if (parameter) return { kind: 'parameter', region: parameter.region, account: parameter.account, name: parameter.name };
  return undefined;
}
