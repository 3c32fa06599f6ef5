// Starts the ECS task definition language server for JSON, YAML and Terraform documents (task
// definitions, CloudFormation templates, aws_ecs_task_definition resources), beside VS Code's own
// JSON support, any YAML extension and HashiCorp's Terraform extension (the server only answers for
// task definitions), and adds the status bar item and commands.
import { workspace, type ExtensionContext, type TextEditor } from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/node';
import { commandMiddleware, registerCommands } from './commands';
import { serverOptions } from './serverLauncher';
import type * as protocol from '../../server/src/protocol';
import { CatalogStatusBar } from './statusBar';

type CatalogStatus = protocol.CatalogStatus;
// The names are written out, since the client bundle must not pull in the server's code; their
// types are the server's literal constants, so a rename there fails the build here.
/** Sent when the user trusts the workspace: AWS calls may start (see docs/protocol.md). */
const WORKSPACE_TRUSTED_NOTIFICATION: typeof protocol.WORKSPACE_TRUSTED_NOTIFICATION = 'ecsTaskDef/workspaceTrusted';
const CATALOG_STATUS_NOTIFICATION: typeof protocol.CATALOG_STATUS_NOTIFICATION = 'ecsTaskDef/catalogStatus';

let client: LanguageClient | undefined;

/** What the extension exposes to other extensions and its tests. */
export interface EcsTaskDefApi {
  /** The catalog state the status bar shows, with its text. */
  catalogStatus(): CatalogStatus & { text: string };
}

/**
 * The languages the server reads: JSON, YAML, the ids CloudFormation extensions give templates, and
 * Terraform (HashiCorp's extension's ids; package.json contributes `terraform` for `.tf` files
 * too, which VS Code merges with HashiCorp's when both are installed).
 */
const LANGUAGES = ['json', 'jsonc', 'yaml', 'cloudformation', 'yaml-cloudformation', 'json-cloudformation', 'terraform', 'hcl'];

/** Task definitions as the status bar sees them (the server's own pre-check); the server decides for everything else. */
function isTaskDefinition(editor: TextEditor | undefined): boolean {
  const document = editor?.document;
  return (
    !!document &&
    LANGUAGES.includes(document.languageId) &&
    /containerDefinitions?\b|AWS::ECS::TaskDefinition|aws_ecs_task_definition|external-secrets\.io\/|secrets-store\.csi\.x-k8s\.io\//i.test(
      document.getText(),
    )
  );
}

export async function activate(context: ExtensionContext): Promise<EcsTaskDefApi> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: 'ecsTaskDef' },
    // In restricted mode the server makes no AWS call until the workspace is trusted.
    initializationOptions: { workspaceTrusted: workspace.isTrusted },
    middleware: commandMiddleware,
  };
  const statusBar = new CatalogStatusBar(isTaskDefinition);
  context.subscriptions.push(statusBar, ...registerCommands(() => client));
  // The server's commands (ecsTaskDef.refreshCatalog, ...GenerateExecutionRolePolicy) are
  // registered by the client from the server's executeCommandProvider; package.json gives titles.
  client = new LanguageClient('ecsTaskDef', 'ECS Task Definitions', serverOptions(context), clientOptions);
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION)),
    client.onNotification(CATALOG_STATUS_NOTIFICATION, (status: CatalogStatus) => statusBar.update(status)),
  );
  await client.start();
  return { catalogStatus: () => statusBar.current };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
