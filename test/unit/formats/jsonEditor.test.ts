// The JSON editor's own edits (formats/json/jsonEditor.ts), each checked by the whole text it
// writes: what a fix or a completion leaves in the user's file. Rules' tests reach these through
// their fixes; the cases here are the layouts those tests do not happen to use.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../server/src/service/document/node';
import { nodeAtPath } from '../../../server/src/service/document/navigate';
import { jsonAdapter } from '../../../server/src/service/formats/json/jsonAdapter';
import { jsonEditor } from '../../../server/src/service/formats/json/jsonEditor';

function stringNode(text: string, key: string): DocNode {
  const node = nodeAtPath(jsonAdapter.parse(text).roots[0], [key]);
  expect(node?.type).toBe('string');
  return node!;
}

describe('stringContent', () => {
  it('is the text between the quotes of a closed string', () => {
    const text = '{"a": "abc"}';
    const { start, end } = jsonEditor.stringContent(text, stringNode(text, 'a'));
    expect(text.slice(start, end)).toBe('abc');
  });

  it('runs to the end of a string the user has not closed yet', () => {
    const text = '{"a": "arn:aws:ssm';
    const { start, end } = jsonEditor.stringContent(text, stringNode(text, 'a'));
    expect(text.slice(start, end)).toBe('arn:aws:ssm');
  });

  it('is empty after a lone opening quote', () => {
    const text = '{"a": "';
    expect(jsonEditor.stringContent(text, stringNode(text, 'a'))).toEqual({ start: 7, end: 7 });
  });
});

describe('member', () => {
  it.each([
    [{ kind: 'string' }, '"k": "$1"', '"k": ""'],
    [{ kind: 'enum', values: ['awsvpc', 'bridge'] }, '"k": "${1|awsvpc,bridge|}"', '"k": ""'],
    [{ kind: 'integer' }, '"k": ${1:0}', '"k": 0'],
    [{ kind: 'boolean' }, '"k": ${1|true,false|}', '"k": false'],
    [{ kind: 'list' }, '"k": [$1]', '"k": []'],
    [{ kind: 'object' }, '"k": {$1}', '"k": {}'],
  ] as const)('writes a %o member as a snippet and as a plain default', (value, snippet, plain) => {
    expect(jsonEditor.member('k', value as never, true, '')).toBe(snippet);
    expect(jsonEditor.member('k', value as never, false, '')).toBe(plain);
  });
});

describe('insertProperty', () => {
  const insert = (text: string, path: string[], key: string, value: unknown, index?: number) =>
    jsonEditor.insertProperty(text, 0, path, key, value as never, index);

  it.each([
    ['spaced inside its braces', '{"a": { "x": 1 }}', '{"a": { "x": 1 }, "b": { "y": null }}'],
    ['spaced after its colons only', '{"a": {"x": 1}}', '{"a": {"x": 1}, "b": { "y": null }}'],
    ['compact', '{"a":{"x":1}}', '{"a":{"x":1}, "b": {"y":null}}'],
  ])('writes a flat object on one line next to a one-line neighbour %s', (_, text, expected) => {
    expect(insert(text, [], 'b', { y: null })).toBe(expected);
  });

  it('indents an object that holds an object, even next to a one-line neighbour', () => {
    expect(insert('{"a": {"x": 1}}', [], 'b', { y: 1, z: { w: 2 } })).toBe(
      '{"a": {"x": 1}, "b": {\n  "y": 1,\n  "z": {\n    "w": 2\n  }\n}}',
    );
  });

  it('keeps a one-line object on one line, also inside a multi-line file', () => {
    expect(insert('{"a": 1}', [], 'b', 2)).toBe('{"a": 1, "b": 2}');
    expect(insert('{\n  "a": {"x": 1}\n}', ['a'], 'y', 2)).toBe('{\n  "a": {"x": 1, "y": 2}\n}');
  });

  it.each([
    ['spaced inside its braces only', '[{ "name":"A" }]', '[{ "name":"A" }, { "name": "B" }]'],
    ['compact', '[{"name":"A"}]', '[{"name":"A"}, {"name":"B"}]'],
    ['compact but for a space inside a nested array', '[{"name":[ "A"]}]', '[{"name":[ "A"]}, {"name":"B"}]'],
  ])('appends a flat object spaced as a one-line element %s', (_, text, expected) => {
    expect(jsonEditor.appendElement(text, 0, [], { name: 'B' })).toBe(expected);
  });

  it('puts a member on its own line in a multi-line object, before the member at index', () => {
    expect(insert('{\n  "a": 1,\n  "c": 3\n}', [], 'b', 2, 1)).toBe('{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}');
  });

  it('fills an empty object written over two lines at the depth of its own line', () => {
    expect(insert('{\n  "a": {\n  }\n}', ['a'], 'b', 1)).toBe('{\n  "a": {\n    "b": 1\n  }\n}');
  });

  it('is undefined when the path is not an object', () => {
    expect(insert('{"a": [1]}', ['a'], 'b', 1)).toBeUndefined();
    expect(insert('{"a": 1}', ['x'], 'b', 1)).toBeUndefined();
  });
});

describe('removeAt', () => {
  const remove = (text: string, path: (string | number)[]) => jsonEditor.removeAt(text, 0, path);

  it.each([
    ['with a space before its colon', '{"a": 1, "b" : }', '{"a": 1}'],
    ['with no colon', '{"a": 1, "b" }', '{"a": 1}'],
    ['followed by spaces', '{"a": 1, "b":   }', '{"a": 1}'],
  ])('removes a last member broken text left without a value, %s', (_, text, expected) => {
    expect(remove(text, ['b'])).toBe(expected);
  });

  it('is undefined for the root and for a path that is gone', () => {
    expect(remove('{"a": 1}', [])).toBeUndefined();
    expect(remove('{"a": 1}', ['b'])).toBeUndefined();
  });
});

describe('unwrap', () => {
  const unwrap = (text: string) => jsonEditor.unwrap(text, 0, 'taskDefinition');

  /** Describe output's task definition, open for what follows it at the root. */
  const TASK = '{\n  "taskDefinition": {\n    "family": "web"\n  }';
  it.each([
    ['keeps a file without a final line break without one', `${TASK}\n}`, '{\n  "family": "web"\n}'],
    [
      'keeps the final line break and CRLF',
      '{\r\n  "taskDefinition": {\r\n    "family": "web"\r\n  }\r\n}\r\n',
      '{\r\n  "family": "web"\r\n}\r\n',
    ],
    ['leaves lines that are not indented a whole step as they are', '{"taskDefinition": {\n"family": "web"\n}}', '{\n"family": "web"\n}'],
    [
      'keeps the inner tags when both have them',
      '{\n  "taskDefinition": {\n    "family": "web",\n    "tags": []\n  },\n  "tags": [{"key": "a", "value": "b"}]\n}',
      '{\n  "family": "web",\n  "tags": []\n}',
    ],
    ['does not carry a null tags', `${TASK},\n  "tags": null\n}`, '{\n  "family": "web"\n}'],
    [
      'finds the member wherever it is among the root members',
      '{\n  "tags": [],\n  "taskDefinition": {\n    "family": "web"\n  }\n}',
      '{\n  "family": "web",\n  "tags": []\n}',
    ],
    [
      'carries the outer tags inside with their text',
      `${TASK},\n  "tags": [{"key": "a", "value": "b"}]\n}`,
      '{\n  "family": "web",\n  "tags": [{"key": "a", "value": "b"}]\n}',
    ],
  ])('%s', (_, text, expected) => {
    expect(unwrap(text)).toBe(expected);
  });

  it('is undefined when the member is not an object', () => {
    expect(unwrap('{"taskDefinition": []}')).toBeUndefined();
    expect(unwrap('[]')).toBeUndefined();
  });
});
