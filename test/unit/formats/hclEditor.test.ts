// The Terraform editor (server/src/service/formats/terraform/hclEditor.ts): every edit a fix makes
// in a .tf file, asserted as the whole text after it. HCL syntax in bodies, objects and tuples;
// JSON inside a container_definitions heredoc.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../server/src/service/document/node';
import type { ValueSnippet } from '../../../server/src/service/formats/format';
import { hclEditor as editor } from '../../../server/src/service/formats/terraform/hclEditor';
import { parseHcl } from '../../../server/src/service/formats/terraform/hclParse';

const BLOCK = 'resource "aws_ecs_task_definition" "web" {\n  family = "web"\n  cpu    = 256\n}\n';
const AT = ['resource', 'aws_ecs_task_definition', 'web'];
const HEREDOC = 'r "a" "b" {\n  container_definitions = <<EOF\n[\n  {\n    "name": "web"\n  }\n]\nEOF\n}\n';

/** The first node of `text` whose type is `type` and whose text is `written`. */
function find(text: string, type: DocNode['type'], written: string): DocNode {
  const stack = [...parseHcl(text).roots];
  while (stack.length) {
    const node = stack.shift()!;
    if (node.type === type && text.slice(node.offset, node.offset + node.length) === written) return node;
    stack.push(...(node.children ?? []));
  }
  throw new Error(`no ${type} ${written}`);
}

describe('removing', () => {
  it('takes a member on a line of its own with its line, and a comma after it', () => {
    expect(editor.removeAt(BLOCK, 0, [...AT, 'family'])).toBe(BLOCK.replace('  family = "web"\n', ''));
    const commas = 'o = {\n  a = 1,\n  b = 2,\n}\n';
    expect(editor.removeAt(commas, 0, ['o', 'a'])).toBe('o = {\n  b = 2,\n}\n');
    expect(editor.removeAt(`${BLOCK.slice(0, -3)}`, 0, [...AT, 'cpu'])).toBe(BLOCK.slice(0, -3).replace('\n  cpu    = 256', '\n'));
  });

  it('removes a member that shares its line, or a block, with its separator', () => {
    expect(editor.removeAt('o = { a = 1, b = 2 }\n', 0, ['o', 'a'])).toBe('o = { b = 2 }\n');
    expect(editor.removeAt('t = [1, 2, 3]\n', 0, ['t', 1])).toBe('t = [1, 3]\n');
    expect(editor.removeAt('x = 1\nlocals {\n  y = 2\n}\n', 0, ['locals'])).toBe('x = 1\n');
  });

  it('edits JSON inside a container_definitions heredoc', () => {
    expect(editor.removeAt(HEREDOC, 0, ['r', 'a', 'b', 'container_definitions', 0, 'name'])).toBe(
      HEREDOC.replace('\n    "name": "web"\n  ', ''),
    );
  });

  it('gives nothing back for a path that is not there', () => {
    expect(editor.removeAt(BLOCK, 0, [...AT, 'memory'])).toBeUndefined();
    expect(editor.removeAt(BLOCK, 0, [])).toBeUndefined();
  });
});

describe('inserting', () => {
  it("adds a member on a line of its own, at the index asked, with the neighbours' indentation", () => {
    expect(editor.insertProperty(BLOCK, 0, AT, 'memory', '512')).toBe(BLOCK.replace('256\n', '256\n  memory = "512"\n'));
    expect(editor.insertProperty(BLOCK, 0, AT, 'execution_role_arn', 'arn', 1)).toBe(
      BLOCK.replace('  cpu', '  execution_role_arn = "arn"\n  cpu'),
    );
    expect(editor.insertProperty(BLOCK, 0, AT, 'a', 1, 0)).toBe(BLOCK.replace('  family', '  a = 1\n  family'));
    expect(editor.insertProperty(BLOCK, 0, AT, 'z', 1, 99)).toBe(BLOCK.replace('256\n', '256\n  z = 1\n'));
  });

  it('writes a key that is not an identifier in quotes, and keeps a one-line object on one line', () => {
    expect(editor.insertProperty('o = { a = 1 }\n', 0, ['o'], 'awslogs-group', '/ecs/web')).toBe(
      'o = { a = 1, awslogs-group = "/ecs/web" }\n',
    );
    expect(editor.insertProperty('o = { a = 1 }\n', 0, ['o'], 'has space', true, 0)).toBe('o = { "has space" = true, a = 1 }\n');
  });

  it('opens an empty body or object onto lines of its own, one indent step in', () => {
    expect(editor.insertProperty('locals {}\n', 0, ['locals'], 'a', 1)).toBe('locals {\n  a = 1\n}\n');
    expect(editor.insertProperty('r "a" "b" {\n  o = {}\n}\n', 0, ['r', 'a', 'b', 'o'], 'k', 'v')).toBe(
      'r "a" "b" {\n  o = {\n    k = "v"\n  }\n}\n',
    );
    expect(editor.insertProperty('x {\n\ty = {}\n}\n', 0, ['x', 'y'], 'k', null)).toBe('x {\n\ty = {\n\t\tk = null\n\t}\n}\n');
  });

  it('renders collections as HCL: flat ones on one line, others a member per line', () => {
    const value = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', region: 'eu-west-1' } };
    expect(editor.insertProperty('locals {\n  a = 1\n}\n', 0, ['locals'], 'log', value)).toBe(
      'locals {\n  a = 1\n  log = {\n    logDriver = "awslogs"\n    options = { awslogs-group = "/ecs/web", region = "eu-west-1" }\n  }\n}\n',
    );
    expect(editor.insertProperty('locals {\n  a = 1\n}\n', 0, ['locals'], 'big', { a: 1, b: 2, c: 3, d: 4 })).toBe(
      'locals {\n  a = 1\n  big = {\n    a = 1\n    b = 2\n    c = 3\n    d = 4\n  }\n}\n',
    );
    expect(editor.insertProperty('locals {\n  a = 1\n}\n', 0, ['locals'], 'l', [{ name: 'A' }, { name: 'B' }])).toBe(
      'locals {\n  a = 1\n  l = [\n    { name = "A" },\n    { name = "B" }\n  ]\n}\n',
    );
    expect(editor.insertProperty('locals {\n  a = 1\n}\n', 0, ['locals'], 'flat', ['x', 2, false])).toBe(
      'locals {\n  a = 1\n  flat = ["x", 2, false]\n}\n',
    );
  });

  it('appends to a tuple on its line or on a line of its own, with commas', () => {
    expect(editor.appendElement('t = [1, 2]\n', 0, ['t'], 3)).toBe('t = [1, 2, 3]\n');
    expect(editor.appendElement('t = [\n  1,\n  2\n]\n', 0, ['t'], 3)).toBe('t = [\n  1,\n  2,\n  3\n]\n');
    expect(editor.appendElement('t = []\n', 0, ['t'], 'a')).toBe('t = [\n  "a"\n]\n');
    expect(editor.appendElement('t = 1\n', 0, ['t'], 'a')).toBeUndefined();
    expect(editor.insertProperty('t = [1]\n', 0, ['t'], 'k', 'v')).toBeUndefined();
  });

  it('writes JSON inside a container_definitions heredoc', () => {
    const at = ['r', 'a', 'b', 'container_definitions'];
    expect(editor.insertProperty(HEREDOC, 0, [...at, 0], 'essential', true)).toBe(
      HEREDOC.replace('"name": "web"\n', '"name": "web",\n    "essential": true\n'),
    );
    expect(editor.appendElement(HEREDOC, 0, at, { name: 'b' })).toBe(HEREDOC.replace('  }\n]', '  },\n  {\n    "name": "b"\n  }\n]'));
  });
});

describe('the text of a value, a key and a member', () => {
  it("quotes a string with JSON's escapes, and doubles the ${ and %{ that would start a template", () => {
    expect(editor.scalar('a"b\\${x}%{y}')).toBe('"a\\"b\\\\$${x}%%{y}"');
    expect(editor.newString('${x}')).toBe('"$${x}"');
    expect(editor.scalar(80)).toBe('80');
    expect(editor.scalar(false)).toBe('false');
  });

  it("writes a template's rewritten source back as it stands", () => {
    const text = 'a = "arn:${var.p}:x"\nb = var.c\n';
    expect(editor.scalar('arn:${var.p}:y', find(text, 'expression', '"arn:${var.p}:x"'))).toBe('"arn:${var.p}:y"');
    expect(editor.scalar('${x}', find(text, 'expression', 'var.c'))).toBe('"$${x}"');
  });

  it('keeps a key bare or quoted as it was, in JSON inside a heredoc', () => {
    const text = `o = { a = 1, "b" = 2 }\n${HEREDOC}`;
    expect(editor.key('x', find(text, 'string', 'a'))).toBe('x');
    expect(editor.key('x', find(text, 'string', '"b"'))).toBe('"x"');
    expect(editor.key('x-y')).toBe('x-y');
    expect(editor.key('1x')).toBe('"1x"');
    expect(editor.key('x', find(text, 'string', '"name"'))).toBe('"x"');
  });

  it('gives a new member a snippet of its kind, or a default without snippets', () => {
    const kinds: ValueSnippet[] = [
      { kind: 'string' },
      { kind: 'enum', values: ['a', 'b'] },
      { kind: 'list' },
      { kind: 'object' },
      { kind: 'integer' },
      { kind: 'boolean' },
    ];
    expect(kinds.map((kind) => editor.member('k', kind, true, ''))).toEqual([
      'k = "$1"',
      'k = "${1|a,b|}"',
      'k = [$1]',
      'k = { $1 }',
      'k = ${1:0}',
      'k = ${1|true,false|}',
    ]);
    expect(kinds.map((kind) => editor.member('k', kind, false, ''))).toEqual([
      'k = ""',
      'k = ""',
      'k = []',
      'k = {}',
      'k = 0',
      'k = false',
    ]);
    expect(editor.member('a-b', { kind: 'string' }, false, '')).toBe('a-b = ""');
    expect(editor.member('a b', { kind: 'string' }, false, '')).toBe('"a b" = ""');
  });

  it("completes inside a string's quotes, to its end when it is not closed yet", () => {
    const text = 'a = "abc"\nb = "ab';
    expect(editor.stringContent(text, { type: 'string', offset: 4, length: 5 })).toEqual({ start: 5, end: 8 });
    expect(editor.stringContent(text, { type: 'string', offset: 14, length: 3 })).toEqual({ start: 15, end: 17 });
    expect(editor.stringContent(text, { type: 'string', offset: 14, length: 1 })).toEqual({ start: 15, end: 15 });
  });

  it('writes Fn::Sub as a template string, and never unwraps describe output', () => {
    expect(editor.sub('arn:${AWS::Partition}')).toBe('"arn:${AWS::Partition}"');
    expect(editor.unwrap(BLOCK, 0, 'taskDefinition')).toBeUndefined();
  });
});
