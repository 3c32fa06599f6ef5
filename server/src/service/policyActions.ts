import { findProperty } from './jsonTree';
import type { TaskDefinitionModel } from './model';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';

/** `workspace/executeCommand`: the execution role policy of the document given as the argument (its URI). */
export const GENERATE_POLICY_COMMAND = 'ecsTaskDef.generateExecutionRolePolicy';

/** On `executionRoleArn`: generate the policy that role needs for this document. */
export function policyActions(doc: TextDocument, model: TaskDefinitionModel, range: Range): CodeAction[] {
  const property = findProperty(model.task, 'executionRoleArn');
  if (!property) return [];
  const touches = doc.offsetAt(range.start) <= property.offset + property.length && doc.offsetAt(range.end) >= property.offset;
  if (!touches) return [];
  const title = "Generate the execution role's IAM policy";
  return [{ title, kind: CodeActionKind.Refactor, command: { title, command: GENERATE_POLICY_COMMAND, arguments: [doc.uri] } }];
}
