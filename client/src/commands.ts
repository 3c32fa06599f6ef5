// What VS Code adds around the server's commands: the generated policy opens in a new JSON editor.
import { window, workspace } from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/** The server's command that returns the execution role policy of a document (docs/protocol.md). */
export const GENERATE_POLICY_COMMAND = 'ecsTaskDef.generateExecutionRolePolicy';

interface PolicyResult {
  text: string;
  notes: string[];
}

/** Opens the policy the server returns in an untitled JSON document, with its notes as a message. */
export const commandMiddleware: Middleware = {
  async executeCommand(command, args, next) {
    if (command !== GENERATE_POLICY_COMMAND) return next(command, args);
    // From the command palette: the document in the active editor.
    const uri = args[0] ?? window.activeTextEditor?.document.uri.toString();
    const result = (await next(command, [uri])) as PolicyResult | null | undefined;
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
