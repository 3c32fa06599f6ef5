import type { SyntaxProblem } from '../document/parsedDocument';
import type { Finding } from '../findings';
import type { DocumentContext, DocumentRule } from './rule';

/** Past this many, more syntax errors are noise from the first one. */
const MAX_REPORTED = 20;

export const invalidJson: DocumentRule = {
  id: 'invalid-json',
  title: 'The file is not valid JSON',
  description:
    "Reports JSON syntax errors. ECS and the AWS CLI read task definitions as strict JSON, so a missing comma stops registration. A template source (`.json.tpl`, `.j2`, ..., or a `.json` file that only unquoted placeholders such as `${port}` break) gets one information finding instead: its placeholders become JSON when it is rendered. In VS Code this is off by default (setting `ecsTaskDef.validate.syntax`) because VS Code's JSON support reports the same errors.",
  needsCatalog: false,
  appliesTo: 'document',
  check(ctx) {
    if (!ctx.options.reportSyntaxErrors || ctx.model.document.format !== 'json') return [];
    if (ctx.model.templateFile || onlyPlaceholdersBreakIt(ctx)) return templateFindings(ctx);
    return syntaxFindings(ctx, 'invalid-json', 'Invalid JSON');
  },
};

/**
 * A `.json` file whose only syntax errors are unquoted placeholders is a template source by another
 * name (Terraform's `templatefile("taskdef.json", ...)`): nobody types `${port}` into a real file.
 */
function onlyPlaceholdersBreakIt(ctx: DocumentContext): boolean {
  const { problems } = ctx.model.document;
  // The parser trips over a placeholder's parts and the token right after it, never further on.
  const spans = problems.filter((p) => p.placeholder).map((p) => [p.offset, p.offset + p.placeholder!.length]);
  return spans.length > 0 && problems.every((p) => spans.some(([start, end]) => p.offset >= start && p.offset <= end));
}

/**
 * In a template source (`.json.tpl`, or a file only placeholders break), unquoted placeholders are filled in with numbers or JSON when
 * it is rendered (quoting them would break the result): one information finding says so; other
 * syntax errors are errors as anywhere.
 */
function templateFindings(ctx: DocumentContext): Finding[] {
  const placeholders = ctx.model.document.problems.filter((p) => p.placeholder);
  // The parser trips more than once over one placeholder (`$`, then `{`, then the name): every
  // problem on a placeholder's line is that placeholder's.
  const lines = new Set(placeholders.map((p) => ctx.doc.positionAt(p.offset).line));
  const others = syntaxFindings(ctx, 'invalid-json', 'Invalid JSON', (p) => !lines.has(ctx.doc.positionAt(p.offset).line));
  if (!placeholders.length) return others;
  const [first] = placeholders;
  const count = placeholders.length === 1 ? 'one value' : `${placeholders.length} values`;
  const become = placeholders.length === 1 ? 'becomes' : 'become';
  const note: Finding = {
    ruleId: 'invalid-json',
    severity: 'information',
    message: `This file is a template: ${count} (first ${JSON.stringify(first.placeholder)}) ${become} JSON only when it is rendered; lint the rendered file to check them.`,
    range: ctx.range(first.offset, Math.max(first.length, 1)),
  };
  return [note, ...others];
}

/** The document's syntax problems as findings of `ruleId`: one per line, at most MAX_REPORTED. */
export function syntaxFindings(
  ctx: DocumentContext,
  ruleId: 'invalid-json' | 'invalid-yaml' | 'invalid-hcl',
  prefix: string,
  include: (problem: SyntaxProblem) => boolean = () => true,
): Finding[] {
  const { unrendered } = ctx.model.document;
  const problems = ctx.model.document.problems.filter(include);
  if (unrendered && problems.length) {
    // The errors after the first follow from the directives: one finding says what to do.
    const [first] = problems;
    return [
      {
        ruleId,
        severity: 'error',
        message: `${prefix}: ${first.message} The file holds template directives (${JSON.stringify(unrendered.slice(0, 60))}) and is ${prefix.replace('Invalid ', '')} only once rendered; lint the rendered file.`,
        range: ctx.range(first.offset, Math.max(first.length, 1)),
      },
    ];
  }
  // One problem per line: the parser's recovery after the first adds nothing a user can act on.
  const lines = new Set<number>();
  const firstPerLine = problems.filter((problem) => {
    const line = ctx.doc.positionAt(problem.offset).line;
    return !lines.has(line) && lines.add(line);
  });
  return firstPerLine.slice(0, MAX_REPORTED).map((problem): Finding => ({
    ruleId,
    severity: 'error',
    message: `${prefix}: ${problem.message}`,
    range: ctx.range(problem.offset, Math.max(problem.length, 1)),
  }));
}
