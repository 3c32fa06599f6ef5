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

/**
 * An unquoted placeholder at the start of the text, to name it whole in the message. Only the kinds
 * that start with a character JSON has no token for (`$`): a `{{name}}` reads as an object.
 */
const PLACEHOLDER_START = /^(\$\{[^}\n]*\}|\$\$\$\w+\$\$\$|\$\w+)/;

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
  const { offset, length } = error;
  const code = printParseErrorCode(error.error);
  if (code !== 'InvalidSymbol') return { offset, length, message: MESSAGES[code] ?? code };
  const rest = text.slice(offset, offset + 80);
  const placeholder = PLACEHOLDER_START.exec(rest)?.[0];
  // jsonc-parser takes every character JavaScript's \s matches for white space, so a symbol never
  // starts with one; the last fallback is there for a parser that one day does.
  const token = placeholder ?? /^[^\s,\]}]{1,40}/.exec(rest)?.[0] ?? rest.slice(0, 1);
  const message = `"${token}" is not JSON; fill in or quote template placeholders before the file is used.`;
  return { offset, length, message, ...(placeholder ? { placeholder } : {}) };
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
  // jsonc-parser's defaults are the ones wanted: comments allowed, trailing commas not.
  const root = parseTree(source, errors);
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
  if (node?.type !== 'property') return { root: 0, path: location.path, onKey: true, object, hasValue: false };
  const keyEnd = node.offset + node.length;
  const hasValue = /^\s*:/.test(document.text.slice(keyEnd, keyEnd + 200));
  return { root: 0, path: location.path, onKey: true, node, object, hasValue };
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
