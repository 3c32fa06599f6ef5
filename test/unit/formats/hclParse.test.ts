// The Terraform adapter's tree, node by node (server/src/service/formats/terraform/hclParse.ts):
// what every rule, completion and fix of a .tf file stands on. Each case is a whole tree, so a
// changed range, value or nesting shows as the line that differs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_HCL_LENGTH } from '../../../server/src/service/formats/limits';
import { hclComments, parseHcl } from '../../../server/src/service/formats/terraform/hclParse';
import { outline } from '../../helpers/outline';

const tree = (text: string) => {
  const parsed = parseHcl(text);
  expect(parsed.problems).toEqual([]);
  expect(parsed.roots).toHaveLength(1);
  return outline(text, parsed.roots[0]).slice(1);
};

const problems = (text: string) => parseHcl(text).problems.map((p) => [text.slice(p.offset, p.offset + p.length), p.message]);

describe('the Terraform tree', () => {
  it('gives each literal its type and value, with the range of its text', () => {
    expect(tree('a = "x"\nb = 1.5\nc = true\nd = false\ne = null\n')).toEqual([
      '  property "a = \\"x\\""',
      '    string "a" = "a"',
      '    string "\\"x\\"" = "x"',
      '  property "b = 1.5"',
      '    string "b" = "b"',
      '    number "1.5" = 1.5',
      '  property "c = true"',
      '    string "c" = "c"',
      '    boolean "true" = true',
      '  property "d = false"',
      '    string "d" = "d"',
      '    boolean "false" = false',
      '  property "e = null"',
      '    string "e" = "e"',
      '    null "null" = null',
    ]);
  });

  it('puts the colon offset of an attribute at its "=" and of an object element at its "=" or ":"', () => {
    const text = 'name = { a = 1, b: 2 }\n';
    const [attribute] = parseHcl(text).roots[0].children!;
    expect(attribute.colonOffset).toBe(text.indexOf('='));
    const [a, b] = attribute.children![1].children!;
    expect([a.colonOffset, b.colonOffset]).toEqual([text.indexOf('= 1'), text.indexOf(':')]);
  });

  it('decodes every escape of a quoted string, and $${ and %%{ as the literal ${ and %{', () => {
    const text = 's = "q\\"\\\\\\n\\t\\r\\u0041\\U0001F600 $${x} %%{y}"\nplain = "no escapes"\n';
    expect(tree(text).filter((line) => line.startsWith('    string "\\"'))).toEqual([
      `    string ${JSON.stringify(text.slice(4, text.indexOf('\n')))} = "q\\"\\\\\\n\\t\\rA😀 \${x} %{y}"`,
      '    string "\\"no escapes\\"" = "no escapes"',
    ]);
  });

  it('nests a block under its type and labels, outside in, each spanning to the closing brace', () => {
    const text = 'resource "aws_ecs_task_definition" "web" {\n  family = "f"\n}\nlocals {}\nterraform x {\n}\n';
    expect(tree(text)).toEqual([
      '  property "resource \\"aws_ecs_task_definition\\" \\"web\\" {\\n  family = \\"f\\"\\n}"',
      '    string "resource" = "resource"',
      '    object "\\"aws_ecs_task_definition\\" \\"web\\" {\\n  family = \\"f\\"\\n}"',
      '      property "\\"aws_ecs_task_definition\\" \\"web\\" {\\n  family = \\"f\\"\\n}"',
      '        string "\\"aws_ecs_task_definition\\"" = "aws_ecs_task_definition"',
      '        object "\\"web\\" {\\n  family = \\"f\\"\\n}"',
      '          property "\\"web\\" {\\n  family = \\"f\\"\\n}"',
      '            string "\\"web\\"" = "web"',
      '            object "{\\n  family = \\"f\\"\\n}"',
      '              property "family = \\"f\\""',
      '                string "family" = "family"',
      '                string "\\"f\\"" = "f"',
      '  property "locals {}"',
      '    string "locals" = "locals"',
      '    object "{}"',
      '  property "terraform x {\\n}"',
      '    string "terraform" = "terraform"',
      '    object "x {\\n}"',
      '      property "x {\\n}"',
      '        string "x" = "x"',
      '        object "{\\n}"',
    ]);
  });

  it('reads tuples and objects as arrays and objects, with bare and quoted keys; an expression key names nothing', () => {
    const text = 't = [1, "a", [true]]\no = { a = 1, "b" = 2, (var.k) = 3 }\n';
    expect(tree(text)).toEqual([
      '  property "t = [1, \\"a\\", [true]]"',
      '    string "t" = "t"',
      '    array "[1, \\"a\\", [true]]"',
      '      number "1" = 1',
      '      string "\\"a\\"" = "a"',
      '      array "[true]"',
      '        boolean "true" = true',
      '  property "o = { a = 1, \\"b\\" = 2, (var.k) = 3 }"',
      '    string "o" = "o"',
      '    object "{ a = 1, \\"b\\" = 2, (var.k) = 3 }"',
      '      property "a = 1"',
      '        string "a" = "a"',
      '        number "1" = 1',
      '      property "\\"b\\" = 2"',
      '        string "\\"b\\"" = "b"',
      '        number "2" = 2',
    ]);
  });

  it('reports a key given twice in an object at its second use, and keeps both', () => {
    const text = 'o = { a = 1, b = 2, a = 3 }\n';
    const parsed = parseHcl(text);
    expect(parsed.problems).toEqual([
      { offset: text.lastIndexOf('a ='), length: 1, message: '"a" is given twice in this object; only one of the values is kept.' },
    ]);
    expect(parsed.roots[0].children![0].children![1].children!.map((p) => p.children![0].value)).toEqual(['a', 'b', 'a']);
  });

  it('makes "${x}" alone the expression x, and a string with interpolations a template of its parts', () => {
    const text = 'a = "${var.x}"\nb = "p-${var.x}-s"\nc = "%{ if x }y%{ endif }"\nd = var.x\ne = (var.y)\nf = var.c ? 1 : 2\n';
    expect(tree(text)).toEqual([
      '  property "a = \\"${var.x}\\""',
      '    string "a" = "a"',
      '    expression "var.x" terraform:reference',
      '  property "b = \\"p-${var.x}-s\\""',
      '    string "b" = "b"',
      '    expression "\\"p-${var.x}-s\\"" terraform:template ["p-" ${var.x} "-s"]',
      '  property "c = \\"%{ if x }y%{ endif }\\""',
      '    string "c" = "c"',
      '    expression "\\"%{ if x }y%{ endif }\\"" terraform:template',
      '  property "d = var.x"',
      '    string "d" = "d"',
      '    expression "var.x" terraform:reference',
      '  property "e = (var.y)"',
      '    string "e" = "e"',
      '    expression "(var.y)" terraform:reference',
      '  property "f = var.c ? 1 : 2"',
      '    string "f" = "f"',
      '    expression "var.c ? 1 : 2" terraform:conditional',
    ]);
  });

  it('gives a heredoc the text between its markers, and an indented one that text less its least indent', () => {
    const text =
      'h = <<EOF\nline one\n  two\nEOF\ni = <<-EOT\n    indented\n\n      more\n    EOT\nk = <<-EOT\n\tx\n\t\ty\nEOT\nl = <<-EOT\n  a\r\n   b\r\n  EOT\nj = <<EOF\nx ${var.y}\nEOF\n';
    expect(tree(text).filter((line) => line.startsWith('    ') && !/^ {4}string "[hiklj]"/.test(line))).toEqual([
      '    string "<<EOF\\nline one\\n  two\\nEOF" = "line one\\n  two\\n"',
      '    string "<<-EOT\\n    indented\\n\\n      more\\n    EOT" = "indented\\n\\n  more\\n"',
      '    string "<<-EOT\\n\\tx\\n\\t\\ty\\nEOT" = "x\\n\\ty\\n"',
      '    string "<<-EOT\\n  a\\r\\n   b\\r\\n  EOT" = "a\\r\\n b\\r\\n"',
      '    expression "<<EOF\\nx ${var.y}\\nEOF" terraform:template',
    ]);
  });

  it('sees through jsonencode of one argument, and keeps any other call with its arguments', () => {
    const text = 'a = jsonencode({ k = 1 })\nb = jsonencode(1, 2)\nc = file("x.json")\nd = upper()\n';
    expect(tree(text)).toEqual([
      '  property "a = jsonencode({ k = 1 })"',
      '    string "a" = "a"',
      '    object "{ k = 1 }"',
      '      property "k = 1"',
      '        string "k" = "k"',
      '        number "1" = 1',
      '  property "b = jsonencode(1, 2)"',
      '    string "b" = "b"',
      '    expression "jsonencode(1, 2)" terraform:jsonencode',
      '      number "1" = 1',
      '      number "2" = 2',
      '  property "c = file(\\"x.json\\")"',
      '    string "c" = "c"',
      '    expression "file(\\"x.json\\")" terraform:file',
      '      string "\\"x.json\\"" = "x.json"',
      '  property "d = upper()"',
      '    string "d" = "d"',
      '    expression "upper()" terraform:upper',
    ]);
  });

  it('keeps every kind of comment, in the order of the text', () => {
    const text = '# one\nx = 1 // two\n/* three */\ny = 2 # four\n';
    expect(hclComments(parseHcl(text)).map((c) => [c.offset, c.length, c.text])).toEqual([
      [0, 5, '# one'],
      [12, 6, '// two'],
      [19, 11, '/* three */'],
      [37, 6, '# four'],
    ]);
    expect(tree(text).filter((line) => line.startsWith('  property'))).toEqual(['  property "x = 1"', '  property "y = 2"']);
  });
});

describe('container_definitions written as a JSON heredoc', () => {
  it('parses the JSON in place: an interpolation outside a string is an expression over all of it, one inside makes a template', () => {
    const text = 'container_definitions = <<EOF\n[{"cpu": ${var.cpu}, "m": [${var.a}, 2], "image": "r/${var.i}:1", "n": "\\"${x}"}]\nEOF\n';
    expect(tree(text).slice(2)).toEqual([
      '    array "[{\\"cpu\\": ${var.cpu}, \\"m\\": [${var.a}, 2], \\"image\\": \\"r/${var.i}:1\\", \\"n\\": \\"\\\\\\"${x}\\"}]"',
      '      object "{\\"cpu\\": ${var.cpu}, \\"m\\": [${var.a}, 2], \\"image\\": \\"r/${var.i}:1\\", \\"n\\": \\"\\\\\\"${x}\\"}"',
      '        property "\\"cpu\\": ${var.cpu}"',
      '          string "\\"cpu\\"" = "cpu"',
      '          expression "${var.cpu}" terraform:reference',
      '        property "\\"m\\": [${var.a}, 2]"',
      '          string "\\"m\\"" = "m"',
      '          array "[${var.a}, 2]"',
      '            expression "${var.a}" terraform:reference',
      '            number "2" = 2',
      '        property "\\"image\\": \\"r/${var.i}:1\\""',
      '          string "\\"image\\"" = "image"',
      '          expression "\\"r/${var.i}:1\\"" terraform:template ["r/" ${var.i} ":1"]',
      '        property "\\"n\\": \\"\\\\\\"${x}\\""',
      '          string "\\"n\\"" = "n"',
      '          expression "\\"\\\\\\"${x}\\"" terraform:template ["\\"" ${x}]',
    ]);
    const [, value] = parseHcl(text).roots[0].children![0].children!;
    const colon = value.children![0].children![0].colonOffset;
    expect(text.slice(colon, colon! + 1)).toBe(':');
  });

  it("reports the JSON's syntax errors where they are in the .tf file", () => {
    expect(problems('container_definitions = <<-EOF\n  [{"a": 1,}]\n  EOF\n')).toEqual([
      ['}', 'In the container_definitions JSON: A property name in double quotes is expected here.'],
      ['}', 'In the container_definitions JSON: A value is expected here (a trailing comma, or an unquoted template placeholder).'],
    ]);
  });

  it('leaves a heredoc with directives, an empty one, or one another function reads as what it is', () => {
    expect(tree('container_definitions = <<EOF\n%{ for c in x }${c}%{ endfor }\nEOF\n').slice(2)).toEqual([
      '    expression "<<EOF\\n%{ for c in x }${c}%{ endfor }\\nEOF" terraform:template',
    ]);
    const empty = parseHcl('container_definitions = <<EOF\nEOF\n');
    expect(empty.roots[0].children![0].children![1].expression?.fn).toBe('template');
    expect(tree('container_definitions = jsonencode(<<EOF\n[1]\nEOF\n)\n').slice(2)).toEqual(['    string "<<EOF\\n[1]\\nEOF" = "[1]\\n"']);
    expect(tree('other = <<EOF\n[{"a": 1}]\nEOF\n').slice(2)).toEqual(['    string "<<EOF\\n[{\\"a\\": 1}]\\nEOF" = "[{\\"a\\": 1}]\\n"']);
  });
});

describe('broken Terraform', () => {
  it('rebuilds a block that is never closed around what follows its "{", and reports the "{"', () => {
    const text = 'resource "a" "b" {\n  x = 1\n  y = [\n';
    const parsed = parseHcl(text);
    expect(parsed.problems).toEqual([{ offset: text.indexOf('{'), length: 1, message: 'This block is never closed: a "}" is missing.' }]);
    expect(outline(text, parsed.roots[0]).slice(-4)).toEqual([
      '            object "{\\n  x = 1\\n  y = [\\n"',
      '              property "x = 1"',
      '                string "x" = "x"',
      '                number "1" = 1',
    ]);
  });

  it('reads a block whose first word is half typed, and reports the word, not the closed block', () => {
    const text = 'r "a" "b" {\n  netw\n}\n';
    const parsed = parseHcl(text);
    expect(problems(text)).toEqual([['netw\n}', '"netw" is not valid HCL here.']]);
    // The body is an object under resource → a → b, where completion offers the block's attributes.
    expect(outline(text, parsed.roots[0]).slice(-2)).toEqual(['            string "\\"b\\"" = "b"', '            object "{\\n  netw\\n}"']);
    expect(problems('r "a" "b" {\n  family = "web"\n  netw\n}\n')).toEqual([['netw\n}', '"netw" is not valid HCL here.']]);
    expect(problems('r "a" "b" {\n  x = "}"\n  y = [\n').map(([, message]) => message)).toEqual([
      'This block is never closed: a "}" is missing.',
    ]);
  });

  it('names a missing token where it goes, and quotes at most 40 characters of the first line of what is not HCL', () => {
    expect(problems('a = [1, 2\n')).toEqual([['', '"]" is missing here.']]);
    expect(problems('a = "wor').map(([, message]) => message)).toEqual(['The closing quote of this string is missing here.']);
    expect(problems('a = <<-EOF\n').map(([, message]) => message)).toEqual(["The heredoc's end marker is missing here."]);
    const worker = readFileSync(join(__dirname, '../../fixtures/formats/worker.tf'), 'utf8');
    const halfTyped = worker.slice(0, worker.indexOf('requires_compatibilities = [') + 'requires_compatibilities = ['.length);
    expect(problems(halfTyped).map(([, message]) => message)).toContain('A name or a value is missing here.');
    const text = 'x = 1\nthis is definitely not valid hcl at all, a long line of it\nb = 1\n';
    expect(parseHcl(text).problems.map((p) => p.message)).toEqual(['"this is definitely not valid hcl at all," is not valid HCL here.']);
  });

  it('reports a file over the size or nesting limits once instead of parsing it', () => {
    const deep = `a = ${'['.repeat(300)}${']'.repeat(300)}\n`;
    expect(parseHcl(deep)).toMatchObject({ roots: [], problems: [], limited: { kind: 'depth' } });
    const big = `# ${'x'.repeat(MAX_HCL_LENGTH)}\n`;
    expect(parseHcl(big)).toMatchObject({ roots: [], problems: [], limited: { kind: 'size', limit: MAX_HCL_LENGTH } });
    expect(parseHcl(big.slice(0, MAX_HCL_LENGTH)).limited).toBeUndefined();
  });
});
