import { printParseErrorCode } from 'jsonc-parser';
import type { Finding } from '../findings';
import type { Rule } from './rule';

/** An unquoted placeholder at the start of the text, to name it whole in the message. */
const PLACEHOLDER_START = /^(\$\{[^}\n]*\}|\{\{[^\n]*?\}\}|\$\$\$\w+\$\$\$|\$\w+)/;

/** Past this many, more syntax errors are noise from the first one. */
const MAX_REPORTED = 20;

const MESSAGES: Partial<Record<string, string>> = {
  CommaExpected: 'A comma is missing here.',
  ColonExpected: 'A colon is missing after this property name.',
  PropertyNameExpected: 'A property name in double quotes is expected here.',
  ValueExpected: 'A value is expected here (a trailing comma, or an unquoted template placeholder).',
  InvalidCommentToken: 'This comment is not closed.',
  CloseBraceExpected: 'A closing brace "}" is missing.',
  CloseBracketExpected: 'A closing bracket "]" is missing.',
  EndOfFileExpected: 'Only one JSON value may be in the file; this text follows it.',
  UnexpectedEndOfString: 'This string is not closed.',
  InvalidEscapeCharacter: 'This escape sequence is not valid JSON.',
};

export const invalidJson: Rule = {
  id: 'invalid-json',
  title: 'The file is not valid JSON',
  description:
    "Reports JSON syntax errors. ECS and the AWS CLI read task definitions as strict JSON, so a missing comma or an unquoted template placeholder stops registration. In VS Code this is off by default (setting `ecsTaskDef.validate.syntax`) because VS Code's JSON support reports the same errors.",
  needsCatalog: false,
  check(ctx) {
    if (!ctx.options.reportSyntaxErrors) return [];
    // One error per line: the parser's recovery after the first adds nothing a user can act on.
    const lines = new Set<number>();
    const firstPerLine = ctx.model.syntaxErrors.filter((error) => {
      const line = ctx.doc.positionAt(error.offset).line;
      return !lines.has(line) && lines.add(line);
    });
    return firstPerLine.slice(0, MAX_REPORTED).map((error): Finding => {
      const code = printParseErrorCode(error.error);
      const rest = ctx.model.text.slice(error.offset, error.offset + 80);
      const text = (PLACEHOLDER_START.exec(rest) ?? /^[^\s,\]}]{1,40}/.exec(rest) ?? [rest.slice(0, 1)])[0];
      const message =
        code === 'InvalidSymbol'
          ? `"${text}" is not JSON; fill in or quote template placeholders before the file is used.`
          : (MESSAGES[code] ?? code);
      return {
        ruleId: 'invalid-json',
        severity: 'error',
        message: `Invalid JSON: ${message}`,
        range: ctx.range(error.offset, Math.max(error.length, 1)),
      };
    });
  },
};
