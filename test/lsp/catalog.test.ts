// The built server with the real SDK clients pointed at the local endpoint: ARN completion,
// account-aware diagnostics, the status notification, refresh, and when no AWS call may be made.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_STATUS_NOTIFICATION, type CatalogStatus } from '../../server/src/protocol';
import { within } from '../helpers/deadline';
import { useLocalAws } from '../helpers/localAws';
import { startClient, type LspClient } from '../helpers/lspClient';

const URI = 'file:///work/svc/taskdef.json';
const TASK = `{
  "family": "svc",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "secrets": [
        { "name": "DB", "valueFrom": "" },
        { "name": "GONE", "valueFrom": "/prod/missing-param" }
      ],
      "repositoryCredentials": { "credentialsParameter": "" }
    }
  ]
}
`;

/** The catalog statuses the server sends, and waits on them. */
interface Statuses {
  seen: CatalogStatus[];
  /** The first status that satisfies `accept`, sent already or still to come (with a deadline). */
  first(accept: (s: CatalogStatus) => boolean, what: string): Promise<CatalogStatus>;
}

function statuses(client: LspClient): Statuses {
  const seen: CatalogStatus[] = [];
  const waiters: { accept: (s: CatalogStatus) => boolean; resolve: (s: CatalogStatus) => void }[] = [];
  client.connection.onNotification(CATALOG_STATUS_NOTIFICATION, (status: CatalogStatus) => {
    seen.push(status);
    for (const waiter of waiters.filter((w) => w.accept(status))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(status);
    }
  });
  return {
    seen,
    first: (accept, what) => {
      const already = seen.find(accept);
      const next = already ? Promise.resolve(already) : new Promise<CatalogStatus>((resolve) => waiters.push({ accept, resolve }));
      return within(next, () => `no ${what} status (statuses: ${JSON.stringify(seen)})`);
    },
  };
}

/** Completion at a position of URI. */
const completeAt = (client: LspClient, line: number, character: number) =>
  client.connection.sendRequest('textDocument/completion', {
    textDocument: { uri: URI },
    position: { line, character },
  }) as Promise<CompletionList>;

const fake = useLocalAws((account) => {
  account.secrets = [
    {
      name: 'prod/db',
      description: 'Primary database',
      kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      rotationEnabled: true,
    },
    { name: 'dockerhub' },
  ];
  account.parameters = [
    { name: '/prod/redis-url', type: 'SecureString' },
    { name: '/prod/missing-parm', type: 'String' },
  ];
});

describe('language server with an AWS account', () => {
  let client: LspClient;
  let seen: Statuses;
  beforeAll(async () => {
    client = await startClient({ env: fake.env() });
    seen = statuses(client);
    await client.open(URI, TASK);
  });
  afterAll(async () => expect(await client?.stop()).toBe(0));

  it('reports the catalog state: loading, then ready with account, region and counts', async () => {
    const ready = await seen.first((s) => s.state === 'ready', 'ready');
    expect(ready).toEqual({ state: 'ready', account: '111122223333', region: 'eu-west-1', secrets: 2, parameters: 2 });
    expect(seen.seen[0].state).toBe('loading');
    expect(fake.requests.every((r) => r.signatureValid)).toBe(true);
  });

  it('flags a missing parameter once the catalog is ready, with a fix to the closest one', async () => {
    const { diagnostics } = await client.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'reference-not-found'));
    const missing = diagnostics.find((d) => d.code === 'reference-not-found')!;
    expect(missing.message).toBe(
      'Parameter "/prod/missing-param" was not found in 111122223333/eu-west-1. Check the name or the active profile. Closest: "/prod/missing-parm".',
    );
    expect(missing.range).toEqual({ start: { line: 9, character: 39 }, end: { line: 9, character: 60 } });
    const [action] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'json', 1, TASK), action.edit!.changes![URI] as TextEdit[]);
    expect(fixed).toContain('"valueFrom": "/prod/missing-parm"');
  });

  it('completes secret and parameter ARNs inside valueFrom, replacing the string contents', async () => {
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 8, character: 38 },
    })) as CompletionList;
    expect(list.isIncomplete).toBe(false);
    expect(list.items.map((i) => i.label)).toEqual([
      'prod/db',
      'prod/db:json-key::',
      'dockerhub',
      'dockerhub:json-key::',
      '/prod/redis-url',
      '/prod/missing-parm',
    ]);
    const db = list.items[0];
    expect(db.textEdit).toEqual({
      range: { start: { line: 8, character: 38 }, end: { line: 8, character: 38 } },
      newText: fake.secretArn('prod/db'),
    });
    expect(db.detail).toBe('Secrets Manager secret');
    expect(db.documentation).toBeUndefined();
    const resolved = (await client.connection.sendRequest('completionItem/resolve', db)) as CompletionItem;
    expect((resolved.documentation as { value: string }).value).toContain('Primary database');
    expect(list.items[1].textEdit!.newText).toBe(`${fake.secretArn('prod/db')}:\${1:json-key}::`);
    expect(list.items[4]).toMatchObject({
      detail: 'SSM parameter (SecureString)',
      textEdit: { newText: fake.parameterArn('/prod/redis-url') },
    });
  });

  it('offers only secrets in credentialsParameter, and the role ARN prefix in roles', async () => {
    const creds = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 11, character: 58 },
    })) as CompletionList;
    expect(creds.items.map((i) => i.label)).toEqual(['prod/db', 'dockerhub']);
    const role = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 2, character: 24 },
    })) as CompletionList;
    expect(role.items.map((i) => i.textEdit!.newText)).toEqual(['arn:aws:iam::111122223333:role/${1:ecsTaskExecutionRole}']);
  });

  it('hovers a reference with what the catalog knows, never a value', async () => {
    const text = TASK.replace('"valueFrom": ""', `"valueFrom": "${fake.secretArn('prod/db')}"`);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ text }],
    });
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 8, character: 50 },
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('**Secrets Manager secret** `prod/db`');
    expect(value).toContain('KMS key: customer-managed `arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`');
    expect(value).toContain('Rotation: on');
  });

  it('generates the execution role policy from a code action on executionRoleArn, with the customer-managed key', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const generate = actions.find((a) => a.kind === 'refactor')!;
    expect(generate.command).toEqual({
      title: "Generate the execution role's IAM policy",
      command: 'ecsTaskDef.generateExecutionRolePolicy',
      // The position of executionRoleArn picks the task definition (a template may hold several).
      arguments: [URI, { line: 2, character: 2 }],
    });
    const result = (await client.connection.sendRequest('workspace/executeCommand', generate.command)) as {
      policy: { Statement: { Sid: string; Resource: unknown; Condition?: unknown }[] };
      text: string;
    };
    expect(result.policy.Statement.map((s) => s.Sid)).toEqual(['ReadTaskSecrets', 'ReadTaskParameters', 'DecryptWithCustomerManagedKeys']);
    expect(result.policy.Statement[0].Resource).toBe(fake.secretArn('prod/db'));
    expect(result.policy.Statement[2]).toMatchObject({
      Resource: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
    });
    expect(JSON.parse(result.text)).toEqual(result.policy);
  });

  it('lists everything again on the refresh command and re-checks open documents', async () => {
    fake.parameters.push({ name: '/prod/missing-param' });
    const before = fake.calls('ListSecrets').length;
    const status = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'ecsTaskDef.refreshCatalog',
      arguments: [],
    })) as CatalogStatus;
    expect(status).toMatchObject({ state: 'ready', parameters: 3 });
    expect(fake.calls('ListSecrets').length).toBe(before + 1);
    await client.diagnostics(URI, (p) => p.version === 2 && !p.diagnostics.some((d) => d.code === 'reference-not-found'));
  });
});

describe('language server while the catalog is loading', () => {
  it('marks reference completions incomplete until every list has arrived, then complete', async () => {
    fake.behaviour.hold.add('ListSecrets');
    const client = await startClient({ env: fake.env() });
    const seen = statuses(client);
    await client.open(URI, TASK);
    // Signed in and the parameters listed; the secrets are still on their way.
    await seen.first((s) => s.state === 'loading' && s.parameters === 2, 'loading with the parameters listed');
    const partial = await completeAt(client, 8, 38);
    expect([partial.isIncomplete, partial.items.map((i) => i.label)]).toEqual([true, ['/prod/redis-url', '/prod/missing-parm']]);
    fake.release();
    await seen.first((s) => s.state === 'ready', 'ready');
    const whole = await completeAt(client, 8, 38);
    expect([whole.isIncomplete, whole.items.map((i) => i.label)]).toEqual([
      false,
      ['prod/db', 'prod/db:json-key::', 'dockerhub', 'dockerhub:json-key::', '/prod/redis-url', '/prod/missing-parm'],
    ]);
    expect(await client.stop()).toBe(0);
  });
});

describe('language server without AWS calls', () => {
  it('makes none when ecsTaskDef.aws.enabled is false, and says so', async () => {
    const client = await startClient({ env: fake.env(), settings: { aws: { enabled: false } } });
    const seen = statuses(client);
    await client.open(URI, TASK);
    await client.diagnostics(URI);
    await seen.first((s) => s.state === 'disabled', 'disabled');
    expect(fake.requests).toEqual([]);
    expect(await client.stop()).toBe(0);
  });

  it('makes none in an untrusted workspace until the client trusts it', async () => {
    const client = await startClient({ env: fake.env(), initializationOptions: { workspaceTrusted: false } });
    await client.open(URI, TASK);
    await client.diagnostics(URI);
    expect(fake.requests).toEqual([]);
    await client.connection.sendNotification('ecsTaskDef/workspaceTrusted');
    await within(fake.requested('ListSecrets'), 'no ListSecrets once the workspace is trusted');
    expect(await client.stop()).toBe(0);
  });

  it('makes none for JSON files that are not task definitions', async () => {
    const client = await startClient({ env: fake.env() });
    await client.open('file:///work/svc/package.json', '{"name": "svc"}');
    await client.open('file:///work/svc/tsconfig.json', '{"compilerOptions": {}}');
    await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: 'file:///work/svc/package.json' },
      position: { line: 0, character: 1 },
    });
    expect(fake.requests).toEqual([]);
    expect(await client.stop()).toBe(0);
  });

  it('reports a denied listing once, and keeps the offline checks', async () => {
    fake.behaviour.deny.add('ListSecrets');
    const client = await startClient({ env: fake.env() });
    const seen = statuses(client);
    await client.open(URI, TASK);
    const error = await seen.first((s) => s.state === 'error', 'error');
    expect(error.message).toBe(
      'The default credentials may not call secretsmanager:ListSecrets; allow that action (Resource "*") to complete and check references.',
    );
    const { diagnostics } = await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    expect(diagnostics.map((d) => d.code)).toContain('arn-malformed');
    expect(diagnostics.map((d) => d.code)).not.toContain('reference-not-found');
    expect(client.stderr).toEqual([]);
    expect(await client.stop()).toBe(0);
  });
});
