// The server's own protocol: what a client may send beyond standard LSP. One place, for every editor.
import type { Settings } from './settings';

/**
 * `initializationOptions` a client may send. Clients that cannot answer `workspace/configuration`
 * pass the `ecsTaskDef` settings here, either as `{ "ecsTaskDef": {...} }` or as the section itself.
 */
export type InitializationOptions = { ecsTaskDef?: Partial<Settings> } | Partial<Settings>;

/** The configuration section the server reads. */
export const CONFIGURATION_SECTION = 'ecsTaskDef';

/** Milliseconds between the last edit and re-analysis. */
export const ANALYSIS_DELAY_MS = 150;
