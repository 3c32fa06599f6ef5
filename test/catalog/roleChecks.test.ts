// The hosts' role checks over a RoleChecker of our own (the IAM door itself is tested against the
// local endpoint in awsRoleChecker.test.ts): what is asked, how often, and what the core then reads.
import { describe, expect, it } from 'vitest';
import { CatalogUnavailableError } from '../../server/src/catalog/accountCatalog';
import type { RoleChecker, SimulationRequest } from '../../server/src/catalog/roleChecker';
import { RoleChecks } from '../../server/src/catalog/roleChecks';
import type { RoleCheckRequest } from '../../server/src/service';

const ARN = 'arn:aws:iam::111122223333:role/exec';
const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf';
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const request: RoleCheckRequest = {
  which: 'execution',
  arn: ARN,
  name: 'exec',
  needs: [
    { action: 'secretsmanager:GetSecretValue', resource: SECRET },
    {
      action: 'kms:Decrypt',
      resource: KEY,
      context: [
        { key: 'kms:ViaService', values: ['secretsmanager.eu-west-1.amazonaws.com'] },
        { key: 'kms:EncryptionContext:SecretARN', values: [SECRET] },
      ],
    },
  ],
};

function checker(fail?: Error) {
  const calls: string[] = [];
  const simulations: SimulationRequest[] = [];
  const impl: RoleChecker = {
    getRole: async (name) => {
      calls.push(`GetRole ${name}`);
      if (fail) throw fail;
      return { arn: ARN, name, trustPolicy: {} };
    },
    listRoleNames: async () => (calls.push('ListRoles'), []),
    simulate: async (_arn, simulation) => {
      calls.push('Simulate');
      simulations.push(simulation);
      return simulation.actions.flatMap((action) =>
        simulation.resources.map((resource) => ({
          action,
          resource,
          decision: action === 'kms:Decrypt' ? ('implicitDeny' as const) : ('allowed' as const),
          matchedStatements: [],
          missingContextValues: [],
        })),
      );
    },
  };
  return { impl, calls, simulations };
}

describe('RoleChecks', () => {
  it('asks once per role and question within the TTL, one simulation per context, and hands the decisions over', async () => {
    const { impl, calls, simulations } = checker();
    let now = 0;
    const checks = new RoleChecks(
      () => impl,
      { ttlMs: 1000 },
      () => {},
      () => now,
    );
    expect(await checks.ensure([request], {})).toBe(true);
    expect(calls).toEqual(['GetRole exec', 'Simulate', 'Simulate']);
    expect(simulations.map((s) => [s.actions, s.resources, s.context?.map((c) => c.key)])).toEqual([
      [['secretsmanager:GetSecretValue'], [SECRET], undefined],
      [['kms:Decrypt'], [KEY], ['kms:ViaService', 'kms:EncryptionContext:SecretARN']],
    ]);
    const state = checks.access('111122223333')!.role(ARN);
    expect(state?.status === 'found' && [...state.decisions!.values()].map((d) => d.decision)).toEqual(['allowed', 'implicitDeny']);
    expect(await checks.ensure([request], {})).toBe(false);
    expect(calls).toHaveLength(3);
    now = 1000;
    await checks.ensure([request], {});
    expect(calls).toHaveLength(6);
  });

  it('goes off with one message when IAM refuses, until a refresh', async () => {
    const messages: string[] = [];
    const denied = new CatalogUnavailableError('access-denied', 'Access denied to iam:GetRole for the default credentials.');
    const { impl, calls } = checker(denied);
    const checks = new RoleChecks(
      () => impl,
      { ttlMs: 1000 },
      (m) => void messages.push(m),
    );
    await checks.ensure([request], {});
    await checks.ensure([request], {});
    expect(messages).toEqual([
      'The role checks are off until the next refresh: Access denied to iam:GetRole for the default credentials. The read-only policy of the README (docs/roles.md) grants iam:GetRole, iam:ListRoles and iam:SimulatePrincipalPolicy.',
    ]);
    expect(checks.access('111122223333')).toBeUndefined();
    expect(calls).toEqual(['GetRole exec']);
    checks.refresh();
    expect(checks.unavailable).toBeUndefined();
    expect(checks.access('111122223333')!.role(ARN)).toEqual({ status: 'pending' });
  });

  it('makes no call to IAM after dispose, not even the next one of a check under way, and says nothing of it', async () => {
    const messages: string[] = [];
    const { impl, calls } = checker();
    let answer: () => void = () => undefined;
    // The role is being looked up when the server shuts down.
    const waiting: RoleChecker = {
      ...impl,
      getRole: (name, scope) => new Promise((resolve) => (answer = () => resolve(impl.getRole(name, scope)))),
    };
    const checks = new RoleChecks(
      () => waiting,
      { ttlMs: 1000 },
      (m) => void messages.push(m),
    );
    const underWay = checks.ensure([request], {});
    checks.dispose();
    answer();
    expect(await underWay).toBe(false);
    expect(await checks.ensure([{ ...request, arn: `${ARN}2`, name: 'exec2' }], {})).toBe(false);
    // The lookup asked before dispose was answered; no simulation, no second role followed.
    expect(calls).toEqual(['GetRole exec']);
    expect([messages, checks.unavailable]).toEqual([[], undefined]);
  });
});
