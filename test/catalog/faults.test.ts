// Bad days, against the local endpoint with the real SDK clients: throttling storms, 5xx,
// connection resets, hangs, slow answers, malformed bodies, credentials that expire mid-session.
// The cached lists keep serving, each failure is one status, retries stay bounded, and everything
// recovers by itself once the endpoint heals.
import { describe, expect, it } from 'vitest';
import { testCachingCatalog, useLocalAws } from '../helpers/localAws';

let clock = 0;
const RETRY_AFTER = 60_000;
const make = () => testCachingCatalog(() => clock, { requestTimeoutMs: 800, maxAttempts: 3, retryAfterMs: RETRY_AFTER });
const fake = useLocalAws((account) => {
  account.secrets = Array.from({ length: 150 }, (_, i) => ({ name: `s/${i}` }));
  account.parameters = [{ name: '/p/1' }];
  clock = 1_000_000;
});

describe('catalog faults', () => {
  it('a throttling storm: bounded retries, one error, no requests until the retry delay, then recovery', async () => {
    fake.behaviour.throttle = 1_000_000;
    const catalog = make();
    const status = await catalog.load({});
    expect([status.state, status.errorKind]).toEqual(['error', 'throttled']);
    const during = fake.requests.length;
    expect(during).toBeLessThanOrEqual(3);
    for (let i = 0; i < 200; i++) catalog.access({})?.snapshot('eu-west-1');
    expect(fake.requests.length).toBe(during);
    fake.behaviour.throttle = 0;
    clock += RETRY_AFTER + 1;
    catalog.access({});
    expect((await catalog.load({})).state).toBe('ready');
    catalog.dispose();
  });

  it('5xx, connection resets and slow answers are retried or waited for', async () => {
    // At most two failures reach one call, which has three attempts.
    fake.behaviour.serverErrors = 1;
    fake.behaviour.resets = 1;
    fake.behaviour.delayMs = 150;
    expect(await make().load({})).toMatchObject({ state: 'ready', secrets: 150, parameters: 1 });
  });

  it('a hang past the timeout is an error, not a stuck load', async () => {
    const catalog = make();
    fake.behaviour.hang = true;
    const started = Date.now();
    const status = await catalog.load({});
    expect([status.state, status.errorKind]).toEqual(['error', 'network']);
    expect(Date.now() - started).toBeLessThan(10_000);
    catalog.dispose();
  });

  it('a malformed body is one clear error', async () => {
    fake.behaviour.malformed = 10;
    const status = await make().load({});
    expect(status.state).toBe('error');
    expect(status.message).toMatch(/sts:GetCallerIdentity failed|Cannot reach AWS/);
  });

  it('credentials expiring mid-session: the loaded lists keep serving, the status says so once, refresh recovers', async () => {
    const catalog = make();
    await catalog.load({});
    const access = catalog.access({})!;
    fake.behaviour.expired = true;
    const failed = await catalog.refresh({});
    expect([failed.state, failed.errorKind]).toEqual(['error', 'expired']);
    // The earlier lists still complete names (a completion never waits for AWS).
    expect(access.snapshot('eu-west-1')).toMatchObject({ complete: true });
    expect(access.snapshot('eu-west-1')!.secrets).toHaveLength(150);
    fake.behaviour.expired = false;
    expect((await catalog.refresh({})).state).toBe('ready');
    catalog.dispose();
  });
});
