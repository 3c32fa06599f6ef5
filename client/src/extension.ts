// Starts the ECS task definition language server for JSON documents. VS Code's own JSON support
// keeps working beside it: the server only answers for documents that are task definitions.
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/node';
import { commandMiddleware } from './commands';
import { serverOptions } from './serverLauncher';

/** Sent when the user trusts the workspace: AWS calls may start (see docs/protocol.md). */
const WORKSPACE_TRUSTED_NOTIFICATION = 'ecsTaskDef/workspaceTrusted';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'untitled', language: 'jsonc' },
    ],
    synchronize: { configurationSection: 'ecsTaskDef' },
    // In restricted mode the server makes no AWS call until the workspace is trusted.
    initializationOptions: { workspaceTrusted: workspace.isTrusted },
    middleware: commandMiddleware,
  };
  // The server's commands (ecsTaskDef.refreshCatalog) are registered by the client from the
  // server's executeCommandProvider; package.json only gives them a title.
  client = new LanguageClient('ecsTaskDef', 'ECS Task Definitions', serverOptions(context), clientOptions);
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION)));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
