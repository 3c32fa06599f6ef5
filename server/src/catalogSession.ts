// The account catalog as the language server runs it: which scope each document's settings choose,
// workspace trust, the status notification, and when open documents need a second look.
import type { Connection } from 'vscode-languageserver';
import type { CatalogScope } from './catalog/accountCatalog';
import type { CachingCatalog } from './catalog/cachingCatalog';
import type { CatalogStatus } from './protocol';
import { CATALOG_STATUS_NOTIFICATION } from './protocol';
import type { CatalogAccess } from './service';
import { catalogScope, type Settings } from './settings';

/** At most one status notification per this many milliseconds while pages arrive. */
const STATUS_INTERVAL_MS = 250;

export class CatalogSession {
  /** False in an untrusted workspace: no AWS call is made until the client says otherwise. */
  trusted = true;
  private activeScope: CatalogScope | undefined;
  /** The key of the scope last reported; null before the first report. */
  private activeKey: string | null = null;
  private lastStatus = '';
  private lastState = new Map<string, string>();
  private lastError = '';
  private statusTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly catalog: CachingCatalog,
    private readonly ttl: { ttlMs: number },
    /** Called when findings may change: a list completed, failed, or was refreshed. */
    private readonly onCatalogSettled: () => void,
    /** Why the role checks are off, if they are (catalog/roleChecks.ts). */
    private readonly roleChecksOff: () => string | undefined = () => undefined,
  ) {
    catalog.onDidChange((scope) => this.changed(scope));
  }

  /** The catalog for a document's settings; undefined when AWS is off, untrusted, or not signed in yet. */
  access(settings: Settings): CatalogAccess | undefined {
    const scope = catalogScope(settings, this.trusted);
    this.ttl.ttlMs = settings.aws.cacheTtlSeconds * 1000;
    if (!scope) {
      this.setActive(undefined);
      return undefined;
    }
    this.setActive(scope);
    const access = this.catalog.access(scope);
    access?.snapshot(access.defaultRegion);
    return access;
  }

  /** Lists everything again for the active scope; resolves with its status. */
  async refresh(): Promise<CatalogStatus> {
    if (!this.activeScope) return this.publishStatus(true);
    await this.catalog.refresh(this.activeScope);
    this.onCatalogSettled();
    return this.publishStatus(true);
  }

  /** Sends the status again: something beside the catalog changed (the role checks went off). */
  republish(): void {
    this.publishStatus(false);
  }

  dispose(): void {
    clearTimeout(this.statusTimer);
    this.catalog.dispose();
  }

  private setActive(scope: CatalogScope | undefined): void {
    if (this.activeKey === key(scope)) return;
    // A profile or region no longer in use needs no more requests.
    if (this.activeScope) this.catalog.cancel(this.activeScope);
    this.activeKey = key(scope);
    this.activeScope = scope;
    this.publishStatus(true);
  }

  private changed(scope: CatalogScope): void {
    const status = this.catalog.status(scope);
    const state = `${status.state}:${status.message ?? ''}`;
    if (this.lastState.get(key(scope)) !== state) {
      this.lastState.set(key(scope), state);
      if (status.state !== 'loading') this.onCatalogSettled();
    }
    if (key(scope) !== key(this.activeScope)) return;
    if (status.state === 'loading') {
      this.statusTimer ??= setTimeout(() => {
        this.statusTimer = undefined;
        this.publishStatus(false);
      }, STATUS_INTERVAL_MS);
    } else {
      this.publishStatus(false);
    }
  }

  private publishStatus(force: boolean): CatalogStatus {
    const off = this.roleChecksOff();
    const status: CatalogStatus = this.activeScope
      ? { ...this.catalog.status(this.activeScope), ...(off ? { roleChecks: 'off' as const, roleChecksMessage: off } : {}) }
      : { state: 'disabled', secrets: 0, parameters: 0 };
    const serialized = JSON.stringify(status);
    if (force || serialized !== this.lastStatus) {
      this.lastStatus = serialized;
      void this.connection.sendNotification(CATALOG_STATUS_NOTIFICATION, status);
    }
    // Each distinct failure is logged once; the status carries it for as long as it lasts.
    if (status.state === 'error' && status.message !== this.lastError) {
      this.lastError = status.message ?? '';
      this.connection.console.warn(`AWS catalog: ${status.message}`);
    }
    return status;
  }
}

function key(scope: CatalogScope | undefined): string {
  return scope ? `${scope.profile ?? ''}|${scope.region ?? ''}` : 'disabled';
}
