import { workspace, type ExtensionContext } from 'vscode';
import { TransportKind, type ServerOptions } from 'vscode-languageclient/node';

/**
 * The bundled server over IPC, run by VS Code's own Node; or another build of it named by the
 * `ecsTaskDef.server.path` setting (machine-scoped and restricted: a workspace cannot choose what runs).
 */
export function serverOptions(context: ExtensionContext): ServerOptions {
  const configured = workspace.getConfiguration('ecsTaskDef.server').get<string>('path')?.trim();
  const module = configured || context.asAbsolutePath('server/out/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
}
