// The real IAM SDK client against the local endpoint: GetRole and its URL-encoded trust policy,
// ListRoles paging, the policy simulator flattened to one result per action × resource, failures
// turned into one message, and never an IAM or STS call other than the three reads.
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogUnavailableError } from '../../server/src/catalog/accountCatalog';
import { createAwsRoleChecker } from '../../server/src/catalog/awsBundle';
import { AwsRoleChecker, iamSigningRegion } from '../../server/src/catalog/awsRoleChecker';
import type { SimulationResult } from '../../server/src/catalog/roleChecker';
import { isolatedAwsEnv } from '../helpers/awsEnv';
import { TEST_ACCESS_KEY, type FakeRole } from '../helpers/fakeAws';
import { useLocalAws } from '../helpers/localAws';

const FAST = { connectionTimeoutMs: 500, requestTimeoutMs: 1000, maxAttempts: 3 };
const ACCOUNT = '111122223333';
const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const secret = (name: string) => `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:${name}`;
const parameter = (name: string) => `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/${name}`;

const EXECUTION: FakeRole = {
  name: 'ecsTaskExecutionRole',
  trust: TRUST,
  allow: [
    { action: 'secretsmanager:GetSecretValue', resource: secret('app/*') },
    { action: 'SSM:GetParameter?', resource: parameter('app/*') },
    { action: 'kms:Decrypt', resource: '*', condition: { key: 'kms:ViaService', values: ['secretsmanager.*.amazonaws.com'] } },
  ],
  deny: [{ action: 'secretsmanager:*', resource: secret('app/admin-*') }],
};

const fake = useLocalAws((account) => {
  account.roles = [
    EXECUTION,
    { name: 'deploy', path: '/service-role/', trust: { Version: '2012-10-17', Statement: [] }, allow: [] },
    ...Array.from({ length: 1500 }, (_, i) => ({ name: `role-${i}`, trust: TRUST, allow: [] })),
  ];
});

afterEach(() => {
  // Every request was signed for IAM in us-east-1 (or STS), and nothing but the three reads was asked.
  expect(fake.requests.filter((r) => !r.signatureValid)).toEqual([]);
  expect(fake.requests.every((r) => r.accessKeyId === TEST_ACCESS_KEY)).toBe(true);
  expect(fake.requests.filter((r) => r.service === 'iam' && r.region !== 'us-east-1')).toEqual([]);
  expect(fake.unexpectedCalls()).toEqual([]);
});

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CatalogUnavailableError);
  return error as CatalogUnavailableError;
};

const brief = (results: SimulationResult[]) => results.map((r) => [r.action, r.resource, r.decision]);

describe('AwsRoleChecker against the local endpoint', () => {
  it('gets a role with its trust policy decoded, signed for IAM in us-east-1 whatever the region', async () => {
    const checker = createAwsRoleChecker(FAST);
    expect(await checker.getRole('ecsTaskExecutionRole', {})).toEqual({
      arn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
      name: 'ecsTaskExecutionRole',
      trustPolicy: TRUST,
    });
    expect(await checker.getRole('deploy', { region: 'ap-south-1' })).toMatchObject({
      arn: `arn:aws:iam::${ACCOUNT}:role/service-role/deploy`,
      trustPolicy: { Version: '2012-10-17', Statement: [] },
    });
    expect(fake.requests.map((r) => [r.service, r.operation, r.region, r.body.RoleName, r.status])).toEqual([
      ['iam', 'GetRole', 'us-east-1', 'ecsTaskExecutionRole', 200],
      ['iam', 'GetRole', 'us-east-1', 'deploy', 200],
    ]);
    checker.dispose();
  });

  it('gets nothing for a missing role (NoSuchEntity), with a single call', async () => {
    expect(await createAwsRoleChecker(FAST).getRole('nope', {})).toBeUndefined();
    expect(fake.calls('GetRole').map((r) => r.status)).toEqual([404]);
  });

  it('gives no trust policy when the document does not parse, or when IAM returns none', async () => {
    fake.roles[0] = { ...EXECUTION, trust: '{"Version": "2012-10-17", "Statement": [' };
    fake.roles[1] = { ...fake.roles[1], trust: undefined };
    const checker = createAwsRoleChecker(FAST);
    expect(await checker.getRole('ecsTaskExecutionRole', {})).toMatchObject({ name: 'ecsTaskExecutionRole', trustPolicy: undefined });
    expect(await checker.getRole('deploy', {})).toMatchObject({ name: 'deploy', trustPolicy: undefined });
    // IAM finds a role by any case of its name, and answers with its own.
    expect(await checker.getRole('ECSTASKEXECUTIONROLE', {})).toMatchObject({ name: 'ecsTaskExecutionRole' });
  });

  it('lists every role name, 1000 a page (MaxItems, Marker, IsTruncated)', async () => {
    const names = await createAwsRoleChecker(FAST).listRoleNames({});
    expect(names).toHaveLength(1502);
    expect(names.slice(0, 3)).toEqual(['ecsTaskExecutionRole', 'deploy', 'role-0']);
    expect(names.at(-1)).toBe('role-1499');
    expect(fake.calls('ListRoles').map((r) => [r.body.MaxItems, r.body.Marker ? 'marker' : 'start'])).toEqual([
      ['1000', 'start'],
      ['1000', 'marker'],
    ]);
  });

  it('pages with a smaller page size when told', async () => {
    expect(await new AwsRoleChecker({ ...FAST, listRolesPageSize: 400 }).listRoleNames({})).toHaveLength(1502);
    expect(fake.calls('ListRoles')).toHaveLength(4);
  });

  it('simulates every action on every resource: one result per pair, explicit deny wins, the deciding statements', async () => {
    const role = fake.roleArn(EXECUTION);
    const actions = ['secretsmanager:GetSecretValue', 'ssm:GetParameters'];
    const resources = [secret('app/db-AbCdEf'), secret('app/admin-token-AbCdEf'), parameter('app/url'), secret('other/x')];
    const results = await createAwsRoleChecker(FAST).simulate(role, { actions, resources }, {});
    expect(brief(results)).toEqual([
      ['secretsmanager:GetSecretValue', resources[0], 'allowed'],
      ['secretsmanager:GetSecretValue', resources[1], 'explicitDeny'],
      ['secretsmanager:GetSecretValue', resources[2], 'implicitDeny'],
      ['secretsmanager:GetSecretValue', resources[3], 'implicitDeny'],
      ['ssm:GetParameters', resources[0], 'implicitDeny'],
      ['ssm:GetParameters', resources[1], 'implicitDeny'],
      ['ssm:GetParameters', resources[2], 'allowed'],
      ['ssm:GetParameters', resources[3], 'implicitDeny'],
    ]);
    expect(results.map((r) => r.matchedStatements)).toEqual([
      ['ecsTaskExecutionRole-policy'],
      ['ecsTaskExecutionRole-policy'],
      [],
      [],
      [],
      [],
      ['ecsTaskExecutionRole-policy'],
      [],
    ]);
    const [request] = fake.calls('SimulatePrincipalPolicy');
    expect(request.body).toMatchObject({ PolicySourceArn: role, ActionNames: actions, ResourceArns: resources, MaxItems: '1000' });
    expect(request.body.ContextEntries).toBeUndefined();
  });

  it('simulates one resource from the action results themselves (no ResourceSpecificResults)', async () => {
    const results = await createAwsRoleChecker(FAST).simulate(
      fake.roleArn(EXECUTION),
      { actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], resources: [secret('app/admin-x')] },
      {},
    );
    expect(results).toEqual([
      {
        action: 'secretsmanager:GetSecretValue',
        resource: secret('app/admin-x'),
        decision: 'explicitDeny',
        matchedStatements: ['ecsTaskExecutionRole-policy'],
        missingContextValues: [],
      },
      {
        action: 'secretsmanager:DescribeSecret',
        resource: secret('app/admin-x'),
        decision: 'explicitDeny',
        matchedStatements: ['ecsTaskExecutionRole-policy'],
        missingContextValues: [],
      },
    ]);
  });

  it('sends the context entries, and reports the context keys a condition missed', async () => {
    const checker = createAwsRoleChecker(FAST);
    const role = fake.roleArn(EXECUTION);
    const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234';
    const context = [
      { key: 'kms:ViaService', type: 'string' as const, values: ['secretsmanager.eu-west-1.amazonaws.com'] },
      { key: 'kms:EncryptionContext:SecretARN', type: 'stringList' as const, values: [secret('app/db-AbCdEf'), secret('app/x')] },
    ];
    expect(await checker.simulate(role, { actions: ['kms:Decrypt'], resources: [key], context }, {})).toEqual([
      {
        action: 'kms:Decrypt',
        resource: key,
        decision: 'allowed',
        matchedStatements: ['ecsTaskExecutionRole-policy'],
        missingContextValues: [],
      },
    ]);
    expect(fake.calls('SimulatePrincipalPolicy')[0].body.ContextEntries).toEqual([
      { ContextKeyName: 'kms:ViaService', ContextKeyType: 'string', ContextKeyValues: ['secretsmanager.eu-west-1.amazonaws.com'] },
      {
        ContextKeyName: 'kms:EncryptionContext:SecretARN',
        ContextKeyType: 'stringList',
        ContextKeyValues: [secret('app/db-AbCdEf'), secret('app/x')],
      },
    ]);
    // Through another service, the condition fails; without the key, IAM says which key it needed.
    const wrong = [{ key: 'kms:ViaService', type: 'string' as const, values: ['ssm.eu-west-1.amazonaws.com'] }];
    expect(brief(await checker.simulate(role, { actions: ['kms:Decrypt'], resources: [key], context: wrong }, {}))).toEqual([
      ['kms:Decrypt', key, 'implicitDeny'],
    ]);
    expect(await checker.simulate(role, { actions: ['kms:Decrypt'], resources: [key, `${key}-2`] }, {})).toEqual([
      { action: 'kms:Decrypt', resource: key, decision: 'implicitDeny', matchedStatements: [], missingContextValues: ['kms:ViaService'] },
      {
        action: 'kms:Decrypt',
        resource: `${key}-2`,
        decision: 'implicitDeny',
        matchedStatements: [],
        missingContextValues: ['kms:ViaService'],
      },
    ]);
  });

  it('simulates on "*" when given no resource', async () => {
    const results = await createAwsRoleChecker(FAST).simulate(fake.roleArn(EXECUTION), { actions: ['kms:Decrypt'], resources: [] }, {});
    expect(brief(results)).toEqual([['kms:Decrypt', '*', 'implicitDeny']]);
    expect(fake.calls('SimulatePrincipalPolicy')[0].body.ResourceArns).toBeUndefined();
  });

  it('pages through the evaluation results (Marker, IsTruncated)', async () => {
    const actions = Array.from({ length: 7 }, (_, i) => `secretsmanager:Action${i}`);
    const resources = [secret('app/a'), secret('app/b'), secret('app/admin-c')];
    const checker = new AwsRoleChecker({ ...FAST, simulationPageSize: 3 });
    const results = await checker.simulate(fake.roleArn(EXECUTION), { actions, resources }, {});
    expect(results).toHaveLength(21);
    expect(results.map((r) => r.action)).toEqual(actions.flatMap((a) => [a, a, a]));
    expect(new Set(results.filter((r) => r.resource === resources[2]).map((r) => r.decision))).toEqual(new Set(['explicitDeny']));
    expect(fake.calls('SimulatePrincipalPolicy').map((r) => [r.body.MaxItems, r.body.Marker ? 'marker' : 'start'])).toEqual([
      ['3', 'start'],
      ['3', 'marker'],
      ['3', 'marker'],
    ]);
    // Each page asks the same question.
    expect(
      new Set(fake.calls('SimulatePrincipalPolicy').map((r) => JSON.stringify([r.body.ActionNames, r.body.ResourceArns]))),
    ).toHaveProperty('size', 1);
  });

  it('says which IAM action is missing on AccessDenied', async () => {
    fake.behaviour.deny.add('SimulatePrincipalPolicy');
    const error = await failure(
      createAwsRoleChecker(FAST).simulate(fake.roleArn(EXECUTION), { actions: ['kms:Decrypt'], resources: ['*'] }, {}),
    );
    expect([error.kind, error.message]).toEqual([
      'access-denied',
      'The default credentials may not call iam:SimulatePrincipalPolicy; allow that action (Resource "*") to complete and check references.',
    ]);
    expect(fake.calls('SimulatePrincipalPolicy').map((r) => r.status)).toEqual([403]);
  });

  it('names iam:GetRole and iam:ListRoles when they are denied', async () => {
    fake.behaviour.deny.add('GetRole');
    fake.behaviour.deny.add('ListRoles');
    const checker = createAwsRoleChecker(FAST);
    expect((await failure(checker.getRole('ecsTaskExecutionRole', {}))).message).toContain('may not call iam:GetRole;');
    expect((await failure(checker.listRoleNames({}))).message).toContain('may not call iam:ListRoles;');
  });

  it('retries throttling, then succeeds', async () => {
    fake.behaviour.throttle = 2;
    const results = await createAwsRoleChecker(FAST).simulate(
      fake.roleArn(EXECUTION),
      { actions: ['secretsmanager:GetSecretValue'], resources: [secret('app/db')] },
      {},
    );
    expect(brief(results)).toEqual([['secretsmanager:GetSecretValue', secret('app/db'), 'allowed']]);
    expect(fake.calls('SimulatePrincipalPolicy').map((r) => r.status)).toEqual([400, 400, 200]);
  });

  it('says when the throttling outlasts the retries', async () => {
    fake.behaviour.throttle = 100;
    const error = await failure(createAwsRoleChecker({ ...FAST, maxAttempts: 2 }).listRoleNames({}));
    expect([error.kind, error.message]).toEqual(['throttled', 'AWS is throttling iam:ListRoles; the list will be retried later.']);
    expect(fake.calls('ListRoles')).toHaveLength(2);
  });

  it('says the credentials expired', async () => {
    fake.behaviour.expired = true;
    const error = await failure(createAwsRoleChecker(FAST).getRole('ecsTaskExecutionRole', {}));
    expect(error.kind).toBe('expired');
  });

  it('fails a simulation of a role that does not exist, naming the action', async () => {
    const error = await failure(
      createAwsRoleChecker(FAST).simulate(fake.roleArn('ghost'), { actions: ['kms:Decrypt'], resources: ['*'] }, {}),
    );
    expect(error.message).toMatch(/^iam:SimulatePrincipalPolicy failed: NoSuchEntity/);
  });

  it('needs no region: IAM is global', async () => {
    process.env = isolatedAwsEnv({ ...fake.env(), AWS_REGION: '' });
    delete process.env.AWS_REGION;
    expect(await createAwsRoleChecker(FAST).getRole('deploy', {})).toMatchObject({ name: 'deploy' });
    expect(fake.requests.map((r) => r.region)).toEqual(['us-east-1']);
  });

  it('follows AWS_ENDPOINT_URL_IAM', async () => {
    process.env = isolatedAwsEnv({ ...fake.env(), AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ENDPOINT_URL_IAM: fake.url });
    expect(await createAwsRoleChecker(FAST).listRoleNames({})).toHaveLength(1502);
  });

  it('signs for the global region of each partition', () => {
    expect(
      ['eu-west-1', 'us-east-2', undefined, 'cn-northwest-1', 'us-gov-east-1', 'us-isob-east-1', 'us-iso-west-1'].map(iamSigningRegion),
    ).toEqual(['us-east-1', 'us-east-1', 'us-east-1', 'cn-north-1', 'us-gov-west-1', 'us-isob-east-1', 'us-iso-east-1']);
  });

  it('stops when cancelled', async () => {
    fake.behaviour.hold.add('ListRoles');
    const abort = new AbortController();
    const listing = createAwsRoleChecker(FAST).listRoleNames({}, abort.signal);
    void fake.requested('ListRoles').then(() => abort.abort());
    expect((await failure(listing)).kind).toBe('aborted');
  });
});

describe('the local IAM endpoint', () => {
  it('refuses a request signed for IAM in another region than us-east-1, as IAM does', async () => {
    const iam = new IAMClient({ region: 'eu-west-1', maxAttempts: 1 });
    const error = await iam.send(new GetRoleCommand({ RoleName: 'deploy' })).then(
      () => undefined,
      (e: unknown) => e as { name: string },
    );
    expect(error?.name).toBe('SignatureDoesNotMatch');
    expect(fake.requests.map((r) => [r.service, r.region, r.signatureValid, r.status])).toEqual([['iam', 'eu-west-1', false, 403]]);
    fake.requests.length = 0;
    iam.destroy();
  });
});
