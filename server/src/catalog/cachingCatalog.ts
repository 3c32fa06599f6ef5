// The account catalog as editors need it: loaded in the background, served synchronously from
// memory (a completion never waits on the network), cached per (profile, account, region) with a
// TTL and refreshed in the background, one load in flight per key, cancelled when no longer needed.
import { formatParameterArn } from '../service/arn';
import type { CatalogAccess, CatalogEntry, CatalogSnapshot } from '../service';
import { CatalogUnavailableError, type AccountCatalog, type CallerIdentity, type CatalogScope } from './accountCatalog';
import type { CatalogStatus } from '../protocol';

export interface CachingCatalogOptions {
  /** How long a loaded region stays fresh. */
  ttlMs: number;
  /** After a failure, how long before loading is tried again by itself (a refresh always retries). */
  retryAfterMs: number;
  now?: () => number;
}

interface RegionState {
  snapshot: CatalogSnapshot;
  loadedAt?: number;
  failedAt?: number;
  error?: CatalogUnavailableError;
  loading?: Promise<void>;
  abort?: AbortController;
}

interface ScopeState {
  identity?: CallerIdentity;
  identityError?: CatalogUnavailableError;
  identityFailedAt?: number;
  identifying?: Promise<CallerIdentity | undefined>;
  abort: AbortController;
}

export class CachingCatalog {
  private readonly scopes = new Map<string, ScopeState>();
  private readonly regions = new Map<string, RegionState>();
  private readonly listeners = new Set<(scope: CatalogScope) => void>();
  private readonly now: () => number;

  constructor(
    private readonly source: AccountCatalog,
    private readonly options: CachingCatalogOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Called whenever a scope's catalog changes: pages arrived, a load finished or failed. */
  onDidChange(listener: (scope: CatalogScope) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * What the analysis core reads: undefined until the account is known. Asking for a region's
   * snapshot starts loading it when it is missing or stale.
   */
  access(scope: CatalogScope): CatalogAccess | undefined {
    const state = this.scopeState(scope);
    const identity = state.identity;
    if (!identity) {
      void this.identify(scope);
      return undefined;
    }
    return {
      account: identity.account,
      defaultRegion: identity.region,
      snapshot: (region) => this.snapshot(scope, identity, region),
    };
  }

  /** Starts loading the scope's default region, if it is not loaded or loading. */
  warmUp(scope: CatalogScope): void {
    this.access(scope)?.snapshot(this.scopeState(scope).identity!.region);
  }

  /** Loads the scope's default region (and any region already asked for) to the end. */
  async load(scope: CatalogScope): Promise<CatalogStatus> {
    const identity = await this.identify(scope, true);
    if (identity) {
      this.snapshot(scope, identity, identity.region);
      await Promise.all([...this.regionStates(scope, identity)].map((s) => s.loading));
    }
    return this.status(scope);
  }

  /** Forgets the scope's identity and lists and loads them again; old data serves until then. */
  async refresh(scope: CatalogScope): Promise<CatalogStatus> {
    const state = this.scopeState(scope);
    state.identity = undefined;
    state.identityError = undefined;
    const previous = new Map(this.regions);
    const identity = await this.identify(scope, true);
    if (identity) {
      for (const [key, region] of previous) {
        if (key.startsWith(this.regionKeyPrefix(scope, identity))) {
          region.loadedAt = 0;
          region.failedAt = undefined;
          this.startLoad(scope, identity, region.snapshot.region, region);
        }
      }
      this.snapshot(scope, identity, identity.region);
      await Promise.all([...this.regionStates(scope, identity)].map((s) => s.loading));
    }
    return this.status(scope);
  }

  /** The state of the scope's default region. */
  status(scope: CatalogScope): CatalogStatus {
    const state = this.scopeState(scope);
    const base = { profile: scope.profile, secrets: 0, parameters: 0 };
    if (state.identityError) return { ...base, state: 'error', message: state.identityError.message, errorKind: state.identityError.kind };
    const identity = state.identity;
    if (!identity) return { ...base, state: 'loading' };
    const region = this.regions.get(this.regionKey(scope, identity, identity.region));
    const counts = {
      account: identity.account,
      region: identity.region,
      secrets: region?.snapshot.secrets.length ?? 0,
      parameters: region?.snapshot.parameters.length ?? 0,
    };
    if (region?.error) return { ...base, ...counts, state: 'error', message: region.error.message, errorKind: region.error.kind };
    return { ...base, ...counts, state: region?.snapshot.complete ? 'ready' : 'loading' };
  }

  /**
   * Cancels the scope's loads in flight (its profile or region is no longer in use). What loaded
   * stays cached; what was cut short loads again when asked for.
   */
  cancel(scope: CatalogScope): void {
    const state = this.scopes.get(this.scopeKey(scope));
    if (!state) return;
    state.abort.abort();
    state.abort = new AbortController();
  }

  /** Cancels every load in flight. */
  dispose(): void {
    for (const state of this.scopes.values()) state.abort.abort();
    for (const region of this.regions.values()) region.abort?.abort();
    this.listeners.clear();
  }

  private scopeKey(scope: CatalogScope): string {
    return `${scope.profile ?? ''}|${scope.region ?? ''}`;
  }

  private regionKeyPrefix(scope: CatalogScope, identity: CallerIdentity): string {
    return `${scope.profile ?? ''}|${identity.account}|`;
  }

  private regionKey(scope: CatalogScope, identity: CallerIdentity, region: string): string {
    return `${this.regionKeyPrefix(scope, identity)}${region}`;
  }

  private *regionStates(scope: CatalogScope, identity: CallerIdentity): Iterable<RegionState> {
    const prefix = this.regionKeyPrefix(scope, identity);
    for (const [key, state] of this.regions) if (key.startsWith(prefix)) yield state;
  }

  private scopeState(scope: CatalogScope): ScopeState {
    const key = this.scopeKey(scope);
    let state = this.scopes.get(key);
    if (!state) this.scopes.set(key, (state = { abort: new AbortController() }));
    return state;
  }

  private identify(scope: CatalogScope, force = false): Promise<CallerIdentity | undefined> {
    const state = this.scopeState(scope);
    if (state.identity) return Promise.resolve(state.identity);
    if (state.identifying) return state.identifying;
    const recentlyFailed = state.identityFailedAt !== undefined && this.now() - state.identityFailedAt < this.options.retryAfterMs;
    if (state.identityError && recentlyFailed && !force) return Promise.resolve(undefined);
    state.identifying = this.source
      .identity(scope, state.abort.signal)
      .then(
        (identity) => {
          state.identity = identity;
          state.identityError = undefined;
          // Signed in: start listing the default region right away.
          this.snapshot(scope, identity, identity.region);
          return identity;
        },
        (error: unknown) => {
          const failure = asCatalogError(error);
          if (failure.kind !== 'aborted') {
            state.identityError = failure;
            state.identityFailedAt = this.now();
          }
          return undefined;
        },
      )
      .finally(() => {
        state.identifying = undefined;
        this.emit(scope);
      });
    return state.identifying;
  }

  private snapshot(scope: CatalogScope, identity: CallerIdentity, region: string): CatalogSnapshot {
    const key = this.regionKey(scope, identity, region);
    let state = this.regions.get(key);
    if (!state) {
      state = { snapshot: emptySnapshot(identity, region) };
      this.regions.set(key, state);
    }
    const now = this.now();
    const stale = state.loadedAt !== undefined && now - state.loadedAt > this.options.ttlMs;
    const never = state.loadedAt === undefined && !state.error;
    const retry = state.error !== undefined && state.failedAt !== undefined && now - state.failedAt > this.options.retryAfterMs;
    if (!state.loading && (never || stale || retry)) this.startLoad(scope, identity, region, state);
    return state.snapshot;
  }

  private startLoad(scope: CatalogScope, identity: CallerIdentity, region: string, state: RegionState): void {
    if (state.loading) return;
    const abort = new AbortController();
    const stop = () => abort.abort();
    this.scopeState(scope).abort.signal.addEventListener('abort', stop, { once: true });
    state.abort = abort;
    const regionScope: CatalogScope = { profile: scope.profile, region };
    // A first load shows each page as it arrives; a refresh keeps serving the old lists until both
    // new ones are complete, then swaps them in at once.
    const firstLoad = state.loadedAt === undefined;
    const fresh = { secrets: [] as CatalogEntry[], parameters: [] as CatalogEntry[] };
    const onPage = (kind: 'secrets' | 'parameters') => (page: CatalogEntry[]) => {
      const entries = page.map((e) => complete(e, identity, region));
      fresh[kind] = fresh[kind].concat(entries);
      if (firstLoad) {
        state.snapshot = { ...state.snapshot, [kind]: fresh[kind], complete: false };
        this.emit(scope);
      }
    };
    const both = Promise.allSettled([
      this.source.list('secret', regionScope, abort.signal, onPage('secrets')),
      this.source.list('parameter', regionScope, abort.signal, onPage('parameters')),
    ]);
    state.loading = both
      .then(([secrets, parameters]) => {
        // Cut short on purpose: nothing to record, and the next request for the region loads it again.
        if (abort.signal.aborted) return;
        const failure = [secrets, parameters].find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failure) {
          // What did load still completes names; nothing is called missing while a list is partial.
          state.error = asCatalogError(failure.reason);
          state.failedAt = this.now();
          if (firstLoad) state.snapshot = { ...state.snapshot, ...fresh, complete: false };
        } else {
          state.error = undefined;
          state.failedAt = undefined;
          state.loadedAt = this.now();
          state.snapshot = { ...emptySnapshot(identity, region), ...fresh, complete: true };
        }
      })
      .finally(() => {
        state.loading = undefined;
        this.scopeState(scope).abort.signal.removeEventListener('abort', stop);
        this.emit(scope);
      });
  }

  private emit(scope: CatalogScope): void {
    for (const listener of this.listeners) listener(scope);
  }
}

function emptySnapshot(identity: CallerIdentity, region: string): CatalogSnapshot {
  return { account: identity.account, region, partition: identity.partition, complete: false, secrets: [], parameters: [] };
}

/** Fills what older API models leave out (a parameter's ARN, the account). */
function complete(entry: CatalogEntry, identity: CallerIdentity, region: string): CatalogEntry {
  if (entry.arn && entry.accountId) return entry;
  const arn =
    entry.arn || (entry.kind === 'parameter' ? formatParameterArn(identity.partition, region, identity.account, entry.name) : entry.arn);
  return { ...entry, arn, accountId: entry.accountId || identity.account };
}

function asCatalogError(error: unknown): CatalogUnavailableError {
  return error instanceof CatalogUnavailableError
    ? error
    : new CatalogUnavailableError('unknown', error instanceof Error ? error.message : String(error));
}
