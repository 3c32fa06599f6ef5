// Mutation runs start the server's source in-process (test/helpers/lspClient.ts): the LSP suites then
// judge startServer over in-memory streams, not the built server.js over stdio. That stands for the
// real server only while the two agree: the same diagnostics, completions, hovers and code actions
// for the same documents. Offline, so that nothing depends on when the account's lists arrive; the
// AWS side of the in-process server is what test/lsp/catalog.test.ts checks there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { startClient, type LspClient } from '../helpers/lspClient';

const root = join(__dirname, '../..');
const DOCUMENTS: [uri: string, file: string, languageId?: string][] = [
  ['file:///work/svc/worker.json', 'examples/worker-secrets-mistakes.json'],
  ['file:///work/svc/describe.json', 'examples/describe-output.json'],
  ['file:///work/svc/web.yaml', 'examples/yaml/web-fargate.yaml'],
  ['file:///work/svc/worker-service.yaml', 'examples/cloudformation/worker-service.yaml', 'cloudformation'],
];

const OFFLINE = { aws: { enabled: false } };

/** What a client sees of each document: its diagnostics, and at each diagnostic's start a completion, a hover and the code actions. */
async function session(client: LspClient): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (const [uri, file, languageId] of DOCUMENTS) {
    await client.open(uri, readFileSync(join(root, file), 'utf8'), 1, languageId);
    const { diagnostics } = await client.diagnostics(uri);
    seen.push(diagnostics);
    for (const diagnostic of diagnostics as Diagnostic[]) {
      const at = { textDocument: { uri }, position: diagnostic.range.start };
      seen.push(
        await client.connection.sendRequest('textDocument/completion', at),
        await client.connection.sendRequest('textDocument/hover', at),
        await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic] },
        }),
      );
    }
  }
  return seen;
}

describe('language server in-process and built', () => {
  it('answers the same to the same client', async () => {
    const built = await startClient({ settings: OFFLINE, inProcess: false });
    const fromBuilt = await session(built);
    expect(await built.stop()).toBe(0);
    const source = await startClient({ settings: OFFLINE, inProcess: true });
    const fromSource = await session(source);
    expect(await source.stop()).toBe(0);
    expect(fromBuilt.length).toBeGreaterThan(DOCUMENTS.length * 4);
    expect(fromSource).toEqual(fromBuilt);
  });
});
