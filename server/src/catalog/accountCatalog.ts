// The only door to AWS: lists secret and parameter metadata for a profile and region. It never
// reads a secret or parameter value.
import type { CatalogEntry } from '../service';

export type { CatalogEntry } from '../service';

/** Which credentials and region to use; empty fields fall back to the SDK's standard chain. */
export interface CatalogScope {
  /** A profile from the shared config files; undefined for the default chain (AWS_PROFILE, env, SSO, ...). */
  profile?: string;
  /** A region; undefined for the chain's region (AWS_REGION, the profile's region). */
  region?: string;
}

/** Who the credentials belong to. */
export interface CallerIdentity {
  account: string;
  partition: string;
  /** The region the scope resolves to. */
  region: string;
}

/** Lists the metadata of an account's secrets and parameters. */
export interface AccountCatalog {
  /** The account and partition of the scope's credentials, and its region. */
  identity(scope: CatalogScope, signal?: AbortSignal): Promise<CallerIdentity>;
  /** Every secret or parameter of the scope's account and region; `onPage` sees each page as it arrives. */
  list(
    kind: 'secret' | 'parameter',
    scope: CatalogScope,
    signal?: AbortSignal,
    onPage?: (entries: CatalogEntry[]) => void,
  ): Promise<CatalogEntry[]>;
  /** One secret (by ARN or name) or parameter (by name); undefined when it does not exist. */
  find(kind: 'secret' | 'parameter', reference: string, scope: CatalogScope, signal?: AbortSignal): Promise<CatalogEntry | undefined>;
}

/** Why the catalog cannot be had, in words a user can act on. */
export type CatalogErrorKind =
  | 'no-credentials'
  | 'sso-expired'
  | 'expired'
  | 'invalid-credentials'
  | 'no-region'
  | 'access-denied'
  | 'network'
  | 'throttled'
  | 'aborted'
  | 'unknown';

/** A catalog failure: one clear message, never per-line noise. */
export class CatalogUnavailableError extends Error {
  constructor(
    readonly kind: CatalogErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogUnavailableError';
  }
}
