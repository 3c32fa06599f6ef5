// The analysis core's facade: what the language server, the CLI and the tests call. Pure: it
// imports no editor, protocol connection or AWS code.
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Range } from 'vscode-languageserver-types';
import { analyzeModel } from './analyze';
import { completeFromModel, type CompletionCapabilities } from './complete';
import { resolveReferenceItem } from './completeReference';
import type { Finding } from './findings';
import { hoverFromModel } from './hover';
import { adapterFor } from './formats';
import { isTemplateFile } from './formats/templateDirectives';
import { isConfigFile } from './config/projectConfig';
import { TASK_DEFINITION_RESOURCE } from './subjects/terraform';
import { storeOf, type StoreModel } from './subjects/kubernetes';
import { roleCheckRequests, type RoleCheckRequest } from './roles/roleChecks';
import { parseTaskDefinition, type TaskDefinitionModel } from './model';
import type { RecognitionHints } from './subjects';
import type { AnalysisOptions } from './options';
import { executionRolePolicy, type ExecutionRolePolicy } from './executionRolePolicy';
import { policyActions } from './policyActions';
import { quickFixes, type QuickFixCapabilities } from './quickFixes';

export type { CompletionCapabilities } from './complete';
export type { Finding, FindingTag, FixData, Severity, DiagnosticData } from './findings';
export { toDiagnostic, DIAGNOSTIC_SOURCE, RULE_DOCS_BASE } from './findings';
export type { TaskDefinitionModel } from './model';
export type { RecognitionHints } from './subjects';
export type { Subject, SubjectKind } from './subjects/subject';
export type { FormatId } from './document/parsedDocument';
export type { AnalysisOptions, RuleSetting } from './options';
export type { CatalogAccess, CatalogEntry, CatalogSnapshot } from './catalog';
export { DEFAULT_ANALYSIS_OPTIONS } from './options';
export type { QuickFixCapabilities } from './quickFixes';
export { allRules } from './rules';
export type { ExecutionRolePolicy, PolicyDocument, PolicyStatement } from './executionRolePolicy';
export { GENERATE_POLICY_COMMAND } from './policyActions';
export type { Rule } from './rules/rule';
export { RULE_IDS, type RuleId } from './rules/ruleIds';
export { chooseDeployment, DEPLOYED_BY_SETTINGS, type DeployedBySetting, type Deployment } from './deployment/deployment';
export { deploymentsFromWorkflows, type WorkflowFile } from './deployment/githubWorkflows';
export type { StoreModel } from './subjects/kubernetes';
export type { RoleCheckRequest, RoleChecksAccess, RoleDecision, RoleState } from './roles/roleChecks';
export { decisionKey } from './roles/roleChecks';
export { containerFileLinks, type ContainerFileLink, type LinkedTask } from './subjects/terraformLinks';
export { terraformAdapter } from './formats/terraform/terraformAdapter';
export { CONFIG_FILE_NAMES, isConfigFile, parseProjectConfig, type ConfigOverride, type ProjectConfig } from './config/projectConfig';

/** The External Secrets stores (AWS provider) of a YAML text, for the host's search of the workspace. */
export function storesInYaml(text: string): StoreModel[] {
  return adapterFor('yaml', 'stores.yaml', text)
    .parse(text)
    .roots.flatMap((root) => storeOf(root) ?? []);
}

/**
 * True when analysing the document needs the Terraform parser, which the host loads first
 * (server/src/hcl/loadHclParser.ts): a Terraform file that mentions a task definition resource.
 */
export function needsHclParser(languageId: string, uri: string, text: string): boolean {
  return adapterFor(languageId, uri, text).id === 'terraform' && text.includes(TASK_DEFINITION_RESOURCE);
}

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
  /**
   * The least-privilege policy of a task's execution role: of the task definition at `position`
   * when given (a template may hold several), else of the document's first.
   */
  executionRolePolicy(
    doc: TextDocument,
    hints: RecognitionHints,
    options: AnalysisOptions,
    position?: Position,
    only?: readonly string[],
  ): ExecutionRolePolicy | undefined;
  /** What the host should ask IAM about the document's roles (roles/roleChecks.ts), for the signed-in `account`. */
  roleCheckRequests(doc: TextDocument, hints: RecognitionHints, options: AnalysisOptions, account: string): RoleCheckRequest[];
  /** Drops what is cached for a closed document. */
  forget(uri: string): void;
}

/** Creates the service; it caches one model per open document. */
export function createTaskDefinitionService(): TaskDefinitionService {
  const models = new Map<string, { version: number; hints: string; model: TaskDefinitionModel }>();
  const parse = (doc: TextDocument, hints: RecognitionHints) => {
    const key = `${hints.containerDefinitionsFile ? 1 : 0}${hints.forced ? 1 : 0}${hints.linkedTask ? JSON.stringify(hints.linkedTask) : ''}`;
    const cached = models.get(doc.uri);
    if (cached && cached.version === doc.version && cached.hints === key) return cached.model;
    const text = doc.getText();
    const format = adapterFor(doc.languageId, doc.uri, text);
    const templateFile = isTemplateFile(doc.uri);
    const configFile = isConfigFile(doc.uri);
    let model = parseTaskDefinition(text, format, hints, templateFile, configFile);
    // Mid-edit (a new key typed before another without its comma yet) the parser can lose the
    // containerDefinitions member; a document that was a task definition stays one while broken.
    const was = cached?.model.subjects[0]?.kind;
    if (!configFile && !model.subjects.length && model.document.problems.length && (was === 'taskDefinition' || was === 'describeOutput')) {
      model = parseTaskDefinition(text, format, { ...hints, forced: true }, templateFile);
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
    roleCheckRequests: (doc, hints, options, account) =>
      parse(doc, hints).subjects.flatMap((subject) => roleCheckRequests(subject, options, account)),
    executionRolePolicy: (doc, hints, options, position, only) => {
      const model = parse(doc, hints);
      const offset = position && doc.offsetAt(position);
      const chosen =
        offset === undefined
          ? model.subjects[0]
          : (model.subjects.find((s) => contains(s.task ?? s.root, offset)) ?? model.subjects.find((s) => contains(s.root, offset)));
      return chosen && chosen.kind !== 'containerDefinitions' && !chosen.kubernetes
        ? executionRolePolicy(chosen, options, only)
        : undefined;
    },
    forget: (uri) => void models.delete(uri),
  };
}

function contains(node: { offset: number; length: number }, offset: number): boolean {
  return offset >= node.offset && offset <= node.offset + node.length;
}
