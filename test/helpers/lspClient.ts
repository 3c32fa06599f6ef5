// A plain LSP client over stdio for tests: spawns the built server with --stdio, answers
// workspace/configuration, and waits on notifications instead of sleeping.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { isolatedAwsEnv } from './awsEnv';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '../../server/out/server.js');

export interface LspClient {
  connection: MessageConnection;
  process: ChildProcess;
  /** Every stderr line the server wrote. */
  stderr: string[];
  /** Every workspace/configuration request the server made. */
  configurationRequests: unknown[];
  /** The next publishDiagnostics for `uri` that satisfies `accept`. */
  diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** Every publishDiagnostics received so far. */
  published: PublishDiagnosticsParams[];
  /** Opens a document; its language id is `yaml` for .yaml/.yml files and `json` otherwise, unless given. */
  open(uri: string, text: string, version?: number, languageId?: string): Promise<void>;
  stop(): Promise<number | null>;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } as never },
  textDocument: {
    completion: {
      completionItem: {
        snippetSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        resolveSupport: { properties: ['documentation'] },
      },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    publishDiagnostics: { versionSupport: true },
  },
};

/** Starts the server and runs initialize/initialized. */
export async function startClient(
  options: {
    capabilities?: ClientCapabilities;
    settings?: unknown;
    /** Answers workspace/configuration in place of `settings` (e.g. later, or with settings that change). */
    answerConfiguration?: (params: { items: unknown[] }) => unknown;
    initializationOptions?: unknown;
    env?: Record<string, string>;
  } = {},
): Promise<LspClient> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: isolatedAwsEnv(options.env) });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(...d.toString().split('\n').filter(Boolean)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const configurationRequests: unknown[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
    configurationRequests.push(params);
    if (options.answerConfiguration) return options.answerConfiguration(params);
    return params.items.map(() => options.settings ?? {});
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: options.capabilities ?? FULL_CAPABILITIES,
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    stderr,
    published,
    configurationRequests,
    diagnostics: (uri, accept = () => true) =>
      new Promise((resolve) => {
        const already = published.find((p) => p.uri === uri && accept(p));
        if (already) resolve(already);
        else waiters.push({ uri, accept, resolve });
      }),
    open: (uri, text, version = 1, languageId = /\.ya?ml$/.test(uri) ? 'yaml' : 'json') =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } }),
    stop: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await new Promise<number | null>((resolve) =>
        child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve),
      );
      connection.dispose();
      return code;
    },
  };
}
