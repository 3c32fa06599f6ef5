import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';
import { findProperty } from './document/navigate';
import type { TaskDefinitionModel } from './model';

/**
 * `workspace/executeCommand`: the execution role policy of the document given as the first argument
 * (its URI); the second, a position, picks the task definition of a template that holds several.
 */
export const GENERATE_POLICY_COMMAND = 'ecsTaskDef.generateExecutionRolePolicy';

/** On `executionRoleArn`: generate the policy that role needs for this task definition. */
export function policyActions(doc: TextDocument, model: TaskDefinitionModel, range: Range): CodeAction[] {
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  for (const subject of model.subjects) {
    const property = findProperty(subject.task, 'executionRoleArn');
    if (!property || start > property.offset + property.length || end < property.offset) continue;
    const title = "Generate the execution role's IAM policy";
    const position = doc.positionAt(property.offset);
    return [{ title, kind: CodeActionKind.Refactor, command: { title, command: GENERATE_POLICY_COMMAND, arguments: [doc.uri, position] } }];
  }
  return [];
}
