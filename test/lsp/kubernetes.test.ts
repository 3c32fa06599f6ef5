// The built server over --stdio with EKS manifests, as an editor sends them (language id yaml),
// with the local AWS endpoint: an ExternalSecret whose store is in another file of the repository,
// and a SecretProviderClass whose objects are YAML inside a block scalar. Nothing is read but lists.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLocalAws } from '../helpers/localAws';
import { startClient, type LspClient } from '../helpers/lspClient';

const repo = mkdtempSync(join(tmpdir(), 'lsp-eks-'));
mkdirSync(join(repo, '.git'));
mkdirSync(join(repo, 'stores'));
writeFileSync(
  join(repo, 'stores', 'aws.yaml'),
  `apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata:
  name: aws-sm
spec:
  provider:
    aws:
      service: SecretsManager
      region: eu-west-1
---
apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata:
  name: aws-ps
spec:
  provider:
    aws:
      service: ParameterStore
      region: eu-west-1
`,
);

const ES_URI = `file://${repo}/app/external-secret.yaml`;
const ES = `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: app
spec:
  secretStoreRef:
    name: aws-sm
    kind: ClusterSecretStore
  target:
    name: app
  data:
    - secretKey: db
      remoteRef:
        key: prod/dbb
    - secretKey: url
      remoteRef:
        key: /prod/redis-url
    - secretKey: api
      remoteRef:
        key: 
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: other
spec:
  secretStoreRef:
    name: aws-s
    kind: ClusterSecretStore
  data:
    - secretKey: db
      remoteRef:
        key: prod/db
`;

const SPC_URI = `file://${repo}/app/spc.yaml`;
const SPC = `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: app
spec:
  provider: aws
  parameters:
    region: eu-west-1
    objects: |
      - objectName: "prod/db"
        objectType: "ssmparameter"
      - objectName: ""
        objectType: "ssmparameter"
`;

const fake = useLocalAws((account) => {
  account.secrets = [{ name: 'prod/db' }];
  account.parameters = [{ name: '/prod/redis-url', type: 'SecureString' }];
});

describe('language server with EKS manifests', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await startClient({ env: fake.env() });
  });
  afterAll(async () => {
    expect(fake.valueReads()).toEqual([]);
    expect(await client?.stop()).toBe(0);
  });
  const loaded = (uri: string, code: string) => client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === code));

  it('checks each key through the store of another file, in each document of the stream', async () => {
    await client.open(ES_URI, ES, 1, 'yaml');
    const { diagnostics } = await loaded(ES_URI, 'reference-not-found');
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character])).toEqual([
      ['reference-not-found', 13, 13, 21],
      ['external-secret-store-mismatch', 16, 13, 28],
      ['external-secret-store-unknown', 27, 10, 15],
    ]);
    const mismatch = diagnostics.find((d) => d.code === 'external-secret-store-mismatch')!;
    const [action] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: ES_URI },
      range: mismatch.range,
      context: { diagnostics: [mismatch] },
    })) as CodeAction[];
    expect(action.title).toBe('Use store "aws-ps"');
    const fixed = TextDocument.applyEdits(TextDocument.create(ES_URI, 'yaml', 1, ES), action.edit!.changes![ES_URI] as TextEdit[]);
    expect(fixed).toBe(ES.replace('    name: aws-sm\n', '    name: aws-ps\n'));
  });

  it('completes an empty remoteRef.key with the store’s secrets only', async () => {
    await loaded(ES_URI, 'reference-not-found');
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: ES_URI },
      position: { line: 19, character: 13 },
    })) as CompletionList;
    expect(list.items.map((i) => [i.label, i.textEdit])).toEqual([
      ['prod/db', { range: { start: { line: 19, character: 13 }, end: { line: 19, character: 13 } }, newText: 'prod/db' }],
    ]);
  });

  it('checks and completes the objects inside a SecretProviderClass block scalar', async () => {
    await client.open(SPC_URI, SPC, 1, 'yaml');
    const { diagnostics } = await loaded(SPC_URI, 'reference-not-found');
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message])).toEqual([
      [
        'reference-not-found',
        9,
        20,
        'Parameter "prod/db" was not found in 111122223333/eu-west-1. Check the name or the active profile. A secret of that name exists: objectType "secretsmanager" reads it.',
      ],
    ]);
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: SPC_URI },
      position: { line: 11, character: 21 },
    })) as CompletionList;
    expect(list.items.map((i) => [i.label, i.textEdit])).toEqual([
      ['/prod/redis-url', { range: { start: { line: 11, character: 21 }, end: { line: 11, character: 21 } }, newText: '/prod/redis-url' }],
    ]);
  });
});
