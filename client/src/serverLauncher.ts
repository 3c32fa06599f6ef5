import type { ExtensionContext } from 'vscode';
import { TransportKind, type ServerOptions } from 'vscode-languageclient/node';

/** The bundled server, run by VS Code's own Node over IPC. */
export function serverOptions(context: ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('server/out/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
}
