import type { DocNode } from './node';
import type { Path } from './path';

/** The formats a document can be written in; each has an adapter under formats/. */
export type FormatId = 'json' | 'yaml' | 'terraform';

/** A syntax problem the format's parser reported, in the user's words. */
export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
  /** Set when the problem is an unquoted template placeholder (`${port}`): its text. */
  placeholder?: string;
}

/** A comment in the host text, markers included: a JSON line or block comment, a YAML `#` comment, HCL's `#`, `//` and block comments. */
export interface Comment {
  offset: number;
  length: number;
  text: string;
}

/** Why a document was not parsed at all: too large or too deeply nested for the editor to stay responsive. */
export interface AnalysisLimit {
  kind: 'size' | 'depth';
  /** The document's length or nesting depth. */
  actual: number;
  limit: number;
}

/** A document parsed once per version by its format's adapter. */
export interface ParsedDocument {
  readonly text: string;
  readonly format: FormatId;
  /** One tree per document in the text: a YAML stream may hold several; JSON holds one (none when empty). */
  readonly roots: DocNode[];
  /** Syntax problems; the trees are still usable around them. */
  readonly problems: SyntaxProblem[];
  /**
   * Set when the text is a template source that does not parse before it is rendered: its first
   * control directive (see formats/templateDirectives.ts). Only the syntax finding is reported.
   */
  readonly unrendered?: string;
  /** Set when the text was not parsed (see formats/limits.ts). */
  readonly limited?: AnalysisLimit;
}

/** What is at a cursor, as completion and hover need it. */
export interface Location {
  /** Which root the cursor is in. */
  root: number;
  /** The path of the member or element at the cursor (host names); on a key, it ends in that key ('' for a key not typed yet). */
  path: Path;
  /** The cursor is where a property name is (or will be). */
  onKey: boolean;
  /** The scalar the cursor is in or at: the key being typed, or the value. */
  node?: DocNode;
  /** On a key: the object it belongs to, when it exists. */
  object?: DocNode;
  /** On a key: the property already has a value after it (completion then inserts only the name). */
  hasValue?: boolean;
}
