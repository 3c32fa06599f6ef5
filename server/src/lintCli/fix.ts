// `--fix` and `--fix-dry-run`: the fixes the rules mark safe (FixData `safe`: no guess, no choice),
// turned into edits by the service's own quick fixes, so the text is written in the document's
// syntax and everything else in the file stays as it was. Fixes are applied in passes: after each,
// the text is analysed again, so a fix whose edit overlaps another's waits for the next pass.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { createTaskDefinitionService, toDiagnostic, type Finding, type TaskDefinitionService } from '../service';
import type { FileResult } from './lintFiles';
import { analyzeSource, documentOf, type LintSource } from './lintSource';

/** A finding's safe fix as edits of the text it was found in. */
export interface SafeFix {
  /** The fix's title, as the editor's quick fix shows it. */
  title: string;
  /** The edits of the text, none overlapping. */
  edits: TextEdit[];
}

/** What `--fix` did to one file. */
export interface FixedFile {
  /** The path as reported. */
  file: string;
  /** The text before the fixes. */
  original: string;
  /** The text after them. */
  text: string;
  /** How many problems the applied fixes solved (one per fix). */
  fixed: number;
}

/** At most this many passes of fixes over one file. */
export const MAX_FIX_PASSES = 10;

/** Syntax findings: a fix never turns a file that parses into one that does not, and a broken file is not fixed. */
const SYNTAX_RULES: ReadonlySet<string> = new Set(['invalid-json', 'invalid-yaml', 'invalid-hcl']);

/**
 * The first safe fix of a finding that still applies, as edits of `doc`. The service builds them
 * from a diagnostic that carries only this fix, exactly as for an editor's code action.
 */
export function safeFixOf(service: TaskDefinitionService, doc: TextDocument, finding: Finding): SafeFix | undefined {
  for (const fix of finding.fixes ?? []) {
    if (!fix.safe) continue;
    const [action] = service.quickFixes(doc, [toDiagnostic({ ...finding, fixes: [fix] })], { snippetEdits: false });
    const edits = action?.edit?.changes?.[doc.uri];
    if (edits?.length) return { title: fix.title, edits };
  }
  return undefined;
}

/** Each result with the safe fixes of its findings, those --fix would apply (for the JSON and SARIF reports). */
export function withSafeFixes(results: FileResult[]): FileResult[] {
  const service = createTaskDefinitionService();
  return results.map((result) => {
    if (!result.source || result.findings.some(isSyntaxFinding) || !result.findings.some((f) => f.fixes?.some((x) => x.safe)))
      return result;
    const doc = documentOf(result.source);
    const safeFixes = new Map<Finding, SafeFix>();
    for (const finding of result.findings) {
      const fix = safeFixOf(service, doc, finding);
      if (fix) safeFixes.set(finding, fix);
    }
    service.forget(doc.uri);
    return { ...result, safeFixes };
  });
}

/** Applies the safe fixes of every result: the results then hold the fixed text and what remains. */
export function fixResults(results: FileResult[]): { results: FileResult[]; files: FixedFile[] } {
  const service = createTaskDefinitionService();
  const files: FixedFile[] = [];
  const fixedResults = results.map((result) => {
    if (!result.source) return result;
    const { text, fixed, findings } = fixSource(service, result.source, result.findings);
    if (fixed === 0) return result;
    files.push({ file: result.file, original: result.source.text, text, fixed });
    return { ...result, findings, source: { ...result.source, text } };
  });
  return { results: fixedResults, files };
}

/** The text after at most MAX_FIX_PASSES passes of safe fixes, with how many were applied and the findings left. */
export function fixSource(
  service: TaskDefinitionService,
  source: LintSource,
  findings: Finding[],
): { text: string; fixed: number; findings: Finding[] } {
  let text = source.text;
  let current = findings;
  let fixed = 0;
  const analyze = (next: string) => {
    // One URI, new text each time: nothing of the previous pass's model may be reused.
    service.forget(source.uri);
    const found = analyzeSource(service, { ...source, text: next });
    service.forget(source.uri);
    return found;
  };
  for (let pass = 0; pass < MAX_FIX_PASSES && !current.some(isSyntaxFinding); pass++) {
    const doc = documentOf({ ...source, text }, pass + 2);
    let chosen = disjoint(
      doc,
      current.flatMap((f) => safeFixOf(service, doc, f) ?? []),
    );
    if (!chosen.length) break;
    let next = apply(doc, chosen);
    let after = analyze(next);
    // Edits that are each sound could still break the text together: then one per pass.
    if (after.some(isSyntaxFinding) && chosen.length > 1) {
      chosen = chosen.slice(0, 1);
      next = apply(doc, chosen);
      after = analyze(next);
    }
    if (after.some(isSyntaxFinding)) break;
    text = next;
    current = after;
    fixed += chosen.length;
  }
  return { text, fixed, findings: current };
}

function isSyntaxFinding(finding: Finding): boolean {
  return SYNTAX_RULES.has(finding.ruleId);
}

/** The fixes, in order, that touch no text an earlier one of them changes (the others wait for the next pass). */
function disjoint(doc: TextDocument, fixes: SafeFix[]): SafeFix[] {
  const taken: [number, number][] = [];
  const chosen: SafeFix[] = [];
  for (const fix of fixes) {
    const spans = fix.edits.map((e): [number, number] => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)]);
    // Two insertions at one point overlap too: their order would be a guess.
    const overlaps = spans.some(([start, end]) => taken.some(([s, e]) => (start < e && s < end) || start === s));
    if (overlaps) continue;
    taken.push(...spans);
    chosen.push(fix);
  }
  return chosen;
}

function apply(doc: TextDocument, fixes: SafeFix[]): string {
  return TextDocument.applyEdits(
    doc,
    fixes.flatMap((f) => f.edits),
  );
}
