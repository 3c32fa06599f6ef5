// What each format provides: a parser to the neutral tree, a way to find what is at a cursor, and
// an editor that writes fixes in the format's own syntax. Only the adapters under formats/ import a
// parser (eslint and test/meta/registry.test.ts enforce it).
import type { DocNode } from '../document/node';
import type { Comment, FormatId, Location, ParsedDocument } from '../document/parsedDocument';
import type { Path } from '../document/path';

/** A value a fix inserts: plain data, rendered in the format's syntax. */
export type InsertValue = string | number | boolean | null | InsertValue[] | { [key: string]: InsertValue };

/** The kind of value a completed property name gets, as a snippet or a default. */
export type ValueSnippet = { kind: 'integer' | 'boolean' | 'string' | 'list' | 'object' } | { kind: 'enum'; values: string[] };

/** Structural edits of a document's text in its own syntax: each returns the whole new text, or undefined when the path is gone. */
export interface DocumentEditor {
  /** The text of a string, number or boolean that replaces `replacing` (keeping its quoting style). */
  scalar(value: string | number | boolean, replacing?: DocNode): string;
  /** The text of a property name that replaces the key `replacing`. */
  key(name: string, replacing?: DocNode): string;
  /** The text of a new string value where there is none yet (JSON quotes it; YAML only when it must). */
  newString(value: string): string;
  /**
   * The text of a new property `key` with a value of the given kind: a snippet (`$1` placeholders)
   * or, without snippet support, a default. `indent` is the indentation of the line the key is on.
   */
  member(key: string, value: ValueSnippet, snippets: boolean, indent: string): string;
  /** A CloudFormation `Fn::Sub` of a string, as the format writes intrinsics (`{"Fn::Sub": ...}`, `!Sub ...`). */
  sub(template: string): string;
  /** The offsets of a string node's characters without its quotes: what completion replaces. */
  stringContent(text: string, node: DocNode): { start: number; end: number };
  /** Removes the member or element at `path` of root `root`. */
  removeAt(text: string, root: number, path: Path): string | undefined;
  /** Inserts `key: value` into the object at `path`, at `index` among its members (default: last). */
  insertProperty(text: string, root: number, path: Path, key: string, value: InsertValue, index?: number): string | undefined;
  /** Appends `value` to the array at `path`. */
  appendElement(text: string, root: number, path: Path, value: InsertValue): string | undefined;
  /** Makes the object under the root's `member` the root, carrying the outer `tags` inside (describe output to registrable input). */
  unwrap(text: string, root: number, member: string): string | undefined;
}

/** One format: how to read it and how to write it. */
export interface FormatAdapter {
  readonly id: FormatId;
  /** Parses a text, including the format's size and depth limits; never throws. */
  parse(text: string): ParsedDocument;
  /** What is at `offset` of a parsed document. */
  locate(document: ParsedDocument, offset: number): Location | undefined;
  /** The comments of a text, in order (none for a format without them); read only when a rule needs them. */
  comments(text: string): Comment[];
  readonly editor: DocumentEditor;
}
