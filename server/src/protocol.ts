// The server's own protocol: what a client may send or receive beyond standard LSP. One place, for
// every editor; docs/protocol.md describes it for other clients.
import type { Settings } from './settings';

/**
 * `initializationOptions` a client may send. Clients that cannot answer `workspace/configuration`
 * pass the `ecsTaskDef` settings here, either as `{ "ecsTaskDef": {...} }` or as the section itself.
 * `workspaceTrusted: false` (VS Code's restricted mode) turns every AWS call off until the client
 * sends `ecsTaskDef/workspaceTrusted`.
 */
export type InitializationOptions = ({ ecsTaskDef?: Partial<Settings> } | Partial<Settings>) & { workspaceTrusted?: boolean };

/** The configuration section the server reads. */
export const CONFIGURATION_SECTION = 'ecsTaskDef';

/** Milliseconds between the last edit and re-analysis. */
export const ANALYSIS_DELAY_MS = 150;

/** Server → client notification: the account catalog's state changed (loading with counts, ready, error, disabled). */
export const CATALOG_STATUS_NOTIFICATION = 'ecsTaskDef/catalogStatus';

/**
 * The payload of `ecsTaskDef/catalogStatus`: the catalog's state for the scope of the active
 * documents, as the status bar and the CLI show it. The VS Code client imports this type too.
 */
export interface CatalogStatus {
  state: 'disabled' | 'loading' | 'ready' | 'error';
  profile?: string;
  account?: string;
  region?: string;
  secrets: number;
  parameters: number;
  /** What went wrong, in words a user can act on. */
  message?: string;
  errorKind?: string;
  /** Set when the role checks (docs/roles.md) are off because IAM refused or failed, with why; absent while they run. */
  roleChecks?: 'off';
  roleChecksMessage?: string;
}
export type CatalogStatusParams = CatalogStatus;

/** Client → server notification: the user trusted the workspace; AWS calls may start. */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'ecsTaskDef/workspaceTrusted';

/**
 * `workspace/executeCommand` with a WorkspaceEdit: applies it through `workspace/applyEdit`. Quick
 * fixes reach clients without CodeAction literal support as this command.
 */
export const APPLY_EDIT_COMMAND = 'ecsTaskDef.applyEdit';

/** Client → server request, no parameters: the server's memory (`rss`, `heapUsed`, `heapTotal` in bytes), open documents and uptime, for troubleshooting and the benchmark. */
export const SERVER_STATS_REQUEST = 'ecsTaskDef/serverStats';

/** `workspace/executeCommand`: list secrets and parameters again and re-check open documents. Returns the CatalogStatusParams. */
export const REFRESH_CATALOG_COMMAND = 'ecsTaskDef.refreshCatalog';

/**
 * `workspace/executeCommand` with the document's URI: the least-privilege IAM policy of its execution
 * role. Returns `{ policy, notes, text }` (`text` is the policy as indented JSON), or null.
 */
export { GENERATE_POLICY_COMMAND } from './service';
