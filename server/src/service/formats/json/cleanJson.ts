// The JSON adapter's fast path: a text that is clean JSON (comments allowed, no syntax error at all),
// which is what nearly every task definition on disk is, parsed in one pass into the same tree
// jsonc-parser's parseTree builds (test/unit/formats/cleanJson.test.ts compares the two over the
// corpus). Anything else (a syntax error, a trailing comma, whitespace JSON does not define) stops it,
// and the adapter parses the text again with jsonc-parser, which reports every error and recovers.
// Why: parseTree visits every token through callbacks and was the largest single cost of a CI run
// (docs/performance.md, workload 13); this reads strings and numbers with sticky patterns instead.
// The nesting is counted on the way, so a clean text needs no separate depth pass either.
import type { DocNode, NodeType } from '../../document/node';

/** What the fast path made of a text. */
export type CleanJson = { kind: 'tree'; root: DocNode } | { kind: 'too-deep'; depth: number } | { kind: 'not-clean' };

/** The run of a string's characters up to its closing quote, an escape or a control character. */
// eslint-disable-next-line no-control-regex -- a raw control character ends a clean JSON string
const STRING_RUN = /[^"\\\u0000-\u001f]*/y;
/** A run of JSON's whitespace (indentation is most of a pretty-printed file). */
const WHITESPACE = /[ \n\r\t]*/y;
/** A comment at the position: to the end of its line, or to its closing star and slash. */
const COMMENT = /\/\/[^\n\r]*|\/\*[\s\S]*?\*\//y;
/** JSON's number grammar (RFC 8259, section 6), nothing more: `01`, `1.` and `+1` are not clean. */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Thrown inside the parser when the text is not clean; caught at its entry. */
const NOT_CLEAN = Symbol('not clean');
/** Thrown inside the parser when the nesting passes the limit. */
const TOO_DEEP = Symbol('too deep');

/** The tree the JSON adapter builds, while it is built (DocNode's fields are read-only above). */
interface Building {
  type: NodeType;
  offset: number;
  length: number;
  parent: Building | undefined;
  children?: Building[];
  value?: unknown;
  colonOffset?: number;
}

/** `text` as a tree if it is clean JSON nesting at most `maxDepth` objects and arrays. */
export function parseCleanJson(text: string, maxDepth: number): CleanJson {
  const parser = new CleanJsonParser(text, maxDepth);
  try {
    return { kind: 'tree', root: parser.document() as DocNode };
  } catch (stop) {
    if (stop === TOO_DEEP) return { kind: 'too-deep', depth: parser.depth };
    if (stop === NOT_CLEAN) return { kind: 'not-clean' };
    throw stop;
  }
}

class CleanJsonParser {
  private pos = 0;
  depth = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  document(): Building {
    this.skipTrivia();
    const root = this.value(undefined);
    this.skipTrivia();
    if (this.pos !== this.text.length) throw NOT_CLEAN;
    return root;
  }

  private value(parent: Building | undefined): Building {
    const offset = this.pos;
    switch (this.text.charCodeAt(offset)) {
      case 0x7b /* { */:
        return this.object(parent);
      case 0x5b /* [ */:
        return this.array(parent);
      case 0x22 /* " */: {
        const value = this.string();
        return { type: 'string', offset, length: this.pos - offset, parent, value };
      }
      case 0x74 /* t */:
        return this.word('true', true, parent);
      case 0x66 /* f */:
        return this.word('false', false, parent);
      case 0x6e /* n */:
        return this.word('null', null, parent);
      default: {
        NUMBER.lastIndex = offset;
        if (!NUMBER.test(this.text)) throw NOT_CLEAN;
        this.pos = NUMBER.lastIndex;
        return { type: 'number', offset, length: this.pos - offset, parent, value: Number(this.text.slice(offset, this.pos)) };
      }
    }
  }

  private object(parent: Building | undefined): Building {
    const text = this.text;
    const node: Building = { type: 'object', offset: this.pos, length: -1, parent, children: [] };
    this.enter();
    this.skipTrivia();
    if (text.charCodeAt(this.pos) !== 0x7d /* } */) {
      for (;;) {
        if (text.charCodeAt(this.pos) !== 0x22 /* " */) throw NOT_CLEAN;
        const offset = this.pos;
        const name = this.string();
        const property: Building = { type: 'property', offset, length: -1, parent: node, children: undefined, colonOffset: -1 };
        const key: Building = { type: 'string', offset, length: this.pos - offset, parent: property, value: name };
        this.skipTrivia();
        if (text.charCodeAt(this.pos) !== 0x3a /* : */) throw NOT_CLEAN;
        property.colonOffset = this.pos++;
        this.skipTrivia();
        const value = this.value(property);
        // A literal of two, not two pushes onto []: a pushed array reserves room for 17.
        property.children = [key, value];
        property.length = value.offset + value.length - offset;
        node.children!.push(property);
        if (!this.separator(0x7d /* } */)) break;
      }
    }
    return this.leave(node);
  }

  private array(parent: Building | undefined): Building {
    const node: Building = { type: 'array', offset: this.pos, length: -1, parent, children: [] };
    this.enter();
    this.skipTrivia();
    if (this.text.charCodeAt(this.pos) !== 0x5d /* ] */) {
      do node.children!.push(this.value(node));
      while (this.separator(0x5d /* ] */));
    }
    return this.leave(node);
  }

  /** After a member: true at a comma (and past it), false at the closing bracket `close`. */
  private separator(close: number): boolean {
    this.skipTrivia();
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x2c /* , */) {
      this.pos++;
      this.skipTrivia();
      return true;
    }
    if (c === close) return false;
    throw NOT_CLEAN;
  }

  /** Past an opening bracket, one level deeper. */
  private enter(): void {
    if (++this.depth > this.maxDepth) throw TOO_DEEP;
    this.pos++;
  }

  /** Past the closing bracket of `node`, which ends there. */
  private leave(node: Building): Building {
    this.pos++;
    node.length = this.pos - node.offset;
    this.depth--;
    return node;
  }

  private word(word: string, value: boolean | null, parent: Building | undefined): Building {
    const offset = this.pos;
    if (!this.text.startsWith(word, offset)) throw NOT_CLEAN;
    this.pos += word.length;
    return { type: value === null ? 'null' : 'boolean', offset, length: word.length, parent, value };
  }

  /** The value of the string whose opening quote is at the position, which moves past its closing one. */
  private string(): string {
    const text = this.text;
    const open = this.pos;
    STRING_RUN.lastIndex = open + 1;
    STRING_RUN.test(text);
    let end = STRING_RUN.lastIndex;
    if (text.charCodeAt(end) === 0x22 /* " */) {
      this.pos = end + 1;
      return text.slice(open + 1, end);
    }
    // Escapes: find the closing quote, then let JSON.parse decode them (and judge them).
    while (text.charCodeAt(end) === 0x5c /* \ */) {
      STRING_RUN.lastIndex = end + 2;
      STRING_RUN.test(text);
      end = STRING_RUN.lastIndex;
    }
    this.pos = end + 1;
    // Past the string's end without its closing quote (a control character, the end of the text),
    // the slice is no JSON string either.
    try {
      return JSON.parse(text.slice(open, end + 1)) as string;
    } catch {
      throw NOT_CLEAN;
    }
  }

  /** Past JSON's whitespace and comments. */
  private skipTrivia(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        WHITESPACE.lastIndex = this.pos + 1;
        WHITESPACE.test(text);
        this.pos = WHITESPACE.lastIndex;
      } else if (c === 0x2f /* / */) this.skipComment();
      else return;
    }
  }

  private skipComment(): void {
    COMMENT.lastIndex = this.pos;
    if (!COMMENT.test(this.text)) throw NOT_CLEAN;
    this.pos = COMMENT.lastIndex;
  }
}
