// The real AWS SDK clients against the local endpoint: paging, signatures, and every failure kind
// turned into one message a user can act on.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AwsAccountCatalog } from '../../server/src/catalog/awsAccountCatalog';
import { CatalogUnavailableError } from '../../server/src/catalog/accountCatalog';
import { TEST_ACCESS_KEY, TEST_SECRET_KEY } from '../helpers/fakeAws';
import { isolatedAwsEnv } from '../helpers/awsEnv';
import { useLocalAws } from '../helpers/localAws';

const FAST = { connectionTimeoutMs: 500, requestTimeoutMs: 1000, maxAttempts: 3 };
const fake = useLocalAws((account) => {
  account.secrets = Array.from({ length: 2345 }, (_, i) => ({ name: `app/secret-${i}` }));
  account.parameters = Array.from({ length: 1234 }, (_, i) => ({ name: `/app/param-${i}` }));
});

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CatalogUnavailableError);
  return error as CatalogUnavailableError;
};

describe('AwsAccountCatalog against the local endpoint', () => {
  it('knows the account and region, through STS over awsQuery', async () => {
    expect(await new AwsAccountCatalog(FAST).identity({})).toEqual({ account: '111122223333', partition: 'aws', region: 'eu-west-1' });
    expect(fake.requests.map((r) => [r.service, r.operation, r.region, r.signatureValid])).toEqual([
      ['sts', 'GetCallerIdentity', 'eu-west-1', true],
    ]);
  });

  it('pages through every secret (MaxResults 100) and parameter (MaxResults 50), signed for each service', async () => {
    const catalog = new AwsAccountCatalog(FAST);
    const pages: number[] = [];
    const secrets = await catalog.list('secret', {}, undefined, (page) => pages.push(page.length));
    const parameters = await catalog.list('parameter', {});
    expect(secrets).toHaveLength(2345);
    expect(parameters).toHaveLength(1234);
    expect(pages).toEqual([...Array(23).fill(100), 45]);
    expect(fake.calls('ListSecrets')).toHaveLength(24);
    expect(fake.calls('DescribeParameters')).toHaveLength(25);
    expect(new Set(fake.calls('ListSecrets').map((r) => r.body.MaxResults))).toEqual(new Set([100]));
    expect(new Set(fake.calls('DescribeParameters').map((r) => r.body.MaxResults))).toEqual(new Set([50]));
    expect(fake.requests.every((r) => r.signatureValid && r.region === 'eu-west-1' && r.accessKeyId === TEST_ACCESS_KEY)).toBe(true);
    expect(secrets[7]).toEqual({
      kind: 'secret',
      arn: fake.secretArn('app/secret-7'),
      name: 'app/secret-7',
      region: 'eu-west-1',
      accountId: '111122223333',
      description: undefined,
      lastChanged: '2026-09-21T14:13:20.500Z',
      kmsKeyId: undefined,
      rotationEnabled: false,
    });
    expect(parameters[0]).toMatchObject({
      kind: 'parameter',
      name: '/app/param-0',
      arn: fake.parameterArn('/app/param-0'),
      parameterType: 'SecureString',
      kmsKeyId: 'alias/aws/ssm',
      tier: 'Standard',
    });
  });

  it('keeps going through empty pages that carry a NextToken', async () => {
    fake.behaviour.emptyPages = true;
    fake.secrets = fake.secrets.slice(0, 250);
    expect(await new AwsAccountCatalog(FAST).list('secret', {})).toHaveLength(250);
    expect(fake.calls('ListSecrets').map((r) => (r.body.NextToken ? 'token' : 'start'))).toEqual([
      'start',
      'token',
      'token',
      'token',
      'token',
      'token',
    ]);
  });

  it('uses the region and credentials of a named profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-'));
    writeFileSync(join(dir, 'config'), '[profile dev]\nregion = us-west-2\n');
    writeFileSync(join(dir, 'credentials'), `[dev]\naws_access_key_id = ${TEST_ACCESS_KEY}\naws_secret_access_key = ${TEST_SECRET_KEY}\n`);
    process.env = isolatedAwsEnv({
      AWS_ENDPOINT_URL: fake.url,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    });
    expect((await new AwsAccountCatalog(FAST).identity({ profile: 'dev' })).region).toBe('us-west-2');
    expect(fake.requests[0]).toMatchObject({ region: 'us-west-2', signatureValid: true });
    await new AwsAccountCatalog(FAST).list('parameter', { profile: 'dev', region: 'ap-south-1' });
    expect(fake.requests.at(-1)!.region).toBe('ap-south-1');
  });

  it('finds one secret or parameter, and nothing for a missing one', async () => {
    const catalog = new AwsAccountCatalog(FAST);
    expect((await catalog.find('secret', 'app/secret-3', {}))?.arn).toBe(fake.secretArn('app/secret-3'));
    expect(await catalog.find('secret', 'nope', {})).toBeUndefined();
    expect((await catalog.find('parameter', '/app/param-9', {}))?.name).toBe('/app/param-9');
    expect(await catalog.find('parameter', '/nope', {})).toBeUndefined();
  });

  it('retries throttling and 5xx with backoff, then succeeds', async () => {
    fake.behaviour.throttle = 2;
    fake.secrets = fake.secrets.slice(0, 10);
    expect(await new AwsAccountCatalog(FAST).list('secret', {})).toHaveLength(10);
    expect(fake.calls('ListSecrets').map((r) => r.status)).toEqual([400, 400, 200]);
    fake.behaviour.serverErrors = 1;
    expect(await new AwsAccountCatalog(FAST).list('secret', {})).toHaveLength(10);
  });

  it('says which IAM action is missing on AccessDenied', async () => {
    fake.behaviour.deny.add('ListSecrets');
    const error = await failure(new AwsAccountCatalog(FAST).list('secret', {}));
    expect([error.kind, error.message]).toEqual([
      'access-denied',
      'The default credentials may not call secretsmanager:ListSecrets; allow that action (Resource "*") to complete and check references.',
    ]);
    expect(fake.calls('ListSecrets')).toHaveLength(1);
  });

  it('says which IAM action is missing on a bare 403 that names no AWS error (a proxy or an endpoint policy)', async () => {
    fake.behaviour.forbidden.add('DescribeParameters');
    const error = await failure(new AwsAccountCatalog(FAST).list('parameter', {}));
    expect([error.kind, error.message]).toEqual([
      'access-denied',
      'The default credentials may not call ssm:DescribeParameters; allow that action (Resource "*") to complete and check references.',
    ]);
    expect(fake.calls('DescribeParameters').map((r) => r.status)).toEqual([403]);
  });

  it('says the credentials expired', async () => {
    fake.behaviour.expired = true;
    const error = await failure(new AwsAccountCatalog(FAST).identity({}));
    expect(error.kind).toBe('expired');
    expect(error.message).toContain('have expired');
  });

  it('says there are no credentials, without probing the instance metadata address', async () => {
    process.env = isolatedAwsEnv({ AWS_ENDPOINT_URL: fake.url, AWS_REGION: 'eu-west-1' });
    const error = await failure(new AwsAccountCatalog(FAST).identity({}));
    expect(error.kind).toBe('no-credentials');
    expect(error.message).toMatch(/^No AWS credentials for the default credentials: configure them/);
    expect(fake.requests).toEqual([]);
  });

  it('says the SSO session expired and how to renew it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    writeFileSync(
      join(home, 'config'),
      '[profile corp]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = eu-west-1\n[sso-session corp]\nsso_start_url = https://corp.example/start\nsso_region = eu-west-1\n',
    );
    process.env = isolatedAwsEnv({ AWS_ENDPOINT_URL: fake.url, AWS_CONFIG_FILE: join(home, 'config'), HOME: home });
    const error = await failure(new AwsAccountCatalog(FAST).identity({ profile: 'corp' }));
    expect([error.kind, error.message]).toEqual([
      'sso-expired',
      'The AWS SSO session of profile "corp" has expired. Run `aws sso login --profile corp`, then refresh.',
    ]);
  });

  it('says AWS cannot be reached when the network is down', async () => {
    process.env = isolatedAwsEnv({ ...fake.env(), AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
    const down = await failure(new AwsAccountCatalog(FAST).identity({}));
    expect(down.kind).toBe('network');
    expect(down.message).toContain('ECONNREFUSED');
  });

  it('gives up on an endpoint that hangs, within the request timeout', async () => {
    fake.behaviour.hang = true;
    const started = Date.now();
    const hung = await failure(new AwsAccountCatalog({ ...FAST, maxAttempts: 1 }).list('secret', {}));
    expect(hung.kind).toBe('network');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops when cancelled', async () => {
    // Cancelled while its first request waits on an answer.
    fake.behaviour.hold.add('ListSecrets');
    const abort = new AbortController();
    const listing = new AwsAccountCatalog(FAST).list('secret', {}, abort.signal);
    void fake.requested('ListSecrets').then(() => abort.abort());
    expect((await failure(listing)).kind).toBe('aborted');
    expect(fake.calls('ListSecrets')).toHaveLength(1);
  });
});
