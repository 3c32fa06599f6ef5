import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { DocNode } from '../document/node';
import type { Finding } from '../findings';
import type { DocumentEditor } from '../formats/format';
import type { TaskDefinitionModel } from '../model';
import type { SchemaIssue } from '../schemaValidation';
import type { AnalysisOptions } from '../options';
import type { Subject, SubjectKind } from '../subjects/subject';
import type { TaskFacts } from '../taskFacts';
import type { RuleId } from './ruleIds';

export type { RuleId } from './ruleIds';

interface RuleInfo {
  /** Stable id, shown as the diagnostic code: `execution-role-missing`. */
  readonly id: RuleId;
  /** Short title in sentence case. */
  readonly title: string;
  /** One paragraph for docs/rules.md. */
  readonly description: string;
  /** True when the rule needs the AWS account catalog and is skipped without it. */
  readonly needsCatalog: boolean;
}

/** A check of each task definition in a document, for the kinds of subject it applies to. */
export interface SubjectRule extends RuleInfo {
  readonly appliesTo: readonly SubjectKind[];
  /**
   * Set when the rule reads task-level members: it judges a container-definition array only when a
   * Terraform resource reads it with file() and gives it those members (subjects/terraformLinks.ts).
   */
  readonly linkedContainersOnly?: boolean;
  check(ctx: RuleContext): Finding[];
}

/** A check of the document as a whole (its syntax, its size), run once per document. */
export interface DocumentRule extends RuleInfo {
  readonly appliesTo: 'document';
  check(ctx: DocumentContext): Finding[];
}

/** Findings about the other findings (suppression comments), which analyze.ts makes once they are known. */
export interface AnalysisRule extends RuleInfo {
  readonly appliesTo: 'analysis';
}

/** One check over a document or its task definitions. */
export type Rule = SubjectRule | DocumentRule | AnalysisRule;

/** Every kind of subject: the rules that apply wherever a task definition is written. */
export const ALL_SUBJECTS: readonly SubjectKind[] = [
  'taskDefinition',
  'describeOutput',
  'containerDefinitions',
  'cloudFormation',
  'terraform',
];

/** Where a rule applies, in a user's words: the rule's row in docs/rules.md and its page's "Formats" line. */
export function describeFormats(rule: Rule): string {
  if (rule.id === 'invalid-json') return 'JSON files';
  if (rule.id === 'byte-order-mark') return 'JSON files but CloudFormation templates';
  if (rule.id === 'invalid-yaml') return 'YAML files and templates';
  if (rule.id === 'invalid-hcl') return 'Terraform files';
  if (rule.appliesTo === 'analysis') return 'JSON with comments and YAML';
  if (rule.appliesTo === 'document') return 'every format';
  const names: Record<SubjectKind, string> = {
    taskDefinition: 'task definitions in JSON or YAML',
    describeOutput: 'describe-task-definition output',
    containerDefinitions: 'container-definition arrays',
    cloudFormation: 'CloudFormation templates',
    terraform: 'Terraform',
    secretStore: 'External Secrets stores',
    externalSecret: 'ExternalSecrets',
    secretProviderClass: 'SecretProviderClasses',
  };
  if (rule.linkedContainersOnly) {
    return 'every format; container-definition arrays when a Terraform resource reads them with `file()`';
  }
  const missing = ALL_SUBJECTS.filter((kind) => !rule.appliesTo.includes(kind));
  const manifests = rule.appliesTo.filter((kind) => !ALL_SUBJECTS.includes(kind)).map((kind) => names[kind]);
  if (missing.length === 0 && manifests.length) return `every format, and ${manifests.join(' and ')}`;
  if (missing.length === 0) return 'every format';
  if (missing.length === 1) return `every format but ${names[missing[0]]}`;
  return rule.appliesTo.map((kind) => names[kind]).join(' and ');
}

/** What a document rule sees: the document and its model parsed once. */
export interface DocumentContext {
  doc: TextDocument;
  model: TaskDefinitionModel;
  options: AnalysisOptions;
  /** The LSP range of `length` characters at `offset`. */
  range(offset: number, length: number): Range;
}

/** What a subject rule sees: one task definition of the document, and the facts derived from it once. */
export interface RuleContext extends DocumentContext {
  subject: Subject;
  /** Account, region, partition and launch types of the task. */
  facts: TaskFacts;
  /** Writes fix text in the document's own syntax. */
  editor: DocumentEditor;
  /** Shape problems from one walk over the task definition, shared by the four schema rules. */
  schemaIssues(): SchemaIssue[];
}

/**
 * The task object whose members a rule reads: the subject's own, or for container definitions that
 * a Terraform resource reads with file(), that resource's (rules marked `linkedContainersOnly`).
 */
export function taskOf(ctx: RuleContext): DocNode | undefined {
  return ctx.subject.task ?? ctx.subject.linked?.node;
}
