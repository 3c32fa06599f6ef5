// The YAML editor's own edits (formats/yaml/yamlEditor.ts), each checked by the whole text it
// writes: what a fix or a completion leaves in the user's file. Rules' tests reach these through
// their fixes (test/unit/formats/yamlFixes.test.ts); the cases here are the layouts those do not use.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../server/src/service/document/node';
import { nodeAtPath } from '../../../server/src/service/document/navigate';
import { yamlEditor } from '../../../server/src/service/formats/yaml/yamlEditor';
import { parseYaml } from '../../../server/src/service/formats/yaml/yamlParse';

const nodeAt = (text: string, path: (string | number)[], root = 0): DocNode => nodeAtPath(parseYaml(text).roots[root], path)!;

describe('scalar and key', () => {
  it('keeps the quotes of the string it replaces, and quotes a new string only where YAML needs it', () => {
    const text = 'a: "x"\nb: \'y\'\nc: z\n';
    expect(yamlEditor.scalar('it\'s "new"', nodeAt(text, ['a']))).toBe('"it\'s \\"new\\""');
    expect(yamlEditor.scalar("it's", nodeAt(text, ['b']))).toBe("'it''s'");
    expect(yamlEditor.scalar('plain text', nodeAt(text, ['c']))).toBe('plain text');
    expect(yamlEditor.scalar('true', nodeAt(text, ['c']))).toBe('"true"');
    expect(yamlEditor.scalar('a: b')).toBe('"a: b"');
    expect(yamlEditor.scalar(80)).toBe('80');
    expect(yamlEditor.scalar(false)).toBe('false');
    expect(yamlEditor.key('executionRoleArn')).toBe('executionRoleArn');
  });

  it('keeps a long string with spaces on one plain line', () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    expect(yamlEditor.newString(long)).toBe(long);
  });

  it('writes a multi-line string on one line, double-quoted', () => {
    expect(yamlEditor.newString('line one\nline two')).toBe('"line one\\nline two"');
    expect(yamlEditor.newString('/prod/db')).toBe('/prod/db');
  });

  it('writes a Sub in its short form', () => {
    expect(yamlEditor.sub('arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/db')).toBe(
      '!Sub "arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/db"',
    );
  });
});

describe('member', () => {
  it.each([
    [{ kind: 'string' }, 'k: $1', 'k: ""'],
    [{ kind: 'enum', values: ['awsvpc', 'bridge'] }, 'k: ${1|awsvpc,bridge|}', 'k: ""'],
    [{ kind: 'integer' }, 'k: ${1:0}', 'k: 0'],
    [{ kind: 'boolean' }, 'k: ${1|true,false|}', 'k: false'],
    [{ kind: 'list' }, 'k:\n    - $1', 'k: []'],
    [{ kind: 'object' }, 'k:\n    $1', 'k: {}'],
  ] as const)('writes a %o member as a snippet and as a plain default', (value, snippet, plain) => {
    expect(yamlEditor.member('k', value as never, true, '  ')).toBe(snippet);
    expect(yamlEditor.member('k', value as never, false, '  ')).toBe(plain);
  });
});

describe('stringContent', () => {
  const content = (text: string) => {
    const { start, end } = yamlEditor.stringContent(text, nodeAt(text, ['a']));
    return text.slice(start, end);
  };
  it('is the text inside the quotes, or the whole plain scalar', () => {
    expect(content('a: "abc"\n')).toBe('abc');
    expect(content("a: 'abc'\n")).toBe('abc');
    expect(content('a: abc\n')).toBe('abc');
  });
  it('runs to the end of a string the user has not closed yet', () => {
    expect(content('a: "arn:aws:ssm')).toBe('arn:aws:ssm');
    expect(content("a: 'arn")).toBe('arn');
  });
});

describe('the indentation step', () => {
  const nestedStep = (text: string) => {
    const edited = yamlEditor.insertProperty(text, 0, [], 'options', { a: 1 })!;
    return /\noptions:\n( *)a: 1/.exec(edited)![1].length;
  };

  it("is the document's smallest indentation, two spaces in a flat document", () => {
    expect(nestedStep('x:\n      deep: 1\ny:\n    z: 1\n')).toBe(4);
    expect(nestedStep('x:\n   y: 1\n')).toBe(3);
    expect(nestedStep('x: 1\n')).toBe(2);
    expect(nestedStep('x:\n - 1\n')).toBe(1);
  });

  it('is read from the first 64 KB of a large document', () => {
    const padding = `x:\n${'    k: 1\n'.repeat(8000)}`;
    expect(padding.length).toBeGreaterThan(65536);
    expect(nestedStep(`${padding}y:\n  z: 1\n`)).toBe(4);
  });
});

describe('removeAt', () => {
  it('removes a block entry with its whole lines', () => {
    const text = 'a: 1\nb:\n  c: 2\n  d: 3\ne: 4\n';
    expect(yamlEditor.removeAt(text, 0, ['b', 'c'])).toBe('a: 1\nb:\n  d: 3\ne: 4\n');
    expect(yamlEditor.removeAt(text, 0, ['b'])).toBe('a: 1\ne: 4\n');
    expect(yamlEditor.removeAt(text, 0, ['e'])).toBe('a: 1\nb:\n  c: 2\n  d: 3\n');
  });

  it('removes a list item from its dash, and leaves [] behind the last one', () => {
    const text = 'l:\n  - name: A\n    value: x\n  - name: B\nafter: 1\n';
    expect(yamlEditor.removeAt(text, 0, ['l', 0])).toBe('l:\n  - name: B\nafter: 1\n');
    expect(yamlEditor.removeAt(text, 0, ['l', 1])).toBe('l:\n  - name: A\n    value: x\nafter: 1\n');
    expect(yamlEditor.removeAt('l:\n  - x\nafter: 1\n', 0, ['l', 0])).toBe('l: []\nafter: 1\n');
    expect(yamlEditor.removeAt('m:\n  k: v\nafter: 1\n', 0, ['m', 'k'])).toBe('m: {}\nafter: 1\n');
  });

  it('removes an item from its dash when its content starts on the next line, with its comment, and a block scalar whole', () => {
    expect(yamlEditor.removeAt('l:\n  -\n    name: a\n  - b\n', 0, ['l', 0])).toBe('l:\n  - b\n');
    expect(yamlEditor.removeAt('l:\n  - a # one\n  - b\n', 0, ['l', 0])).toBe('l:\n  - b\n');
    expect(yamlEditor.removeAt('m:\n  k: |\n    text\n  j: 1\n', 0, ['m', 'k'])).toBe('m:\n  j: 1\n');
  });

  it("moves the next key of a list item up behind the dash when the item's first key goes", () => {
    const text = 'l:\n  - name: A\n    value: x\n';
    expect(yamlEditor.removeAt(text, 0, ['l', 0, 'name'])).toBe('l:\n  - value: x\n');
  });

  it('keeps the outer dash when an item of a list written inside a list item goes (`- - a`)', () => {
    expect(yamlEditor.removeAt('x:\n  - - a\n    - b\n  - c\n', 0, ['x', 0, 0])).toBe('x:\n  - - b\n  - c\n');
    expect(yamlEditor.removeAt('x:\n  - - a\n    - b\n', 0, ['x', 0, 1])).toBe('x:\n  - - a\n');
    expect(yamlEditor.removeAt('- - - a\n    - b\n  - c\n', 0, [0, 0, 0])).toBe('- - - b\n  - c\n');
    expect(yamlEditor.removeAt('x:\n  - - a\n  - c\n', 0, ['x', 0, 0])).toBe('x:\n  - []\n  - c\n');
    // A number's minus sign is no dash.
    expect(yamlEditor.removeAt('x:\n  - - -1\n    - 2\n', 0, ['x', 0, 0])).toBe('x:\n  - - 2\n');
    expect(yamlEditor.removeAt('x:\n  - -1\n  - 2\n', 0, ['x', 0])).toBe('x:\n  - 2\n');
  });

  it('leaves [] or {} behind the last entry of a text that ends without a line break, and nothing after it', () => {
    expect(yamlEditor.removeAt('x:\n  - a', 0, ['x', 0])).toBe('x: []');
    expect(yamlEditor.removeAt('x:\n  a: 1', 0, ['x', 'a'])).toBe('x: {}');
    expect(yamlEditor.removeAt('x:\n  - - a', 0, ['x', 0, 0])).toBe('x:\n  - []');
  });

  it('leaves [] behind a key written with a space before its colon', () => {
    expect(yamlEditor.removeAt('l :\n  - x\nafter: 1\n', 0, ['l', 0])).toBe('l : []\nafter: 1\n');
  });

  it('removes a member of a flow mapping with its comma', () => {
    expect(yamlEditor.removeAt('a: { x: 1, y: 2 }\n', 0, ['a', 'x'])).toBe('a: { y: 2 }\n');
    expect(yamlEditor.removeAt('a: { x: 1, y: 2 }\n', 0, ['a', 'y'])).toBe('a: { x: 1 }\n');
    expect(yamlEditor.removeAt('a: [1, 2]\n', 0, ['a', 1])).toBe('a: [1]\n');
  });

  it('keeps CRLF line ends, and edits the document of the stream it is given', () => {
    expect(yamlEditor.removeAt('l:\r\n  - x\r\nafter: 1\r\n', 0, ['l', 0])).toBe('l: []\r\nafter: 1\r\n');
    expect(yamlEditor.removeAt('a: 1\nb: 2\n---\na: 1\nb: 2\n', 1, ['b'])).toBe('a: 1\nb: 2\n---\na: 1\n');
  });

  it('is undefined for a path that is not there, and for the root', () => {
    expect(yamlEditor.removeAt('a: 1\n', 0, ['x'])).toBeUndefined();
    expect(yamlEditor.removeAt('a: 1\n', 0, [])).toBeUndefined();
  });
});

describe('insertProperty', () => {
  it("adds a block key at its siblings' indentation, last or at an index", () => {
    const text = 'a:\n    x: 1\n    y: 2\n';
    expect(yamlEditor.insertProperty(text, 0, ['a'], 'z', 3)).toBe('a:\n    x: 1\n    y: 2\n    z: 3\n');
    expect(yamlEditor.insertProperty(text, 0, ['a'], 'w', 'v', 0)).toBe('a:\n    w: v\n    x: 1\n    y: 2\n');
    expect(yamlEditor.insertProperty(text, 0, ['a'], 'w', 'v', 1)).toBe('a:\n    x: 1\n    w: v\n    y: 2\n');
  });

  it("writes a collection value below its key, one indentation step in (the document's smallest)", () => {
    const text = 'family: web\ncontainerDefinitions:\n   - name: web\n';
    expect(yamlEditor.insertProperty(text, 0, [], 'tags', [{ key: 'team', value: 'pay' }])).toBe(
      'family: web\ncontainerDefinitions:\n   - name: web\ntags:\n   - key: team\n     value: pay\n',
    );
    expect(yamlEditor.insertProperty('a: 1\n', 0, [], 'options', { 'awslogs-group': '/ecs/web', mode: 'non-blocking' })).toBe(
      'a: 1\noptions:\n  awslogs-group: /ecs/web\n  mode: non-blocking\n',
    );
  });

  it('writes an empty list or mapping after its key', () => {
    expect(yamlEditor.insertProperty('a: 1\n', 0, [], 'l', [])).toBe('a: 1\nl: []\n');
    expect(yamlEditor.insertProperty('a: 1\n', 0, [], 'm', {})).toBe('a: 1\nm: {}\n');
  });

  it('adds no line break in the middle of a text that ends without one', () => {
    expect(yamlEditor.insertProperty('a:\n  x: 1\nb: 2', 0, ['a'], 'y', 2)).toBe('a:\n  x: 1\n  y: 2\nb: 2');
    expect(yamlEditor.appendElement('l:\n  - a\nb: 2', 0, ['l'], 'x')).toBe('l:\n  - a\n  - x\nb: 2');
  });

  it('adds a line break first when the text ends without one', () => {
    expect(yamlEditor.insertProperty('a: 1', 0, [], 'b', 2)).toBe('a: 1\nb: 2');
  });

  it('puts a new first key of a list item behind the dash', () => {
    const text = 'l:\n  - name: A\n';
    expect(yamlEditor.insertProperty(text, 0, ['l', 0], 'essential', true, 0)).toBe('l:\n  - essential: true\n    name: A\n');
  });

  it('writes into a flow mapping, and turns an empty one into a flow mapping', () => {
    expect(yamlEditor.insertProperty('a: { x: 1 }\n', 0, ['a'], 'y', 2)).toBe('a: { x: 1, y: 2 }\n');
    expect(yamlEditor.insertProperty('a: { x: 1 }\n', 0, ['a'], 'y', 2, 0)).toBe('a: { y: 2, x: 1 }\n');
    expect(yamlEditor.insertProperty('a: {}\n', 0, ['a'], 'y', [1, 'two', null])).toBe('a: { y: [1, two, null] }\n');
  });

  it('is undefined where the path is no mapping', () => {
    expect(yamlEditor.insertProperty('a: [1]\n', 0, ['a'], 'y', 2)).toBeUndefined();
  });
});

describe('appendElement', () => {
  it('adds a block item at the dashes of the list, an object as block lines', () => {
    const text = 'l:\n  - name: A\n    value: x\nafter: 1\n';
    expect(yamlEditor.appendElement(text, 0, ['l'], { name: 'B', valueFrom: '/prod/b' })).toBe(
      'l:\n  - name: A\n    value: x\n  - name: B\n    valueFrom: /prod/b\nafter: 1\n',
    );
    expect(yamlEditor.appendElement('l:\n- a\n', 0, ['l'], 'b')).toBe('l:\n- a\n- b\n');
    expect(yamlEditor.appendElement('l:\n  - a', 0, ['l'], 'b')).toBe('l:\n  - a\n  - b');
  });

  it("indents a nested collection of a new item by the document's step", () => {
    expect(yamlEditor.appendElement('l:\n    - name: A\n', 0, ['l'], { name: 'B', options: { k: 'v' } })).toBe(
      'l:\n    - name: A\n    - name: B\n      options:\n          k: v\n',
    );
  });

  it('writes into a flow list, and fills an empty one', () => {
    expect(yamlEditor.appendElement('l: [a]\n', 0, ['l'], { k: 'v' })).toBe('l: [a, { k: v }]\n');
    expect(yamlEditor.appendElement('l: []\n', 0, ['l'], 'x')).toBe('l: [x]\n');
  });

  it('is undefined where the path is no list', () => {
    expect(yamlEditor.appendElement('l: {}\n', 0, ['l'], 'x')).toBeUndefined();
  });
});

describe('unwrap', () => {
  it('lifts the mapping to the root and carries the outer tags inside', () => {
    const text = 'taskDefinition:\n    family: web\n    revision: 3\ntags:\n- key: team\n  value: pay\n';
    expect(yamlEditor.unwrap(text, 0, 'taskDefinition')).toBe('family: web\nrevision: 3\ntags:\n- key: team\n  value: pay\n');
  });

  it('keeps inner tags and drops empty outer ones', () => {
    const text = 'taskDefinition:\n  family: web\n  tags: []\ntags:\n- key: team\n  value: pay\n';
    expect(yamlEditor.unwrap(text, 0, 'taskDefinition')).toBe('family: web\ntags: []\n');
    expect(yamlEditor.unwrap('taskDefinition:\n  family: web\ntags: null\n', 0, 'taskDefinition')).toBe('family: web\n');
  });

  it('keeps a comment at the start of a line inside the mapping, and a text without a last line break', () => {
    expect(yamlEditor.unwrap('taskDefinition:\n  family: web\n# note\n  cpu: "256"\n', 0, 'taskDefinition')).toBe(
      'family: web\n# note\ncpu: "256"\n',
    );
    expect(yamlEditor.unwrap('taskDefinition:\n  family: web\ntags:\n- key: a\n  value: b', 0, 'taskDefinition')).toBe(
      'family: web\ntags:\n- key: a\n  value: b',
    );
    expect(yamlEditor.unwrap('taskDefinition:\n  family: web\n  cpu: "1"', 0, 'taskDefinition')).toBe('family: web\ncpu: "1"');
  });

  it('keeps CRLF line ends', () => {
    expect(yamlEditor.unwrap('taskDefinition:\r\n  family: web\r\n  cpu: "256"\r\n', 0, 'taskDefinition')).toBe(
      'family: web\r\ncpu: "256"\r\n',
    );
  });

  it('leaves a flow or empty mapping, or a missing member, alone', () => {
    expect(yamlEditor.unwrap('taskDefinition: { family: web }\n', 0, 'taskDefinition')).toBeUndefined();
    expect(yamlEditor.unwrap('taskDefinition: {}\n', 0, 'taskDefinition')).toBeUndefined();
    expect(yamlEditor.unwrap('family: web\n', 0, 'taskDefinition')).toBeUndefined();
  });
});
