// The role checks as the hosts run them (docs/roles.md): what IAM said of each role, cached with the
// catalog's TTL and dropped by its refresh, asked in the background so that nothing waits on it.
// The core says what to ask (service roleCheckRequests) and reads the answers (RoleChecksAccess).
// When IAM refuses or fails, the checks go off until the next refresh, with one message.
import { decisionKey, type RoleCheckRequest, type RoleChecksAccess, type RoleDecision, type RoleState } from '../service';
import { CatalogUnavailableError, type CatalogScope } from './accountCatalog';
import type { RoleChecker } from './roleChecker';

interface CachedRole {
  at: number;
  state: RoleState;
  decisions: Map<string, RoleDecision>;
  /** Questions asked or being asked (decision keys with their context). */
  asked: Set<string>;
}

export class RoleChecks {
  private readonly roles = new Map<string, CachedRole>();
  private inFlight = new Map<string, Promise<boolean>>();
  /** Why the checks are off until the next refresh: IAM refused or failed. */
  private off: string | undefined;
  /** Set by dispose: no call to IAM is made after it, not even the next one of a check under way. */
  private disposed = false;

  constructor(
    private readonly checker: () => RoleChecker,
    private readonly ttl: { ttlMs: number },
    /** Told once per failure what went wrong (the log, the CLI's stderr). */
    private readonly report: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Why the role checks are not running; undefined while they are. */
  get unavailable(): string | undefined {
    return this.off;
  }

  /** The answers so far, for the analysis of `account`'s documents. */
  access(account: string): RoleChecksAccess | undefined {
    if (this.off) return undefined;
    return {
      account,
      role: (arn) => {
        const cached = this.roles.get(arn);
        if (!cached) return { status: 'pending' };
        return cached.state.status === 'found' ? { ...cached.state, decisions: cached.decisions } : cached.state;
      },
    };
  }

  /** Asks IAM what it has not been asked within the TTL; resolves true when an answer changed what the analysis sees. */
  async ensure(requests: readonly RoleCheckRequest[], scope: CatalogScope): Promise<boolean> {
    if (this.off || requests.length === 0) return false;
    const results = await Promise.all(requests.map((request) => this.one(request, scope)));
    return results.some(Boolean);
  }

  /** Makes no further call to IAM (the server's shutdown); checks under way end with what they have. */
  dispose(): void {
    this.disposed = true;
  }

  /** Forgets every answer and turns the checks back on (the catalog's refresh command). */
  refresh(): void {
    this.roles.clear();
    this.inFlight = new Map();
    this.off = undefined;
  }

  private one(request: RoleCheckRequest, scope: CatalogScope): Promise<boolean> {
    const key = `${request.arn}\n${request.needs.map((n) => decisionKey(n.action, n.resource)).join('\n')}`;
    let running = this.inFlight.get(key);
    if (!running) {
      running = this.check(request, scope).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, running);
    }
    return running;
  }

  /** The checker for the next call; after dispose, the check stops here. */
  private iam(): RoleChecker {
    if (this.disposed) throw new Disposed();
    return this.checker();
  }

  private async check(request: RoleCheckRequest, scope: CatalogScope): Promise<boolean> {
    let changed = false;
    try {
      let cached = this.roles.get(request.arn);
      if (!cached || this.now() - cached.at >= this.ttl.ttlMs) {
        const role = await this.iam().getRole(request.name, scope);
        let state: RoleState;
        if (role) state = { status: 'found', name: role.name, trustPolicy: role.trustPolicy };
        else {
          // The closest names are a help, not a need: without iam:ListRoles the finding says less.
          const roleNames = await this.iam()
            .listRoleNames(scope)
            .catch(() => undefined);
          state = { status: 'missing', ...(roleNames ? { roleNames } : {}) };
        }
        cached = { at: this.now(), state, decisions: new Map(), asked: new Set() };
        this.roles.set(request.arn, cached);
        changed = true;
      }
      if (cached.state.status !== 'found' || request.which !== 'execution') return changed;
      // As few simulations as IAM allows: one per context (the KMS needs each carry their own), with
      // every action and resource of it; the pairs nobody asked about are ignored.
      const groups = new Map<
        string,
        { actions: Set<string>; resources: Set<string>; context: RoleCheckRequest['needs'][number]['context'] }
      >();
      for (const need of request.needs) {
        const question = `${decisionKey(need.action, need.resource)}\n${JSON.stringify(need.context ?? [])}`;
        if (cached.asked.has(question)) continue;
        cached.asked.add(question);
        const group = JSON.stringify(need.context ?? []);
        const entry = groups.get(group) ?? { actions: new Set<string>(), resources: new Set<string>(), context: need.context };
        entry.actions.add(need.action);
        entry.resources.add(need.resource);
        groups.set(group, entry);
      }
      for (const { actions, resources, context } of groups.values()) {
        const results = await this.iam().simulate(
          request.arn,
          {
            actions: [...actions],
            resources: [...resources],
            ...(context ? { context: context.map((c) => ({ key: c.key, type: 'string' as const, values: c.values })) } : {}),
          },
          scope,
        );
        for (const result of results) {
          cached.decisions.set(decisionKey(result.action, result.resource), {
            decision: result.decision,
            matchedStatements: result.matchedStatements,
            missingContextValues: result.missingContextValues,
          });
        }
        changed = true;
      }
      return changed;
    } catch (error) {
      if (error instanceof Disposed) return false;
      const message = error instanceof CatalogUnavailableError ? error.message : String(error);
      const grant =
        error instanceof CatalogUnavailableError && error.kind === 'access-denied'
          ? ' The read-only policy of the README (docs/roles.md) grants iam:GetRole, iam:ListRoles and iam:SimulatePrincipalPolicy.'
          : '';
      this.off = `The role checks are off until the next refresh: ${message}${grant}`;
      this.report(this.off);
      return true;
    }
  }
}

/** How a check stops at dispose: not a failure of IAM, so the checks do not go off with a message. */
class Disposed extends Error {}
