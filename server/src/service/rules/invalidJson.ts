import type { Finding } from '../findings';
import type { DocumentContext, DocumentRule } from './rule';

/** Past this many, more syntax errors are noise from the first one. */
const MAX_REPORTED = 20;

export const invalidJson: DocumentRule = {
  id: 'invalid-json',
  title: 'The file is not valid JSON',
  description:
    "Reports JSON syntax errors. ECS and the AWS CLI read task definitions as strict JSON, so a missing comma or an unquoted template placeholder stops registration. In VS Code this is off by default (setting `ecsTaskDef.validate.syntax`) because VS Code's JSON support reports the same errors.",
  needsCatalog: false,
  appliesTo: 'document',
  check(ctx) {
    if (!ctx.options.reportSyntaxErrors || ctx.model.document.format !== 'json') return [];
    return syntaxFindings(ctx, 'invalid-json', 'Invalid JSON');
  },
};

/** The document's syntax problems as findings of `ruleId`: one per line, at most MAX_REPORTED. */
export function syntaxFindings(ctx: DocumentContext, ruleId: 'invalid-json' | 'invalid-yaml', prefix: string): Finding[] {
  const { unrendered, problems } = ctx.model.document;
  if (unrendered && problems.length) {
    // The errors after the first follow from the directives: one finding says what to do.
    const [first] = problems;
    return [
      {
        ruleId,
        severity: 'error',
        message: `${prefix}: ${first.message} The file holds template directives (${JSON.stringify(unrendered.slice(0, 60))}) and is ${prefix === 'Invalid JSON' ? 'JSON' : 'YAML'} only once rendered; lint the rendered file.`,
        range: ctx.range(first.offset, Math.max(first.length, 1)),
      },
    ];
  }
  // One problem per line: the parser's recovery after the first adds nothing a user can act on.
  const lines = new Set<number>();
  const firstPerLine = ctx.model.document.problems.filter((problem) => {
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
