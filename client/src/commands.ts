// The extension's own commands (palette category "ECS Task Definitions") and what VS Code adds
// around the server's: the generated policy opens in a new JSON editor.
import { commands, ConfigurationTarget, window, workspace, type Disposable } from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { listAwsProfiles } from './awsProfiles';
import { policyCommandArguments } from './policyArguments';

/** The server's command that returns the execution role policy of a document (docs/protocol.md). */
export const GENERATE_POLICY_COMMAND = 'ecsTaskDef.generateExecutionRolePolicy';
const DEFAULT_CHAIN = '(default: AWS_PROFILE and the SDK chain)';
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
  'me-central-1',
  'af-south-1',
  'il-central-1',
];

interface PolicyResult {
  text: string;
  notes: string[];
}

/** Opens the policy the server returns in an untitled JSON document, with its notes as a message. */
export const commandMiddleware: Middleware = {
  async executeCommand(command, args, next) {
    if (command !== GENERATE_POLICY_COMMAND) return next(command, args);
    const editor = window.activeTextEditor;
    const active = editor && {
      uri: editor.document.uri.toString(),
      cursor: { line: editor.selection.active.line, character: editor.selection.active.character },
    };
    const forward = policyCommandArguments(args, active);
    const result = (await next(command, forward)) as PolicyResult | null | undefined;
    if (!result) {
      void window.showWarningMessage('This document is not a task definition with containers, so it has no execution role policy.');
      return result;
    }
    const document = await workspace.openTextDocument({ language: 'json', content: result.text });
    await window.showTextDocument(document, { preview: false });
    if (result.notes.length) void window.showInformationMessage(result.notes.join(' '));
    return result;
  },
};

/**
 * Registers the extension's commands. The profile and region go to the user's settings: they decide
 * which credentials are used, so a workspace may not choose them (they are restricted settings).
 */
export function registerCommands(client: () => LanguageClient | undefined): Disposable[] {
  const aws = () => workspace.getConfiguration('ecsTaskDef.aws');
  return [
    commands.registerCommand('ecsTaskDef.selectProfile', async (profile?: string) => {
      const choice =
        profile ??
        (await window.showQuickPick([DEFAULT_CHAIN, ...(await listAwsProfiles())], {
          placeHolder: 'AWS profile for secrets and parameters',
        }));
      if (choice === undefined) return undefined;
      const value = choice === DEFAULT_CHAIN ? '' : choice;
      await aws().update('profile', value, ConfigurationTarget.Global);
      return value;
    }),
    commands.registerCommand('ecsTaskDef.selectRegion', async (region?: string) => {
      const choice =
        region ??
        (await window.showQuickPick(['(default: AWS_REGION or the profile)', ...REGIONS], {
          placeHolder: 'AWS region to list secrets and parameters in',
        }));
      if (choice === undefined) return undefined;
      const value = choice.startsWith('(') ? '' : choice;
      await aws().update('region', value, ConfigurationTarget.Global);
      return value;
    }),
    commands.registerCommand('ecsTaskDef.showOutput', () => client()?.outputChannel.show(true)),
    commands.registerCommand('ecsTaskDef.showCommands', async () => {
      const options = [
        { label: 'Refresh AWS secrets and parameters', command: 'ecsTaskDef.refreshCatalog' },
        { label: 'Select AWS profile', command: 'ecsTaskDef.selectProfile' },
        { label: 'Select AWS region', command: 'ecsTaskDef.selectRegion' },
        { label: "Generate the execution role's IAM policy", command: GENERATE_POLICY_COMMAND },
        { label: 'Show output', command: 'ecsTaskDef.showOutput' },
      ];
      const picked = await window.showQuickPick(options, { placeHolder: 'ECS Task Definitions' });
      if (picked) await commands.executeCommand(picked.command);
    }),
  ];
}
