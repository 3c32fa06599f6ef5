// Test helpers over the pure core: analyse inline documents, apply fixes and completions, and read
// documents with a `|` cursor marker.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { expect } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import {
  createTaskDefinitionService,
  toDiagnostic,
  type AnalysisOptions,
  type Finding,
  type RecognitionHints,
} from '../../server/src/service';
import { fixEdits } from '../../server/src/service/quickFixes';

export const service = createTaskDefinitionService();
let counter = 0;

/** A new document (a fresh URI each time so nothing is cached across cases); its file name picks the format. */
export function doc(text: string, uri = `file:///test/${++counter}/taskdef.json`): TextDocument {
  return TextDocument.create(uri, /\.ya?ml$/.test(uri) ? 'yaml' : /\.tf$/.test(uri) ? 'terraform' : 'json', 1, text);
}

/** A fresh URI for a file of that name: `taskdef.yaml`, `template.json`. */
export function fileNamed(name: string): string {
  return `file:///test/${++counter}/${name}`;
}

/** Options with nothing known, syntax errors reported. */
export const OPTIONS: AnalysisOptions = { reportSyntaxErrors: true };

/** Findings of a document text (JSON unless `name` says otherwise). */
export function analyze(text: string, options: Partial<AnalysisOptions> = {}, hints: RecognitionHints = {}, name?: string): Finding[] {
  return service.analyze(doc(text, name && fileNamed(name)), hints, { ...OPTIONS, ...options });
}

/** Findings of one rule. */
export function findingsOf(
  ruleId: string,
  text: string,
  options: Partial<AnalysisOptions> = {},
  hints: RecognitionHints = {},
  name?: string,
): Finding[] {
  return analyze(text, options, hints, name).filter((f) => f.ruleId === ruleId);
}

/** The one finding of a rule in a document text; fails, listing them, when there are none or several. */
export function onlyFindingOf(
  ruleId: string,
  text: string,
  options: Partial<AnalysisOptions> = {},
  hints: RecognitionHints = {},
  name?: string,
): Finding {
  const findings = findingsOf(ruleId, text, options, hints, name);
  expect(
    findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
    `exactly one ${ruleId} finding`,
  ).toHaveLength(1);
  return findings[0];
}

/** The text of the range of a finding. */
export function textAt(text: string, finding: Finding): string {
  const d = doc(text);
  return d.getText(finding.range);
}

/** Applies edits to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(doc(text), edits);
}

/** The text after applying the fix with this title (or the first fix) of a finding, through the code action path. */
export function applyFix(text: string, finding: Finding, title?: string, name?: string): string {
  const d = doc(text, name && fileNamed(name));
  const diagnostic = toDiagnostic(finding);
  const actions = service.quickFixes(d, [diagnostic], { snippetEdits: false });
  const action = title ? actions.find((a) => a.title === title) : actions[0];
  if (!action) throw new Error(`no fix "${title ?? '(first)'}" among: ${actions.map((a) => a.title).join(', ')}`);
  const edits = action.edit!.changes![d.uri];
  return TextDocument.applyEdits(d, edits);
}

/** The raw fix edits (with snippets) of a finding's first fix. */
export function snippetEditsOf(text: string, finding: Finding) {
  return fixEdits(doc(text), finding.fixes![0]);
}

/** Splits `text` at the `|` marker. */
export function cursor(textWithCursor: string): { text: string; offset: number } {
  // `‸` marks the cursor in a text that has a `|` of its own (a YAML block scalar).
  const marker = textWithCursor.includes('‸') ? '‸' : '|';
  const offset = textWithCursor.indexOf(marker);
  if (offset < 0) throw new Error('no | cursor in text');
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset };
}

/** Completion items at the `|` marker (JSON unless `name` says otherwise). */
export function complete(
  textWithCursor: string,
  caps = { snippets: true, markdown: true },
  hints: RecognitionHints = {},
  name?: string,
  options: Partial<AnalysisOptions> = {},
) {
  const { text, offset } = cursor(textWithCursor);
  const d = doc(text, name && fileNamed(name));
  return { list: service.complete(d, hints, d.positionAt(offset), caps, { ...OPTIONS, ...options }), text };
}

/** The text after accepting a completion item (its snippet placeholders left in). */
export function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  return applyEdits(text, [edit]);
}

/** Hover at the `|` marker (JSON unless `name` says otherwise). */
export function hover(textWithCursor: string, markdown = true, name?: string, options: Partial<AnalysisOptions> = {}) {
  const { text, offset } = cursor(textWithCursor);
  const d = doc(text, name && fileNamed(name));
  return service.hover(d, {}, d.positionAt(offset), markdown, { ...OPTIONS, ...options });
}

/** A finding as the results files hold it: 1-based position for reading, the fix titles. */
export function summarize(text: string, findings: Finding[]) {
  const d = doc(text);
  return findings.map((f) => ({
    at: `${f.range.start.line + 1}:${f.range.start.character + 1}`,
    code: f.ruleId,
    severity: f.severity,
    text: d.getText(f.range).slice(0, 80),
    message: f.message,
    ...(f.fixes?.length ? { fixes: f.fixes.map((x) => x.title) } : {}),
  }));
}

/** JSON syntax errors of a text (comments allowed, trailing commas not), as readable codes. */
export function syntaxErrors(text: string): string[] {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false });
  return errors.map((e) => `${printParseErrorCode(e.error)}@${e.offset}`);
}

/** The syntax problems of a text in the format its file name says (JSON unless `.yaml`/`.yml`/`.tf`), as readable strings. */
export function syntaxProblems(text: string, name = 'taskdef.json'): string[] {
  if (!/\.(ya?ml|tf)$/.test(name)) return syntaxErrors(text);
  return service.parse(doc(text, fileNamed(name)), { forced: true }).document.problems.map((p) => `${p.message}@${p.offset}`);
}
