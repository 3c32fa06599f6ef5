import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Finding } from '../findings';
import type { TaskDefinitionModel } from '../model';
import type { SchemaIssue } from '../schemaValidation';
import type { AnalysisOptions } from '../options';
import type { TaskFacts } from '../taskFacts';
import type { RuleId } from './ruleIds';

export type { RuleId } from './ruleIds';

/** One check over a task definition. */
export interface Rule {
  /** Stable id, shown as the diagnostic code: `execution-role-missing`. */
  readonly id: RuleId;
  /** Short title in sentence case. */
  readonly title: string;
  /** One paragraph for docs/rules.md. */
  readonly description: string;
  /** True when the rule needs the AWS account catalog and is skipped without it. */
  readonly needsCatalog: boolean;
  check(ctx: RuleContext): Finding[];
}

/** What a rule sees: the document, its model parsed once, and the facts derived from it once. */
export interface RuleContext {
  doc: TextDocument;
  model: TaskDefinitionModel;
  options: AnalysisOptions;
  /** Account, region, partition and launch types of the task. */
  facts: TaskFacts;
  /** Shape problems from one walk over the document, shared by the four schema rules. */
  schemaIssues(): SchemaIssue[];
  /** The LSP range of `length` characters at `offset`. */
  range(offset: number, length: number): Range;
}
