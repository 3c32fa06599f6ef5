// The account catalog for one lint run: listed to the end before any file is checked, so that
// account-aware findings are the same on every run. Failures are one line on stderr, and the run
// goes on with the offline checks.
import type { CatalogScope } from '../catalog/accountCatalog';
import { LazyAwsCatalog } from '../catalog/lazyAwsCatalog';
import { CachingCatalog } from '../catalog/cachingCatalog';
import type { CatalogAccess } from '../service';

/** The loaded catalog, and a way to load the other regions the files asked for. */
export interface LintCatalog {
  access?: CatalogAccess;
  /** Loads regions first asked for during a pass; true when there were any (so the files are checked again). */
  loadRequestedRegions(): Promise<boolean>;
  dispose(): void;
}

export async function loadCatalog(scope: CatalogScope, log: (line: string) => void): Promise<LintCatalog> {
  // The SDK's notice about future Node.js versions would open every CI log; the README says which
  // Node.js versions are supported.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const catalog = new CachingCatalog(new LazyAwsCatalog(), { ttlMs: Number.POSITIVE_INFINITY, retryAfterMs: Number.POSITIVE_INFINITY });
  const status = await catalog.load(scope);
  if (status.state === 'error' && !status.account) {
    log(`AWS: ${status.message} Checking without the account.`);
    catalog.dispose();
    return { loadRequestedRegions: async () => false, dispose: () => undefined };
  }
  if (status.state === 'error') log(`AWS ${status.account}/${status.region}: ${status.message}`);
  else log(`AWS ${status.account}/${status.region}: ${status.secrets} secrets, ${status.parameters} parameters.`);
  const base = catalog.access(scope)!;
  const loaded = new Set([base.defaultRegion]);
  const requested = new Set<string>();
  const access: CatalogAccess = {
    ...base,
    snapshot: (region) => {
      if (!loaded.has(region)) requested.add(region);
      return base.snapshot(region);
    },
  };
  return {
    access,
    loadRequestedRegions: async () => {
      if (requested.size === 0) return false;
      await catalog.load(scope);
      for (const region of requested) {
        const snapshot = base.snapshot(region);
        const counts = snapshot ? `${snapshot.secrets.length} secrets, ${snapshot.parameters.length} parameters` : 'not listed';
        log(`AWS ${base.account}/${region}: ${counts}${snapshot?.complete ? '' : ' (incomplete)'}.`);
        loaded.add(region);
      }
      requested.clear();
      return true;
    },
    dispose: () => catalog.dispose(),
  };
}
