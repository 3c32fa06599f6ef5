// RoleChecker over the AWS SDK v3 IAM client and the standard credential chain, with the clients'
// options of AwsAccountCatalog. It calls iam:GetRole, iam:ListRoles and iam:SimulatePrincipalPolicy
// and nothing else: it never assumes a role, reads a value or writes.
import {
  GetRoleCommand,
  IAMClient,
  ListRolesCommand,
  SimulatePrincipalPolicyCommand,
  type EvaluationResult,
  type Statement,
} from '@aws-sdk/client-iam';
import type { CatalogScope } from './accountCatalog';
import { awsClientConfig, DEFAULT_AWS_CATALOG_OPTIONS, type AwsCatalogOptions } from './awsAccountCatalog';
import { describeAwsError } from './awsErrors';
import type { ContextEntry, RoleChecker, RoleInfo, SimulationRequest, SimulationResult } from './roleChecker';

/** The clients' options, and page sizes (the largest IAM allows by default; tests make them small). */
export interface AwsRoleCheckerOptions extends AwsCatalogOptions {
  /** MaxItems of each ListRoles page, 1 to 1000. */
  listRolesPageSize?: number;
  /** MaxItems of each SimulatePrincipalPolicy page, 1 to 1000. */
  simulationPageSize?: number;
}

const MAX_ITEMS = 1000;

/**
 * IAM is global: each partition has one endpoint, signed for one region (IAM's endpoint rules). The
 * client is given that region, so that a custom endpoint (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_IAM)
 * is signed as IAM itself would be, whatever region the scope works in.
 */
const IAM_SIGNING_REGIONS: [RegExp, string][] = [
  [/^cn-/, 'cn-north-1'],
  [/^us-gov-/, 'us-gov-west-1'],
  [/^us-isob-/, 'us-isob-east-1'],
  [/^us-isof-/, 'us-isof-south-1'],
  [/^us-iso-/, 'us-iso-east-1'],
  [/^eu-isoe-/, 'eu-isoe-west-1'],
  [/^eusc-/, 'eusc-de-east-1'],
];

/** The region IAM is signed for in the partition of `region` (us-east-1 for the aws partition, or with no region). */
export function iamSigningRegion(region: string | undefined): string {
  return IAM_SIGNING_REGIONS.find(([pattern]) => region && pattern.test(region))?.[1] ?? 'us-east-1';
}

const DECISIONS = new Set<SimulationResult['decision']>(['allowed', 'implicitDeny', 'explicitDeny']);

export class AwsRoleChecker implements RoleChecker {
  private readonly clients = new Map<string, IAMClient>();

  constructor(private readonly options: AwsRoleCheckerOptions = DEFAULT_AWS_CATALOG_OPTIONS) {}

  async getRole(roleName: string, scope: CatalogScope, signal?: AbortSignal): Promise<RoleInfo | undefined> {
    try {
      const out = await this.clientFor(scope).send(new GetRoleCommand({ RoleName: roleName }), { abortSignal: signal });
      const role = out.Role;
      if (!role) return undefined;
      return { arn: role.Arn ?? '', name: role.RoleName ?? roleName, trustPolicy: decodePolicy(role.AssumeRolePolicyDocument) };
    } catch (error) {
      if (isNoSuchEntity(error)) return undefined;
      throw describeAwsError(error, { profile: scope.profile, action: 'iam:GetRole' });
    }
  }

  async listRoleNames(scope: CatalogScope, signal?: AbortSignal): Promise<string[]> {
    const iam = this.clientFor(scope);
    const names: string[] = [];
    let marker: string | undefined;
    try {
      do {
        const out = await iam.send(new ListRolesCommand({ MaxItems: this.options.listRolesPageSize ?? MAX_ITEMS, Marker: marker }), {
          abortSignal: signal,
        });
        for (const role of out.Roles ?? []) if (role.RoleName) names.push(role.RoleName);
        marker = out.IsTruncated ? out.Marker : undefined;
      } while (marker);
    } catch (error) {
      throw describeAwsError(error, { profile: scope.profile, action: 'iam:ListRoles' });
    }
    return names;
  }

  async simulate(roleArn: string, request: SimulationRequest, scope: CatalogScope, signal?: AbortSignal): Promise<SimulationResult[]> {
    const iam = this.clientFor(scope);
    const results: SimulationResult[] = [];
    let marker: string | undefined;
    try {
      do {
        const out = await iam.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: roleArn,
            ActionNames: request.actions,
            // Empty lists are left out: IAM simulates on "*" without resources, and with no context.
            ...(request.resources.length ? { ResourceArns: request.resources } : {}),
            ...(request.context?.length ? { ContextEntries: request.context.map(contextEntry) } : {}),
            MaxItems: this.options.simulationPageSize ?? MAX_ITEMS,
            Marker: marker,
          }),
          { abortSignal: signal },
        );
        for (const result of out.EvaluationResults ?? []) results.push(...flatten(result));
        marker = out.IsTruncated ? out.Marker : undefined;
      } while (marker);
    } catch (error) {
      throw describeAwsError(error, { profile: scope.profile, action: 'iam:SimulatePrincipalPolicy' });
    }
    return results;
  }

  /** One client per (profile, region), as AwsAccountCatalog has; it shares connections and the rate limiter. */
  private clientFor(scope: CatalogScope): IAMClient {
    const key = `${scope.profile ?? ''}|${scope.region ?? ''}`;
    let client = this.clients.get(key);
    if (!client) {
      const config = awsClientConfig(scope, this.options);
      // The scope's region as the standard chain finds it (the scope, AWS_REGION, the profile), only
      // to know the partition; this client never sends. No region at all is the aws partition.
      const chain = new IAMClient(config);
      let signing: Promise<string> | undefined;
      const region = () =>
        (signing ??= chain.config.region().then(
          (found) => iamSigningRegion(found),
          () => iamSigningRegion(undefined),
        ));
      client = new IAMClient({ ...config, region });
      this.clients.set(key, client);
    }
    return client;
  }

  /** Closes every client's connections. */
  dispose(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}

function isNoSuchEntity(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'NoSuchEntityException' || name === 'NoSuchEntity';
}

/** IAM returns policy documents URL-encoded (RFC 3986) JSON. */
function decodePolicy(document: string | undefined): unknown {
  if (!document) return undefined;
  try {
    return JSON.parse(decodeURIComponent(document)) as unknown;
  } catch {
    return undefined;
  }
}

function contextEntry(entry: ContextEntry) {
  return { ContextKeyName: entry.key, ContextKeyType: entry.type, ContextKeyValues: entry.values };
}

function decision(value: string | undefined): SimulationResult['decision'] {
  // Anything else IAM might add one day is not an allow.
  return DECISIONS.has(value as SimulationResult['decision']) ? (value as SimulationResult['decision']) : 'implicitDeny';
}

function statements(matched: Statement[] | undefined): string[] {
  return (matched ?? []).flatMap((s) => (s.SourcePolicyId ? [s.SourcePolicyId] : []));
}

/** One result per resource: those of ResourceSpecificResults when IAM gives them, else the action's own. */
function flatten(result: EvaluationResult): SimulationResult[] {
  const action = result.EvalActionName ?? '';
  if (result.ResourceSpecificResults?.length) {
    return result.ResourceSpecificResults.map((r) => ({
      action,
      resource: r.EvalResourceName ?? '*',
      decision: decision(r.EvalResourceDecision),
      matchedStatements: statements(r.MatchedStatements),
      missingContextValues: r.MissingContextValues ?? [],
    }));
  }
  return [
    {
      action,
      resource: result.EvalResourceName ?? '*',
      decision: decision(result.EvalDecision),
      matchedStatements: statements(result.MatchedStatements),
      missingContextValues: result.MissingContextValues ?? [],
    },
  ];
}
