// The cache between the editor and AWS, over the real SDK clients and the local endpoint: minimal
// requests, both services in parallel, pages served as they arrive, TTL, single flight, failures.
import { describe, expect, it } from 'vitest';
import { within } from '../helpers/deadline';
import { testCachingCatalog, useLocalAws } from '../helpers/localAws';

let clock = 0;
const make = () => testCachingCatalog(() => clock);
const fake = useLocalAws((account) => {
  account.secrets = [{ name: 'prod/db' }, { name: 'prod/api' }];
  account.parameters = [{ name: '/prod/url', type: 'String' }];
  clock = 1_000_000;
});

describe('CachingCatalog', () => {
  it('loads 10,000 secrets and 10,000 parameters with the minimum of requests, both services at once', async () => {
    fake.secrets = Array.from({ length: 10_000 }, (_, i) => ({ name: `s/${i}` }));
    fake.parameters = Array.from({ length: 10_000 }, (_, i) => ({ name: `/p/${i}` }));
    const catalog = make();
    const status = await catalog.load({});
    expect(status).toEqual({
      profile: undefined,
      state: 'ready',
      account: '111122223333',
      region: 'eu-west-1',
      secrets: 10_000,
      parameters: 10_000,
    });
    expect([fake.calls('GetCallerIdentity').length, fake.calls('ListSecrets').length, fake.calls('DescribeParameters').length]).toEqual([
      1, 100, 200,
    ]);
    const order = fake.requests.map((r) => r.operation);
    expect(order.indexOf('DescribeParameters')).toBeLessThan(order.indexOf('ListSecrets', order.indexOf('ListSecrets') + 1));
    catalog.dispose();
  });

  it('serves the first page before the rest has arrived, and says it is incomplete', async () => {
    fake.secrets = Array.from({ length: 250 }, (_, i) => ({ name: `s/${i}` }));
    fake.behaviour.delayMs = 30;
    const catalog = make();
    await catalog.load({}).then(() => undefined);
    const access = catalog.access({})!;
    expect(access.snapshot('eu-west-1')!.complete).toBe(true);
    // A region asked for the first time starts loading and grows page by page.
    const seen: number[] = [];
    catalog.onDidChange(() => {
      const s = access.snapshot('us-east-1');
      if (s && !s.complete) seen.push(s.secrets.length);
    });
    expect(access.snapshot('us-east-1')).toMatchObject({ complete: false, secrets: [] });
    await catalog.load({});
    expect(seen).toContain(100);
    expect(access.snapshot('us-east-1')!.complete).toBe(true);
    expect(fake.calls('ListSecrets').filter((r) => r.region === 'us-east-1')).toHaveLength(3);
    catalog.dispose();
  });

  it('keeps one load in flight per key', async () => {
    const catalog = make();
    await Promise.all([catalog.load({}), catalog.load({}), catalog.load({})]);
    catalog.access({})!.snapshot('eu-west-1');
    expect([fake.calls('GetCallerIdentity').length, fake.calls('ListSecrets').length]).toEqual([1, 1]);
    catalog.dispose();
  });

  it('refreshes in the background after the TTL, serving the old lists meanwhile', async () => {
    const catalog = make();
    await catalog.load({});
    const access = catalog.access({})!;
    fake.secrets.push({ name: 'prod/new' });
    clock += 299_000;
    expect(access.snapshot('eu-west-1')!.secrets).toHaveLength(2);
    expect(fake.calls('ListSecrets')).toHaveLength(1);
    clock += 2_000;
    const stale = access.snapshot('eu-west-1')!;
    expect([stale.complete, stale.secrets.length]).toEqual([true, 2]);
    await catalog.load({});
    expect(access.snapshot('eu-west-1')!.secrets.map((s) => s.name)).toContain('prod/new');
    catalog.dispose();
  });

  it('keeps what loaded when one listing is denied, and says which action is missing', async () => {
    fake.behaviour.deny.add('ListSecrets');
    const catalog = make();
    const status = await catalog.load({});
    expect(status).toMatchObject({ state: 'error', errorKind: 'access-denied', parameters: 1, secrets: 0 });
    expect(status.message).toContain('secretsmanager:ListSecrets');
    const snapshot = catalog.access({})!.snapshot('eu-west-1')!;
    expect([snapshot.complete, snapshot.parameters.length]).toEqual([false, 1]);
    catalog.dispose();
  });

  it('does not retry a failure on every request, only after a while or on refresh', async () => {
    fake.behaviour.expired = true;
    const catalog = make();
    expect((await catalog.load({})).errorKind).toBe('expired');
    const before = fake.requests.length;
    for (let i = 0; i < 50; i++) catalog.access({});
    expect(fake.requests.length).toBe(before);
    fake.behaviour.expired = false;
    clock += 61_000;
    catalog.access({});
    expect((await catalog.load({})).state).toBe('ready');
    catalog.dispose();
  });

  it('lists a region whose listing failed again after the retry delay, long before the TTL', async () => {
    fake.behaviour.deny.add('ListSecrets');
    const catalog = make();
    expect(await catalog.load({})).toMatchObject({ state: 'error', errorKind: 'access-denied' });
    expect(fake.calls('ListSecrets')).toHaveLength(1);
    fake.behaviour.deny.clear();
    clock += 59_000;
    expect(await catalog.load({})).toMatchObject({ state: 'error', errorKind: 'access-denied' });
    expect(fake.calls('ListSecrets')).toHaveLength(1);
    clock += 2_000;
    expect(await catalog.load({})).toMatchObject({ state: 'ready', secrets: 2, parameters: 1 });
    expect(fake.calls('ListSecrets')).toHaveLength(2);
    catalog.dispose();
  });

  it('refresh lists everything again', async () => {
    const catalog = make();
    await catalog.load({});
    fake.secrets.push({ name: 'prod/new' });
    const status = await catalog.refresh({});
    expect([status.state, status.secrets]).toEqual(['ready', 3]);
    expect(fake.calls('GetCallerIdentity')).toHaveLength(2);
    catalog.dispose();
  });
});

describe('CachingCatalog cancellation', () => {
  it('stops requesting for a scope that is no longer in use, and loads it again when asked', async () => {
    fake.secrets = Array.from({ length: 1000 }, (_, i) => ({ name: `s/${i}` }));
    const catalog = make();
    await catalog.load({ region: 'eu-west-1' });
    const access = catalog.access({ region: 'eu-west-1' })!;
    const eastRequests = () => fake.calls('ListSecrets').filter((r) => r.region === 'us-east-1').length;
    // The scope goes out of use the moment the first page of us-east-1 (of ten) has arrived.
    let cutAt = -1;
    const unsubscribe = catalog.onDidChange(() => {
      if (cutAt >= 0 || !access.snapshot('us-east-1')?.secrets.length) return;
      cutAt = eastRequests();
      catalog.cancel({ region: 'eu-west-1' });
    });
    access.snapshot('us-east-1');
    // load() waits on every load of the scope's regions: once it returns, the cut one has ended.
    await within(catalog.load({ region: 'eu-west-1' }), 'the cancelled load of us-east-1 never ended');
    unsubscribe();
    expect(cutAt).toBeGreaterThan(0);
    expect(eastRequests()).toBeLessThanOrEqual(cutAt + 1);
    expect(access.snapshot('us-east-1')!.complete).toBe(false);
    await catalog.load({ region: 'eu-west-1' });
    expect(access.snapshot('us-east-1')).toMatchObject({ complete: true });
    expect(access.snapshot('us-east-1')!.secrets).toHaveLength(1000);
    catalog.dispose();
  });
});
