// The analysis core's facade: what the language server, the CLI and the tests call. Pure: it
// imports no editor, protocol connection or AWS code.
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Range } from 'vscode-languageserver-types';
import { analyzeModel } from './analyze';
import { completeFromModel, type CompletionCapabilities } from './complete';
import { resolveReferenceItem } from './completeReference';
import type { Finding } from './findings';
import { hoverFromModel } from './hover';
import { parseTaskDefinition, type RecognitionHints, type TaskDefinitionModel } from './model';
import type { AnalysisOptions } from './options';
import { executionRolePolicy, type ExecutionRolePolicy } from './executionRolePolicy';
import { policyActions } from './policyActions';
import { quickFixes, type QuickFixCapabilities } from './quickFixes';

export type { CompletionCapabilities } from './complete';
export type { Finding, FixData, Severity, DiagnosticData } from './findings';
export { toDiagnostic, DIAGNOSTIC_SOURCE, RULE_DOCS_BASE } from './findings';
export type { TaskDefinitionModel, RecognitionHints, DocumentKind } from './model';
export type { AnalysisOptions, RuleSetting } from './options';
export type { CatalogAccess, CatalogEntry, CatalogSnapshot } from './catalog';
export { DEFAULT_ANALYSIS_OPTIONS } from './options';
export type { QuickFixCapabilities } from './quickFixes';
export { allRules } from './rules';
export type { ExecutionRolePolicy, PolicyDocument, PolicyStatement } from './executionRolePolicy';
export { GENERATE_POLICY_COMMAND } from './policyActions';
export type { Rule } from './rules/rule';
export { RULE_IDS, type RuleId } from './rules/ruleIds';

/** Everything an editor or linter asks of a task definition. */
export interface TaskDefinitionService {
  /** The document's model, parsed once per version and hints. */
  parse(doc: TextDocument, hints: RecognitionHints): TaskDefinitionModel;
  /** All findings; none for a document that is not a task definition. */
  analyze(doc: TextDocument, hints: RecognitionHints, options: AnalysisOptions): Finding[];
  /** Completion items at a position; secret and parameter ARNs come from `options.catalog`. */
  complete(
    doc: TextDocument,
    hints: RecognitionHints,
    position: Position,
    capabilities: CompletionCapabilities,
    options: AnalysisOptions,
  ): CompletionList;
  /** The documentation of a completion item, computed only for the item the user looks at. */
  resolveCompletion(item: CompletionItem, options: AnalysisOptions, markdown: boolean): CompletionItem;
  /** Hover at a position: a member's documentation, or what the catalog knows of a reference. */
  hover(doc: TextDocument, hints: RecognitionHints, position: Position, markdown: boolean, options: AnalysisOptions): Hover | undefined;
  /** Code actions for diagnostics this service produced. */
  quickFixes(doc: TextDocument, diagnostics: Diagnostic[], capabilities: QuickFixCapabilities): CodeAction[];
  /** The refactorings offered at a range: generating the execution role's policy on `executionRoleArn`. */
  refactorings(doc: TextDocument, hints: RecognitionHints, range: Range): CodeAction[];
  /** The least-privilege policy of the task's execution role. */
  executionRolePolicy(doc: TextDocument, hints: RecognitionHints, options: AnalysisOptions): ExecutionRolePolicy | undefined;
  /** Drops what is cached for a closed document. */
  forget(uri: string): void;
}

/** Creates the service; it caches one model per open document. */
export function createTaskDefinitionService(): TaskDefinitionService {
  const models = new Map<string, { version: number; hints: string; model: TaskDefinitionModel }>();
  const parse = (doc: TextDocument, hints: RecognitionHints) => {
    const key = `${hints.containerDefinitionsFile ? 1 : 0}${hints.forced ? 1 : 0}`;
    const cached = models.get(doc.uri);
    if (cached && cached.version === doc.version && cached.hints === key) return cached.model;
    let model = parseTaskDefinition(doc.getText(), hints);
    // Mid-edit (a new key typed before another without its comma yet) the parser can lose the
    // containerDefinitions member; a document that was a task definition stays one while broken.
    if (!model.kind && model.syntaxErrors.length && cached?.model.kind && cached.model.kind !== 'containerDefinitions') {
      model = parseTaskDefinition(doc.getText(), { ...hints, forced: true });
    }
    models.set(doc.uri, { version: doc.version, hints: key, model });
    return model;
  };
  return {
    parse,
    analyze: (doc, hints, options) => analyzeModel(doc, parse(doc, hints), options),
    complete: (doc, hints, position, capabilities, options) => completeFromModel(doc, parse(doc, hints), position, capabilities, options),
    resolveCompletion: (item, options, markdown) => resolveReferenceItem(item, options, markdown),
    hover: (doc, hints, position, markdown, options) => hoverFromModel(doc, parse(doc, hints), position, markdown, options),
    quickFixes: (doc, diagnostics, capabilities) => quickFixes(doc, diagnostics, capabilities),
    refactorings: (doc, hints, range) => policyActions(doc, parse(doc, hints), range),
    executionRolePolicy: (doc, hints, options) => {
      const model = parse(doc, hints);
      return model.kind && model.kind !== 'containerDefinitions' ? executionRolePolicy(model, options) : undefined;
    },
    forget: (uri) => void models.delete(uri),
  };
}
