// JSON and JSON with comments: jsonc-parser's tolerant tree is already the neutral tree's shape, so
// it is handed over as it is (no copy); a clean text takes cleanJson.ts's faster path to the same
// tree. Comments are allowed; trailing commas are not (the AWS CLI reads strict JSON).
import { createScanner, getLocation, parseTree, printParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser';
import type { DocNode } from '../../document/node';
import { nodeAtPath } from '../../document/navigate';
import type { AnalysisLimit, Comment, Location, ParsedDocument, SyntaxProblem } from '../../document/parsedDocument';
import type { FormatAdapter } from '../format';
import { exceededBracketDepth, exceededSize, MAX_NESTING_DEPTH } from '../limits';
import { parseCleanJson } from './cleanJson';
import { jsonEditor } from './jsonEditor';

/** An unquoted placeholder at the start of the text, to name it whole in the message. */
const PLACEHOLDER_START = /^(\$\{[^}\n]*\}|\{\{[^\n]*?\}\}|\$\$\$\w+\$\$\$|\$\w+)/;

const MESSAGES: Partial<Record<string, string>> = {
  CommaExpected: 'A comma is missing here.',
  ColonExpected: 'A colon is missing after this property name.',
  PropertyNameExpected: 'A property name in double quotes is expected here.',
  ValueExpected: 'A value is expected here (a trailing comma, or an unquoted template placeholder).',
  UnexpectedEndOfComment: 'This comment is not closed.',
  CloseBraceExpected: 'A closing brace "}" is missing.',
  CloseBracketExpected: 'A closing bracket "]" is missing.',
  EndOfFileExpected: 'Only one JSON value may be in the file; this text follows it.',
  UnexpectedEndOfString: 'This string is not closed.',
  InvalidEscapeCharacter: 'This escape sequence is not valid JSON.',
};

function toProblem(text: string, error: ParseError): SyntaxProblem {
  const code = printParseErrorCode(error.error);
  const rest = text.slice(error.offset, error.offset + 80);
  const token = (PLACEHOLDER_START.exec(rest) ?? /^[^\s,\]}]{1,40}/.exec(rest) ?? [rest.slice(0, 1)])[0];
  const message =
    code === 'InvalidSymbol'
      ? `"${token}" is not JSON; fill in or quote template placeholders before the file is used.`
      : (MESSAGES[code] ?? code);
  const placeholder = code === 'InvalidSymbol' ? PLACEHOLDER_START.exec(rest)?.[0] : undefined;
  return { offset: error.offset, length: error.length, message, ...(placeholder ? { placeholder } : {}) };
}

function parse(text: string): ParsedDocument {
  const tooLarge = exceededSize(text);
  // Not parsed: a tree this size would stall the editor. One finding says so.
  if (tooLarge) return limitedDocument(text, tooLarge);
  const source = withoutByteOrderMark(text);
  const clean = parseCleanJson(source, MAX_NESTING_DEPTH);
  if (clean.kind === 'tree') return { text, format: 'json', roots: [clean.root], problems: [] };
  if (clean.kind === 'too-deep') return limitedDocument(text, { kind: 'depth', actual: clean.depth, limit: MAX_NESTING_DEPTH });
  // Not clean JSON: jsonc-parser reports the errors and recovers; its recursion is bounded first.
  const tooDeep = exceededBracketDepth(text);
  if (tooDeep) return limitedDocument(text, tooDeep);
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: false, disallowComments: false });
  return { text, format: 'json', roots: root ? [root as DocNode] : [], problems: errors.map((e) => toProblem(source, e)) };
}

function limitedDocument(text: string, limited: AnalysisLimit): ParsedDocument {
  return { text, format: 'json', roots: [], problems: [], limited };
}

/**
 * The text with a leading byte order mark blanked (same length, so every offset stays): jsonc-parser
 * reads it as an invalid symbol, and the rule byte-order-mark reports it on its own.
 */
function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

function locate(document: ParsedDocument, offset: number): Location {
  const location = getLocation(withoutByteOrderMark(document.text), offset);
  const node = location.previousNode as DocNode | undefined;
  if (!location.isAtPropertyKey) return { root: 0, path: location.path, onKey: false, node };
  const object = nodeAtPath(document.roots[0], location.path.slice(0, -1));
  const typing = node?.type === 'property' ? node : undefined;
  const after = typing ? document.text.slice(typing.offset + typing.length, typing.offset + typing.length + 200) : '';
  return { root: 0, path: location.path, onKey: true, node: typing, object, hasValue: /^\s*:/.test(after) };
}

/** The line and block comments of JSON with comments, found by the scanner (never inside strings). */
function comments(text: string): Comment[] {
  const scanner = createScanner(text, false);
  const found: Comment[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      const offset = scanner.getTokenOffset();
      const length = scanner.getTokenLength();
      found.push({ offset, length, text: text.slice(offset, offset + length) });
    }
  }
  return found;
}

export const jsonAdapter: FormatAdapter = { id: 'json', parse, locate, comments, editor: jsonEditor };
