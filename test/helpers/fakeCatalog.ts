// An in-memory catalog for tests of the pure core: what the server would hand over once the
// account's lists have loaded.
import type { CatalogAccess, CatalogEntry, CatalogSnapshot } from '../../server/src/service';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';

/** A secret entry with a fixed suffix derived from the name. */
export function secret(name: string, extra: Partial<CatalogEntry> = {}, region = REGION): CatalogEntry {
  const suffix = extra.arn ? '' : `-${(name.replace(/[^A-Za-z0-9]/g, '') + 'Abcdef').slice(0, 6)}`;
  return {
    kind: 'secret',
    name,
    region,
    accountId: ACCOUNT,
    arn: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${name}${suffix}`,
    rotationEnabled: false,
    ...extra,
  };
}

/** A parameter entry. */
export function parameter(name: string, extra: Partial<CatalogEntry> = {}, region = REGION): CatalogEntry {
  return {
    kind: 'parameter',
    name,
    region,
    accountId: ACCOUNT,
    arn: `arn:aws:ssm:${region}:${ACCOUNT}:parameter/${name.replace(/^\//, '')}`,
    parameterType: 'SecureString',
    ...extra,
  };
}

/** A catalog whose default region has these entries; other regions are not loaded (or given). */
export function fakeCatalog(
  entries: CatalogEntry[],
  options: { complete?: boolean; regions?: Record<string, CatalogEntry[]> } = {},
): CatalogAccess & { asked: string[] } {
  const asked: string[] = [];
  const snapshots = new Map<string, CatalogSnapshot>();
  const make = (region: string, list: CatalogEntry[]): CatalogSnapshot => ({
    account: ACCOUNT,
    region,
    partition: 'aws',
    complete: options.complete ?? true,
    secrets: list.filter((e) => e.kind === 'secret'),
    parameters: list.filter((e) => e.kind === 'parameter'),
  });
  snapshots.set(REGION, make(REGION, entries));
  for (const [region, list] of Object.entries(options.regions ?? {})) snapshots.set(region, make(region, list));
  return {
    account: ACCOUNT,
    defaultRegion: REGION,
    asked,
    snapshot: (region) => {
      asked.push(region);
      return snapshots.get(region);
    },
  };
}
