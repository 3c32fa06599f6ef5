import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './findings';
import type { TaskDefinitionModel } from './model';
import type { AnalysisOptions } from './options';
import { allRules } from './rules';
import type { Rule, RuleContext } from './rules/rule';
import { validateShape, type SchemaIssue } from './schemaValidation';
import { deriveTaskFacts } from './taskFacts';

/** Runs every rule over a parsed document; a document that is not a task definition has no findings. */
export function analyzeModel(
  doc: TextDocument,
  model: TaskDefinitionModel,
  options: AnalysisOptions,
  rules: readonly Rule[] = allRules,
): Finding[] {
  if (!model.kind) return [];
  let schemaIssues: SchemaIssue[] | undefined;
  const ctx: RuleContext = {
    doc,
    model,
    options,
    facts: deriveTaskFacts(model, options),
    schemaIssues: () => (schemaIssues ??= validateShape(model)),
    range: (offset, length) => ({ start: doc.positionAt(offset), end: doc.positionAt(offset + length) }),
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = options.rules?.[rule.id];
    if ((rule.needsCatalog && !options.catalog) || setting === 'off') continue;
    const found = rule.check(ctx);
    findings.push(...(setting ? found.map((f) => ({ ...f, severity: setting })) : found));
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
