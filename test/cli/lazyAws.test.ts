// The AWS SDK (server/out/aws.js) is loaded only when the linter or the server goes online: each
// process below records the module files it loaded (helpers/loadedModules.ts), and the runs that go
// online prove that the record would show aws.js.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_STATUS_NOTIFICATION, type CatalogStatus } from '../../server/src/protocol';
import { isolatedAwsEnv } from '../helpers/awsEnv';
import { FakeAws } from '../helpers/fakeAws';
import { LINT, lintProcess } from '../helpers/lintProcess';
import { recordLoadedModules } from '../helpers/loadedModules';
import { startClient } from '../helpers/lspClient';

const root = join(__dirname, '../..');
const AWS_BUNDLE = join(root, 'server/out/aws.js');
const TASK = JSON.stringify({
  family: 'f',
  executionRoleArn: 'arn:aws:iam::111122223333:role/e',
  containerDefinitions: [{ name: 'a', image: 'b', memory: 512, secrets: [{ name: 'X', valueFrom: 'prod/db' }] }],
});

const dir = mkdtempSync(join(tmpdir(), 'lazy-aws-'));
const lint = (args: string[], env: NodeJS.ProcessEnv) => lintProcess(args, dir, env);

const fake = new FakeAws();
beforeAll(async () => {
  await fake.start();
  fake.secrets = [{ name: 'prod/db' }];
  writeFileSync(join(dir, 'td.json'), TASK);
});
afterAll(async () => fake.stop());

describe('ecs-taskdef-lint loads the AWS SDK only online', () => {
  it('loads no aws.js with --offline, though credentials and an endpoint are there', async () => {
    const run = recordLoadedModules(fake.env());
    const result = await lint(['--offline', 'td.json'], isolatedAwsEnv(run.env));
    expect(result.stdout).toContain('error arn-malformed');
    expect(run.loaded()).toContain(LINT);
    expect(run.loaded()).not.toContain(AWS_BUNDLE);
    expect(fake.requests).toEqual([]);
  });

  it('loads no aws.js for --policy --offline', async () => {
    const run = recordLoadedModules(fake.env());
    const result = await lint(['--offline', '--policy', 'td.json'], isolatedAwsEnv(run.env));
    expect(result.status).toBe(0);
    expect(run.loaded()).not.toContain(AWS_BUNDLE);
  });

  it('loads aws.js when it goes online, and the account-aware checks run', async () => {
    const run = recordLoadedModules(fake.env());
    const result = await lint(['td.json'], isolatedAwsEnv(run.env));
    expect(result.stderr).toBe('ecs-taskdef-lint: AWS 111122223333/eu-west-1: 1 secrets, 0 parameters.\n');
    expect(result.stdout).toContain('error secret-name-as-parameter');
    expect(run.loaded()).toContain(AWS_BUNDLE);
  });
});

describe('the language server loads the AWS SDK only online', () => {
  const open = async (options: { settings?: unknown; initializationOptions?: unknown }, env: Record<string, string>) => {
    const client = await startClient({ ...options, env });
    const statuses: CatalogStatus[] = [];
    client.connection.onNotification(CATALOG_STATUS_NOTIFICATION, (s: CatalogStatus) => void statuses.push(s));
    await client.open('file:///lazy/taskdef.json', TASK);
    return { client, statuses };
  };

  it('loads no aws.js with AWS turned off, or in an untrusted workspace', async () => {
    for (const options of [{ settings: { aws: { enabled: false } } }, { initializationOptions: { workspaceTrusted: false } }]) {
      const run = recordLoadedModules(fake.env());
      const { client } = await open(options, run.env);
      expect((await client.diagnostics('file:///lazy/taskdef.json')).diagnostics.map((d) => d.code)).toContain('arn-malformed');
      await client.stop();
      expect(run.loaded().some((file) => file.endsWith('server/out/server.js'))).toBe(true);
      expect(run.loaded()).not.toContain(AWS_BUNDLE);
    }
  });

  it('loads aws.js once a task definition opens with AWS on', async () => {
    const run = recordLoadedModules(fake.env());
    const { client } = await open({}, run.env);
    const online = await client.diagnostics('file:///lazy/taskdef.json', (p) =>
      p.diagnostics.some((d) => d.code === 'secret-name-as-parameter'),
    );
    expect(online.diagnostics.length).toBeGreaterThan(0);
    await client.stop();
    expect(run.loaded()).toContain(AWS_BUNDLE);
  });
});
