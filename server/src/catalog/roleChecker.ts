// The door to IAM for the role checks (docs/roles.md): metadata and the policy simulator only. It
// never assumes a role, never reads a value, never writes: iam:GetRole, iam:ListRoles and
// iam:SimulatePrincipalPolicy.
import type { CatalogScope } from './accountCatalog';

/** A role as iam:GetRole returns it, its trust policy decoded from its URL-encoded JSON. */
export interface RoleInfo {
  arn: string;
  name: string;
  /** The AssumeRolePolicyDocument, parsed; undefined when IAM returned none or it does not parse. */
  trustPolicy: unknown;
}

/** A context key the simulator evaluates conditions with (kms:ViaService, kms:EncryptionContext:...). */
export interface ContextEntry {
  key: string;
  type: 'string' | 'stringList';
  values: string[];
}

/** One iam:SimulatePrincipalPolicy question: every action on every resource, with one context. */
export interface SimulationRequest {
  actions: string[];
  resources: string[];
  context?: ContextEntry[];
}

/** The simulator's answer for one action on one resource. */
export interface SimulationResult {
  action: string;
  resource: string;
  decision: 'allowed' | 'implicitDeny' | 'explicitDeny';
  /** The SourcePolicyId of each statement that decided it (MatchedStatements). */
  matchedStatements: string[];
  /** Context keys a condition needed and the request did not give (MissingContextValues). */
  missingContextValues: string[];
}

/** What the role checks ask of IAM. */
export interface RoleChecker {
  /** The role of that name in the scope's account; undefined when it does not exist (NoSuchEntity). */
  getRole(roleName: string, scope: CatalogScope, signal?: AbortSignal): Promise<RoleInfo | undefined>;
  /** The names of every role of the account (paged with Marker/IsTruncated), for "did you mean". */
  listRoleNames(scope: CatalogScope, signal?: AbortSignal): Promise<string[]>;
  /** The simulator's decision for each action × resource, as the role's own policies decide it (paged). */
  simulate(roleArn: string, request: SimulationRequest, scope: CatalogScope, signal?: AbortSignal): Promise<SimulationResult[]>;
}
