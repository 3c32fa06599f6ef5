// Starts the ECS task definition language server for JSON documents. VS Code's own JSON support
// keeps working beside it: the server only answers for documents that are task definitions.
import type { ExtensionContext } from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/node';
import { serverOptions } from './serverLauncher';

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
  };
  client = new LanguageClient('ecsTaskDef', 'ECS Task Definitions', serverOptions(context), clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
