// Inline suppression: a comment `ecs-taskdef-disable-next-line <rule-id>[, <rule-id>] -- <reason>`
// accepts the named rules' findings that start on the next line, in the formats that have comments
// (JSON with comments, YAML). A directive that accepts nothing is itself reported, so that stale
// ones do not pile up (docs/configuration.md).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Comment } from './document/parsedDocument';
import type { Finding } from './findings';
import type { AnalysisOptions } from './options';
import type { Rule } from './rules/rule';

/** The directive's word; a text without it has no directive, and is not scanned for comments. */
export const DIRECTIVE_WORD = 'ecs-taskdef-disable-next-line';

const DIRECTIVE = new RegExp(`^(?://|/\\*|#)\\s*${DIRECTIVE_WORD}(?=\\s|$|\\*/)(.*?)(?:\\*/)?\\s*$`, 's');

/** One directive: the rules it names and the line it applies to. */
interface Directive {
  comment: Comment;
  /** The 0-based line the directive accepts findings on: the one after the comment ends. */
  line: number;
  ruleIds: string[];
}

/** The directives among a document's comments. */
export function directivesIn(doc: TextDocument, comments: readonly Comment[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const [names] = match[1].split(/\s--\s|\s--$/);
    const ruleIds = names
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter(Boolean);
    directives.push({ comment, line: doc.positionAt(comment.offset + comment.length).line + 1, ruleIds });
  }
  return directives;
}

/**
 * The findings no directive accepts, and a finding for each rule a directive names in vain: an
 * unknown rule id, or one with nothing to accept on its line. A rule that did not run (turned off,
 * or needing the account while offline) cannot tell, so its directives are left alone.
 */
export function applySuppressions(
  doc: TextDocument,
  findings: Finding[],
  directives: readonly Directive[],
  rules: readonly Rule[],
  options: AnalysisOptions,
): Finding[] {
  if (!directives.length) return findings;
  const used = new Set<string>();
  const kept = findings.filter((finding) => {
    const directive = directives.find((d) => d.line === finding.range.start.line && d.ruleIds.includes(finding.ruleId));
    if (directive) used.add(`${directive.comment.offset}:${finding.ruleId}`);
    return !directive;
  });
  if (options.rules?.['unused-suppression'] === 'off') return kept;
  const byId = new Map(rules.map((rule) => [rule.id as string, rule]));
  const ran = (id: string) => {
    const rule = byId.get(id)!;
    return options.rules?.[id] !== 'off' && !(rule.needsCatalog && !options.catalog);
  };
  const unused: Finding[] = [];
  for (const directive of directives) {
    const { comment } = directive;
    const range = { start: doc.positionAt(comment.offset), end: doc.positionAt(comment.offset + comment.length) };
    const setting = options.rules?.['unused-suppression'];
    const report = (message: string) =>
      unused.push({
        ruleId: 'unused-suppression',
        severity: setting ?? 'warning',
        message,
        range,
        fixes: [removeCommentFix(doc, comment)],
      });
    if (!directive.ruleIds.length) report(`"${DIRECTIVE_WORD}" names no rule; write the rule ids it accepts, then "-- " and why.`);
    for (const id of directive.ruleIds) {
      if (!byId.has(id)) report(`"${id}" is not a rule of ecs-taskdef; nothing on the next line is accepted by this comment.`);
      else if (ran(id) && !used.has(`${comment.offset}:${id}`))
        report(`No "${id}" finding on the next line: this comment accepts nothing. Remove it.`);
    }
  }
  return [...kept, ...unused];
}

/** Deletes the directive's comment, and its whole line when the comment stands alone on it. */
function removeCommentFix(doc: TextDocument, comment: Comment): NonNullable<Finding['fixes']>[number] {
  const text = doc.getText();
  const lineStart = text.lastIndexOf('\n', comment.offset - 1) + 1;
  const end = comment.offset + comment.length;
  const lineEnd = text.indexOf('\n', end);
  const alone = text.slice(lineStart, comment.offset).trim() === '' && text.slice(end, lineEnd < 0 ? text.length : lineEnd).trim() === '';
  const [from, to] = alone ? [lineStart, lineEnd < 0 ? text.length : lineEnd + 1] : [comment.offset, end];
  return {
    kind: 'replaceText',
    title: 'Remove the comment',
    range: { start: doc.positionAt(from), end: doc.positionAt(to) },
    oldText: text.slice(from, to),
    newText: '',
  };
}
