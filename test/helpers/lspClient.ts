// A plain LSP client over stdio for tests: spawns the built server with --stdio, answers
// workspace/configuration, and waits on notifications instead of sleeping. In mutation runs
// (LSP_IN_PROCESS, set by vitest.mutation.config.ts) the source's server runs in this process instead,
// over a pair of in-memory streams, since a mutant of server/src never reaches the bundle.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { isolatedAwsEnv, replaceEnv } from './awsEnv';
import { loadAwsFromSource } from './awsFromSource';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '../../server/out/server.js');

/** True in mutation runs, where the LSP suites run the server's source in this process. */
export const LSP_IN_PROCESS = process.env.LSP_IN_PROCESS === '1';

export interface LspClient {
  connection: MessageConnection;
  /** The server's process; none when the server runs in this one (LSP_IN_PROCESS). */
  process?: ChildProcess;
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
    /** The server's source in this process rather than the built one in a child (default: LSP_IN_PROCESS). */
    inProcess?: boolean;
  } = {},
): Promise<LspClient> {
  const inProcess = options.inProcess ?? LSP_IN_PROCESS;
  const server = inProcess ? await serverInProcess(isolatedAwsEnv(options.env)) : serverProcess(isolatedAwsEnv(options.env));
  const { connection, stderr } = server;
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
    // In this process the library's watch on the client's process would outlive the server.
    processId: inProcess ? null : process.pid,
    rootUri: null,
    capabilities: options.capabilities ?? FULL_CAPABILITIES,
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: server.child,
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
      const code = await server.exit();
      connection.dispose();
      return code;
    },
  };
}

interface ServerTransport {
  connection: MessageConnection;
  stderr: string[];
  child?: ChildProcess;
  /** Sends `exit`: the status the server exits with. */
  exit(): Promise<number | null>;
}

function serverProcess(env: NodeJS.ProcessEnv): ServerTransport {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(...d.toString().split('\n').filter(Boolean)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  return {
    connection,
    stderr,
    child,
    exit: async () => {
      await connection.sendNotification('exit');
      return new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));
    },
  };
}

/**
 * The source's server (startServer, as cli.ts starts it) over two in-memory streams. It has
 * process.env to itself until it exits: the AWS SDK reads its settings there.
 */
async function serverInProcess(env: NodeJS.ProcessEnv): Promise<ServerTransport> {
  const saved = { ...process.env };
  replaceEnv(env);
  // As cli.ts does for the server's process.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  await loadAwsFromSource();
  const { createConnection, ProposedFeatures } = await import('vscode-languageserver/node');
  const { startServer } = await import('../../server/src/server');
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  // The server sends console output to the client's log; this process's console comes back at exit.
  const { log, info, warn, error } = console;
  startServer(serverConnection);
  const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return {
    connection,
    stderr: [],
    exit: async () => {
      // The library ends a server on `exit` with process.exit: here that would end the test run.
      const exit = process.exit;
      const code = new Promise<number | null>((resolve) => {
        process.exit = ((status?: number) => resolve(status ?? 0)) as typeof process.exit;
      });
      await connection.sendNotification('exit');
      const status = await code;
      process.exit = exit;
      Object.assign(console, { log, info, warn, error });
      serverConnection.dispose();
      replaceEnv(saved);
      return status;
    },
  };
}
