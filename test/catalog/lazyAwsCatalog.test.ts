// The AWS catalog that server.js and lint.js hold: nothing is loaded before the first call, once for
// every call after it, and failures keep their kind across the bundle boundary.
import { describe, expect, it } from 'vitest';
import { CatalogUnavailableError, type AccountCatalog } from '../../server/src/catalog/accountCatalog';
import { LazyAwsCatalog, type AwsBundleExports } from '../../server/src/catalog/lazyAwsCatalog';

/** CatalogUnavailableError as aws.js has it: the same shape, another class. */
class OtherBundlesError extends Error {
  name = 'CatalogUnavailableError';
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

function bundle(catalog: Partial<AccountCatalog>): { load: () => AwsBundleExports; loads: () => number } {
  let loads = 0;
  return {
    load: () => {
      loads++;
      return { createAwsAccountCatalog: () => catalog } as unknown as AwsBundleExports;
    },
    loads: () => loads,
  };
}

describe('LazyAwsCatalog', () => {
  it('loads the bundle on the first call only, and once', async () => {
    const aws = bundle({
      identity: async () => ({ account: '111122223333', partition: 'aws', region: 'eu-west-1' }),
      list: async () => [],
    });
    const catalog = new LazyAwsCatalog(aws.load);
    expect(aws.loads()).toBe(0);
    const [identity, secrets] = await Promise.all([catalog.identity({}), catalog.list('secret', {})]);
    expect(identity.account).toBe('111122223333');
    expect(secrets).toEqual([]);
    await catalog.find('secret', 'x', {}).catch(() => undefined);
    expect(aws.loads()).toBe(1);
  });

  it("makes the bundle's CatalogUnavailableError its own, with its kind", async () => {
    const aws = bundle({
      identity: () => Promise.reject(new OtherBundlesError('sso-expired', 'The AWS SSO session has expired.')),
    });
    const error = await new LazyAwsCatalog(aws.load).identity({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogUnavailableError);
    expect(error).toMatchObject({ kind: 'sso-expired', message: 'The AWS SSO session has expired.' });
  });

  it('rejects, never throws, with one message when the bundle cannot be loaded', async () => {
    const catalog = new LazyAwsCatalog(() => {
      throw new Error("Cannot find module '/x/out/aws.js'\nRequire stack:\n- /x/out/server.js");
    });
    const listing = catalog.list('parameter', {});
    const error = await listing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogUnavailableError);
    expect((error as CatalogUnavailableError).message).toBe(
      "The AWS support cannot be loaded (Cannot find module '/x/out/aws.js'); reinstall, or work offline.",
    );
  });
});
