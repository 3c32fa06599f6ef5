// What every test of the AWS side needs around the local endpoint: one endpoint per test file, the
// process environment pointed at it (nothing of the machine's AWS set-up leaks in), a freshly seeded
// account before each test, and after each the check that no secret or parameter value was read.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { AwsAccountCatalog } from '../../server/src/catalog/awsAccountCatalog';
import { CachingCatalog } from '../../server/src/catalog/cachingCatalog';
import { isolatedAwsEnv } from './awsEnv';
import { FakeAws } from './fakeAws';

export function useLocalAws(seed: (fake: FakeAws) => void): FakeAws {
  const fake = new FakeAws();
  const saved = { ...process.env };
  beforeAll(async () => void (await fake.start()));
  afterAll(async () => fake.stop());
  beforeEach(() => {
    process.env = isolatedAwsEnv(fake.env());
    fake.reset();
    seed(fake);
  });
  afterEach(() => {
    process.env = saved;
    expect(fake.valueReads()).toEqual([]);
  });
  return fake;
}

/** A CachingCatalog over the real SDK clients with short timeouts, on a clock the test moves. */
export function testCachingCatalog(
  now: () => number,
  { requestTimeoutMs = 2000, maxAttempts = 2, retryAfterMs = 60_000 } = {},
): CachingCatalog {
  return new CachingCatalog(new AwsAccountCatalog({ connectionTimeoutMs: 500, requestTimeoutMs, maxAttempts }), {
    ttlMs: 300_000,
    retryAfterMs,
    now,
  });
}
