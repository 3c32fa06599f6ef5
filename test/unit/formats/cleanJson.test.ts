// The JSON fast path (formats/json/cleanJson.ts) against jsonc-parser's parseTree: on every clean
// text the same tree (types, offsets, lengths, values, colons, parents), on every other text a
// refusal, so that the adapter's tolerant parse reports the errors as before.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../server/src/service/document/node';
import { parseCleanJson } from '../../../server/src/service/formats/json/cleanJson';
import { jsonAdapter } from '../../../server/src/service/formats/json/jsonAdapter';

const root = join(__dirname, '../../..');

/** A node without its parent links (which `linked` checks), for comparing trees. */
function plain(node: Node | DocNode): unknown {
  const { parent: _parent, children, ...rest } = node as Node;
  return children ? { ...rest, children: children.map(plain) } : rest;
}

/** Every child's parent is the node that holds it. */
function linked(node: DocNode): boolean {
  return (node.children ?? []).every((child) => child.parent === node && linked(child));
}

function expectSameTree(text: string, where = 'the text'): void {
  const errors: ParseError[] = [];
  const expected = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  expect(errors, `${where}: parseTree reports no error`).toEqual([]);
  const clean = parseCleanJson(text, 256);
  expect(clean.kind, `${where}: the fast path takes it`).toBe('tree');
  if (clean.kind !== 'tree') return;
  expect(plain(clean.root), where).toEqual(plain(expected!));
  expect(linked(clean.root), `${where}: parent links`).toBe(true);
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json') && !f.includes('node_modules') && !f.split(/[\\/]/).includes('out'))
    .map((f) => join(dir, f));
}

describe('clean JSON fast path', () => {
  it('builds the tree parseTree builds for every clean JSON file of the corpus, the examples and the fixtures', () => {
    // The corpus when it is there (its own suite fails when it is not); Stryker's sandbox copy has none.
    const corpus = join(root, '../shared/corpus/files');
    const files = [
      ...(existsSync(corpus) ? jsonFiles(corpus) : []),
      ...jsonFiles(join(root, 'examples')),
      ...jsonFiles(join(root, 'test')),
    ];
    let clean = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, ' ');
      const errors: ParseError[] = [];
      parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
      if (errors.length) {
        expect(parseCleanJson(text, 256).kind, relative(root, file)).toBe('not-clean');
      } else {
        expectSameTree(text, relative(root, file));
        clean++;
      }
    }
    // The examples and fixtures alone hold 99 clean files.
    expect(clean).toBeGreaterThan(80);
  });

  it.each([
    ['scalars at the root', '"text"'],
    ['a number at the root', '-12.5e+3'],
    ['an empty object and array', '{"a": {}, "b": [], "c": [ ]}'],
    ['escapes', String.raw`{"quote\"d": "a\\b\/c\n\t\u00e9\ud83d\ude00", "": ""}`],
    ['numbers of every form', '[0, -0, 1, 10, 1.5, -2.25, 1e3, 1E-3, 6.02e+23, 12345678901234567890]'],
    ['true, false and null', '{"a": true, "b": false, "c": null}'],
    ['comments everywhere', '// head\n{ /* a */ "a" /* b */ : /* c */ 1 /* d */, // e\n "b": [ // f\n 2 /* g */ ] } // tail'],
    ['CRLF and tabs', '{\r\n\t"a": [\r\n\t\t1\r\n\t]\r\n}\r\n'],
    ['a tab before anything else', '\t{"a":\t1}'],
    ['a duplicate key', '{"a": 1, "a": 2}'],
  ])('builds the same tree as parseTree: %s', (_name, text) => {
    expectSameTree(text);
  });

  it.each([
    ['a trailing comma in an object', '{"a": 1,}'],
    ['a trailing comma in an array', '[1,]'],
    ['a leading zero', '[01]'],
    ['a number without digits after the point', '[1.]'],
    ['a plus sign', '[+1]'],
    ['a single-quoted string', "{'a': 1}"],
    ['an unclosed string', '{"a": "b}'],
    ['a line break inside a string', '{"a": "b\nc"}'],
    ['an escape JSON does not have', String.raw`{"a": "\x41"}`],
    ['a short unicode escape', String.raw`{"a": "\u12"}`],
    ['an unclosed block comment', '{"a": 1} /* end'],
    ['a slash that starts no comment', '{"a": 1} /'],
    ['a no-break space', '{"a":\u00a01}'],
    ['two values', '{} {}'],
    ['a truncated word', '[tru]'],
    ['a misspelt word', '[nulx]'],
    ['a slash and a comment end', '{"a": 1} / */'],
    ['a comment closed by its own opening star', '{"a": 1} /*/'],
    ['an unclosed comment after whitespace', ' /* {}'],
    ['an escape, then the end of the text', '{"a": "b\\n'],
    ['an escape, then a line break', '{"a": "b\\n\nc"}'],
    ['a word run on', '[truex]'],
    ['an unquoted key', '{a: 1}'],
    ['a missing colon', '{"a" 1}'],
    ['something else where the colon goes', '{"a" x1}'],
    ['a key without its opening quote', '{a": 1}'],
    ['an array closed by a brace', '[1}'],
    ['an object closed by a bracket', '{"a": 1]'],
    ['a missing comma', '{"a": 1 "b": 2}'],
    ['an unquoted placeholder', '{"cpu": ${CPU}}'],
    ['nothing', ''],
    ['only a comment', '// nothing'],
  ])('leaves the text to the tolerant parser: %s', (_name, text) => {
    expect(parseCleanJson(text, 256)).toEqual({ kind: 'not-clean' });
  });

  it('counts nesting up to the limit and stops one past it', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(parseCleanJson(nested(256), 256).kind).toBe('tree');
    expect(parseCleanJson(nested(257), 256)).toEqual({ kind: 'too-deep', depth: 257 });
    expect(parseCleanJson(`{"a": ${'{"b": '.repeat(300)}1${'}'.repeat(300)}}`, 256)).toEqual({ kind: 'too-deep', depth: 257 });
  });
});

describe('JSON adapter on either path', () => {
  it('reports a document nested too deep once, clean or not', () => {
    const deep = `${'['.repeat(300)}${']'.repeat(300)}`;
    expect(jsonAdapter.parse(deep).limited).toEqual({ kind: 'depth', actual: 257, limit: 256 });
    expect(jsonAdapter.parse(`${deep},`).limited).toEqual({ kind: 'depth', actual: 257, limit: 256 });
  });

  it('reports the syntax errors of a text that is not clean', () => {
    const parsed = jsonAdapter.parse('{"family": "web",}');
    expect(parsed.problems.map((p) => [p.offset, p.message])).toEqual([
      [17, 'A property name in double quotes is expected here.'],
      [17, 'A value is expected here (a trailing comma, or an unquoted template placeholder).'],
    ]);
    expect(parsed.roots[0]?.children?.length).toBe(1);
  });

  it('parses a clean text behind a byte order mark with the offsets of the text', () => {
    const parsed = jsonAdapter.parse('\uFEFF{"family": "web"}');
    expect(parsed.problems).toEqual([]);
    expect(parsed.roots[0]).toMatchObject({ type: 'object', offset: 1, length: 17 });
  });
});
