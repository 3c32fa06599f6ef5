// The AWS catalog as server.js and lint.js hold it: nothing of the AWS SDK is loaded until the first
// call, which requires aws.js, the separate bundle beside them (esbuild.mjs). Start-up and every run
// offline go without the SDK's 400 KB of minified code.
import { join } from 'node:path';
import { CatalogUnavailableError, type AccountCatalog, type CallerIdentity, type CatalogEntry, type CatalogScope } from './accountCatalog';
import type * as AwsBundle from './awsBundle';
import type { RoleChecker, RoleInfo, SimulationRequest, SimulationResult } from './roleChecker';

/** What aws.js exports. */
export type AwsBundleExports = typeof AwsBundle;

/** Loads aws.js from beside the running bundle. */
export function requireAwsBundle(): AwsBundleExports {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, found by path when first needed
  return require(join(__dirname, 'aws.js')) as AwsBundleExports;
}

let defaultLoad: () => AwsBundleExports = requireAwsBundle;

/**
 * How the catalogs made from now on load aws.js. Run from source, as the CLI suites run it in
 * mutation runs (test/helpers/lintRun.ts), there is no aws.js: its source module stands in.
 */
export function setAwsBundleLoader(load: () => AwsBundleExports): void {
  defaultLoad = load;
}

/** The AWS-backed AccountCatalog, loaded on its first call; tests may replace how aws.js is loaded. */
export class LazyAwsCatalog implements AccountCatalog {
  private loaded: Promise<AccountCatalog> | undefined;

  constructor(private readonly load: () => AwsBundleExports = defaultLoad) {}

  identity(scope: CatalogScope, signal?: AbortSignal): Promise<CallerIdentity> {
    return this.call((catalog) => catalog.identity(scope, signal));
  }

  list(
    kind: 'secret' | 'parameter',
    scope: CatalogScope,
    signal?: AbortSignal,
    onPage?: (entries: CatalogEntry[]) => void,
  ): Promise<CatalogEntry[]> {
    return this.call((catalog) => catalog.list(kind, scope, signal, onPage));
  }

  find(kind: 'secret' | 'parameter', reference: string, scope: CatalogScope, signal?: AbortSignal): Promise<CatalogEntry | undefined> {
    return this.call((catalog) => catalog.find(kind, reference, scope, signal));
  }

  private async call<T>(fn: (catalog: AccountCatalog) => Promise<T>): Promise<T> {
    const catalog = await (this.loaded ??= this.catalog());
    try {
      return await fn(catalog);
    } catch (error) {
      throw ownError(error);
    }
  }

  private async catalog(): Promise<AccountCatalog> {
    try {
      return this.load().createAwsAccountCatalog();
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new CatalogUnavailableError('unknown', `The AWS support cannot be loaded (${reason}); reinstall, or work offline.`);
    }
  }
}

/**
 * aws.js has its own copy of CatalogUnavailableError: its failures are made this bundle's again, so
 * that their kind survives `instanceof` (CachingCatalog turns anything else into 'unknown').
 */
function ownError(error: unknown): unknown {
  if (error instanceof CatalogUnavailableError || !(error instanceof Error) || error.name !== 'CatalogUnavailableError') return error;
  return new CatalogUnavailableError((error as CatalogUnavailableError).kind, error.message);
}

/** The IAM side of aws.js for the role checks, loaded on its first call like the catalog. */
export class LazyAwsRoleChecker implements RoleChecker {
  private loaded: RoleChecker | undefined;

  constructor(private readonly load: () => AwsBundleExports = defaultLoad) {}

  getRole(roleName: string, scope: CatalogScope, signal?: AbortSignal): Promise<RoleInfo | undefined> {
    return this.call((checker) => checker.getRole(roleName, scope, signal));
  }

  listRoleNames(scope: CatalogScope, signal?: AbortSignal): Promise<string[]> {
    return this.call((checker) => checker.listRoleNames(scope, signal));
  }

  simulate(roleArn: string, request: SimulationRequest, scope: CatalogScope, signal?: AbortSignal): Promise<SimulationResult[]> {
    return this.call((checker) => checker.simulate(roleArn, request, scope, signal));
  }

  private async call<T>(fn: (checker: RoleChecker) => Promise<T>): Promise<T> {
    let checker: RoleChecker;
    try {
      checker = this.loaded ??= this.load().createAwsRoleChecker();
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new CatalogUnavailableError('unknown', `The AWS support cannot be loaded (${reason}); reinstall, or work offline.`);
    }
    try {
      return await fn(checker);
    } catch (error) {
      throw ownError(error);
    }
  }
}
