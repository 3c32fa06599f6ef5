// AccountCatalog over the AWS SDK v3 clients and the standard credential chain (environment, shared
// config and credentials files, SSO, AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL*). It lists
// metadata only: ListSecrets, DescribeSecret, DescribeParameters and GetCallerIdentity. It never
// calls an operation that returns a secret or parameter value.
import { DescribeSecretCommand, ListSecretsCommand, SecretsManagerClient, type SecretListEntry } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, SSMClient, type ParameterMetadata } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { CatalogEntry } from '../service';
import type { AccountCatalog, CallerIdentity, CatalogScope } from './accountCatalog';
import { describeAwsError } from './awsErrors';

/** Page sizes: the largest each API allows (docs/reference/catalog.md#listsecrets and #describeparameters). */
const SECRETS_PAGE = 100;
const PARAMETERS_PAGE = 50;

/** How the clients behave on a bad day. */
export interface AwsCatalogOptions {
  /** Milliseconds to establish a connection. */
  connectionTimeoutMs: number;
  /** Milliseconds a request may take. */
  requestTimeoutMs: number;
  /** Attempts per call, with the SDK's adaptive retry (backoff, jitter, client-side rate limiting). */
  maxAttempts: number;
}

export const DEFAULT_AWS_CATALOG_OPTIONS: AwsCatalogOptions = { connectionTimeoutMs: 3000, requestTimeoutMs: 10_000, maxAttempts: 4 };

/**
 * The configuration every SDK client of a scope is made with (the catalog's and the role checker's):
 * the scope's profile and region over the standard chain, adaptive retries, bounded timeouts.
 */
export function awsClientConfig(scope: CatalogScope, options: AwsCatalogOptions) {
  return {
    ...(scope.profile ? { profile: scope.profile } : {}),
    ...(scope.region ? { region: scope.region } : {}),
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts,
    // throwOnRequestTimeout: a request past its time fails (by default the handler only warns).
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      socketTimeout: options.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  };
}

interface Clients {
  secrets: SecretsManagerClient;
  ssm: SSMClient;
  sts: STSClient;
}

export class AwsAccountCatalog implements AccountCatalog {
  private readonly clients = new Map<string, Clients>();

  constructor(private readonly options: AwsCatalogOptions = DEFAULT_AWS_CATALOG_OPTIONS) {}

  async identity(scope: CatalogScope, signal?: AbortSignal): Promise<CallerIdentity> {
    const { sts } = this.clientsFor(scope);
    try {
      const region = await sts.config.region();
      const out = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
      const partition = out.Arn?.split(':')[1] ?? 'aws';
      return { account: out.Account!, partition, region };
    } catch (error) {
      throw describeAwsError(error, { profile: scope.profile, action: 'sts:GetCallerIdentity' });
    }
  }

  async list(
    kind: 'secret' | 'parameter',
    scope: CatalogScope,
    signal?: AbortSignal,
    onPage?: (entries: CatalogEntry[]) => void,
  ): Promise<CatalogEntry[]> {
    const all: CatalogEntry[] = [];
    const clients = this.clientsFor(scope);
    const region = await clients.sts.config.region();
    let token: string | undefined;
    try {
      // A page may be empty and still carry a NextToken: only its absence ends the listing.
      do {
        let page: CatalogEntry[];
        if (kind === 'secret') {
          const out = await clients.secrets.send(new ListSecretsCommand({ MaxResults: SECRETS_PAGE, NextToken: token }), {
            abortSignal: signal,
          });
          page = (out.SecretList ?? []).map((s) => secretEntry(s, region));
          token = out.NextToken;
        } else {
          const out = await clients.ssm.send(new DescribeParametersCommand({ MaxResults: PARAMETERS_PAGE, NextToken: token }), {
            abortSignal: signal,
          });
          page = (out.Parameters ?? []).map((p) => parameterEntry(p, region));
          token = out.NextToken;
        }
        all.push(...page);
        onPage?.(page);
      } while (token);
    } catch (error) {
      throw describeAwsError(error, {
        profile: scope.profile,
        action: kind === 'secret' ? 'secretsmanager:ListSecrets' : 'ssm:DescribeParameters',
      });
    }
    return all;
  }

  async find(
    kind: 'secret' | 'parameter',
    reference: string,
    scope: CatalogScope,
    signal?: AbortSignal,
  ): Promise<CatalogEntry | undefined> {
    const clients = this.clientsFor(scope);
    const region = await clients.sts.config.region();
    try {
      if (kind === 'secret') {
        const out = await clients.secrets.send(new DescribeSecretCommand({ SecretId: reference }), { abortSignal: signal });
        return secretEntry(out, region);
      }
      const out = await clients.ssm.send(
        new DescribeParametersCommand({
          ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [reference] }],
          MaxResults: PARAMETERS_PAGE,
        }),
        { abortSignal: signal },
      );
      return out.Parameters?.[0] && parameterEntry(out.Parameters[0], region);
    } catch (error) {
      if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
      throw describeAwsError(error, {
        profile: scope.profile,
        action: kind === 'secret' ? 'secretsmanager:DescribeSecret' : 'ssm:DescribeParameters',
      });
    }
  }

  /** One set of clients per (profile, region): they share connections and the adaptive rate limiter. */
  private clientsFor(scope: CatalogScope): Clients {
    const key = `${scope.profile ?? ''}|${scope.region ?? ''}`;
    let clients = this.clients.get(key);
    if (!clients) {
      const config = awsClientConfig(scope, this.options);
      clients = { secrets: new SecretsManagerClient(config), ssm: new SSMClient(config), sts: new STSClient(config) };
      this.clients.set(key, clients);
    }
    return clients;
  }

  /** Closes every client's connections. */
  dispose(): void {
    for (const { secrets, ssm, sts } of this.clients.values()) {
      secrets.destroy();
      ssm.destroy();
      sts.destroy();
    }
    this.clients.clear();
  }
}

function accountOf(arn: string | undefined): string {
  return arn?.split(':')[4] ?? '';
}

function iso(date: Date | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}

function secretEntry(s: SecretListEntry, region: string): CatalogEntry {
  return {
    kind: 'secret',
    arn: s.ARN ?? '',
    name: s.Name ?? '',
    region: s.ARN?.split(':')[3] || region,
    accountId: accountOf(s.ARN),
    description: s.Description || undefined,
    lastChanged: iso(s.LastChangedDate ?? s.CreatedDate),
    kmsKeyId: s.KmsKeyId || undefined,
    rotationEnabled: s.RotationEnabled ?? false,
  };
}

function parameterEntry(p: ParameterMetadata, region: string): CatalogEntry {
  // Older models have no ARN in DescribeParameters; the ARN of a name is well defined (docs/reference/arns.md#arn-ssm-1).
  const arn = p.ARN ?? '';
  return {
    kind: 'parameter',
    arn,
    name: p.Name ?? '',
    region: arn.split(':')[3] || region,
    accountId: accountOf(arn),
    description: p.Description || undefined,
    lastChanged: iso(p.LastModifiedDate),
    kmsKeyId: p.KeyId || undefined,
    parameterType: p.Type as CatalogEntry['parameterType'],
    tier: p.Tier,
  };
}
