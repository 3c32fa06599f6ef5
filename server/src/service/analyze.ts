import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './findings';
import { isAnalysed, type TaskDefinitionModel } from './model';
import type { AnalysisOptions } from './options';
import { allRules } from './rules';
import type { DocumentContext, Rule, RuleContext } from './rules/rule';
import { validateShape, type SchemaIssue } from './schemaValidation';
import { applySuppressions, directivesIn, DIRECTIVE_WORD } from './suppressions';
import { bindReferences } from './subjects/bindReferences';
import { deriveTaskFacts } from './taskFacts';

/** Runs every rule over a parsed document; a document that holds no task definition has no findings. */
export function analyzeModel(
  doc: TextDocument,
  model: TaskDefinitionModel,
  options: AnalysisOptions,
  rules: readonly Rule[] = allRules,
): Finding[] {
  if (!isAnalysed(model)) return [];
  const documentContext: DocumentContext = {
    doc,
    model,
    options,
    range: (offset, length) => ({ start: doc.positionAt(offset), end: doc.positionAt(offset + length) }),
  };
  // An unrendered template source is judged once it is rendered; until then only its syntax is reported.
  const subjects = model.document.unrendered ? [] : model.subjects;
  const contexts = subjects.map((subject): RuleContext => {
    const facts = deriveTaskFacts(subject, options);
    const bound = bindReferences(subject, facts);
    let schemaIssues: SchemaIssue[] | undefined;
    return {
      ...documentContext,
      subject: bound,
      facts,
      editor: model.format.editor,
      schemaIssues: () => (schemaIssues ??= validateShape(model, bound)),
    };
  });
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = options.rules?.[rule.id];
    if ((rule.needsCatalog && !options.catalog) || setting === 'off') continue;
    if (rule.appliesTo === 'analysis') continue;
    const found: Finding[] = [];
    if (rule.appliesTo === 'document') found.push(...rule.check(documentContext));
    else {
      for (const ctx of contexts) {
        if (!rule.appliesTo.includes(ctx.subject.kind)) continue;
        const subjectFindings = rule.check(ctx);
        // Fix paths are relative to the subject's root; a later document of a YAML stream says which.
        if (ctx.subject.rootIndex > 0) for (const f of subjectFindings) for (const fix of f.fixes ?? []) fix.root = ctx.subject.rootIndex;
        found.push(...subjectFindings);
      }
    }
    findings.push(...(setting ? found.map((f) => ({ ...f, severity: setting })) : found));
  }
  // Only a text that names the directive is scanned for comments.
  const directives = model.text.includes(DIRECTIVE_WORD) ? directivesIn(doc, model.format.comments(model.text)) : [];
  return applySuppressions(doc, findings, directives, rules, options).sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
