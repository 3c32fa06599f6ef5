// The YAML adapter's tree, node by node: what every rule, completion and fix of a YAML document stands on.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../server/src/service/document/node';
import { parseYaml, yamlComments } from '../../../server/src/service/formats/yaml/yamlParse';

/** One line per node, depth-first: its type, the host text it covers, its value, style and expression. */
function outline(text: string, node: DocNode, depth = 0, lines: string[] = []): string[] {
  const covered = JSON.stringify(text.slice(node.offset, node.offset + node.length));
  const value =
    node.type === 'object' || node.type === 'array' || node.type === 'property' || node.type === 'expression'
      ? ''
      : ` = ${JSON.stringify(node.value)}`;
  const style = node.style ? ` (${node.style})` : '';
  const expression = node.expression ? ` ${node.expression.syntax}:${node.expression.fn}` : '';
  lines.push(`${'  '.repeat(depth)}${node.type} ${covered}${value}${style}${expression}`);
  for (const child of node.children ?? []) {
    expect(child.parent).toBe(node);
    outline(text, child, depth + 1, lines);
  }
  return lines;
}

const tree = (text: string) => {
  const parsed = parseYaml(text);
  expect(parsed.problems).toEqual([]);
  return parsed.roots.map((root) => outline(text, root));
};

describe('the YAML tree', () => {
  it('gives each scalar its type, value and quoting, with the range of its text', () => {
    const text = 'name: web\nport: 80\nessential: true\ncommand: null\nempty:\nsingle: \'a b\'\ndouble: "c"\nratio: 0.5\n';
    expect(tree(text)).toEqual([
      [
        'object "name: web\\nport: 80\\nessential: true\\ncommand: null\\nempty:\\nsingle: \'a b\'\\ndouble: \\"c\\"\\nratio: 0.5\\n"',
        '  property "name: web"',
        '    string "name" = "name" (plain)',
        '    string "web" = "web" (plain)',
        '  property "port: 80"',
        '    string "port" = "port" (plain)',
        '    number "80" = 80 (plain)',
        '  property "essential: true"',
        '    string "essential" = "essential" (plain)',
        '    boolean "true" = true (plain)',
        '  property "command: null"',
        '    string "command" = "command" (plain)',
        '    null "null" = null (plain)',
        '  property "empty:"',
        '    string "empty" = "empty" (plain)',
        '    null "" = null (plain)',
        '  property "single: \'a b\'"',
        '    string "single" = "single" (plain)',
        '    string "\'a b\'" = "a b" (single)',
        '  property "double: \\"c\\""',
        '    string "double" = "double" (plain)',
        '    string "\\"c\\"" = "c" (double)',
        '  property "ratio: 0.5"',
        '    string "ratio" = "ratio" (plain)',
        '    number "0.5" = 0.5 (plain)',
      ],
    ]);
  });

  it('marks flow collections and block scalars, and reads a quoted key as its name', () => {
    const text = 'ports: [80, 443]\nlabels: { "team": pay }\nscript: |\n  echo hi\n';
    expect(tree(text)).toEqual([
      [
        'object "ports: [80, 443]\\nlabels: { \\"team\\": pay }\\nscript: |\\n  echo hi\\n"',
        '  property "ports: [80, 443]"',
        '    string "ports" = "ports" (plain)',
        '    array "[80, 443]" (flow)',
        '      number "80" = 80 (plain)',
        '      number "443" = 443 (plain)',
        '  property "labels: { \\"team\\": pay }"',
        '    string "labels" = "labels" (plain)',
        '    object "{ \\"team\\": pay }" (flow)',
        '      property "\\"team\\": pay"',
        '        string "\\"team\\"" = "team" (double)',
        '        string "pay" = "pay" (plain)',
        '  property "script: |\\n  echo hi\\n"',
        '    string "script" = "script" (plain)',
        '    string "|\\n  echo hi\\n" = "echo hi\\n" (block)',
      ],
    ]);
  });

  it("turns CloudFormation's short tags into expressions of the long-form function, and an alias into an expression", () => {
    const text = 'a: !Ref Role\nb: !GetAtt [Role, Arn]\nc: !Sub "${AWS::Region}"\nd: &x 1\ne: *x\nf: !Custom 2\n';
    expect(tree(text)).toEqual([
      [
        'object "a: !Ref Role\\nb: !GetAtt [Role, Arn]\\nc: !Sub \\"${AWS::Region}\\"\\nd: &x 1\\ne: *x\\nf: !Custom 2\\n"',
        '  property "a: !Ref Role"',
        '    string "a" = "a" (plain)',
        '    expression "Role" cloudformation:Ref',
        '      string "Role" = "Role" (plain)',
        '  property "b: !GetAtt [Role, Arn]"',
        '    string "b" = "b" (plain)',
        '    expression "[Role, Arn]" cloudformation:Fn::GetAtt',
        '      array "[Role, Arn]" (flow)',
        '        string "Role" = "Role" (plain)',
        '        string "Arn" = "Arn" (plain)',
        '  property "c: !Sub \\"${AWS::Region}\\""',
        '    string "c" = "c" (plain)',
        '    expression "\\"${AWS::Region}\\"" cloudformation:Fn::Sub',
        '      string "\\"${AWS::Region}\\"" = "${AWS::Region}" (double)',
        '  property "d: &x 1"',
        '    string "d" = "d" (plain)',
        '    number "1" = 1 (plain)',
        '  property "e: *x"',
        '    string "e" = "e" (plain)',
        '    expression "*x" yaml-alias:alias',
        // A tag no parser knows is no CloudFormation function: the value stays what it is.
        '  property "f: !Custom 2"',
        '    string "f" = "f" (plain)',
        '    string "2" = "2" (plain)',
      ],
    ]);
  });

  it('makes each document of a stream a root of its own; an empty text has none', () => {
    const text = 'a: 1\n---\n---\n- x\n';
    expect(tree(text)).toEqual([
      ['object "a: 1\\n"', '  property "a: 1"', '    string "a" = "a" (plain)', '    number "1" = 1 (plain)'],
      ['null "" = null (plain)'],
      ['array "- x\\n"', '  string "x" = "x" (plain)'],
    ]);
    expect(parseYaml('').roots).toEqual([]);
    expect(parseYaml('# only a comment\n').roots).toEqual([]);
  });

  it('reports a duplicate key over the whole key, and a tab indent, in words', () => {
    const text = 'family: a\nfamily: b\n';
    expect(parseYaml(text).problems).toEqual([
      { offset: 10, length: 6, message: 'This key is already in the mapping; YAML keeps only one of them.' },
    ]);
    const tabbed = parseYaml('a:\n\tb: 1\n').problems;
    expect(tabbed.map((p) => p.message)).toContain('Tabs are not allowed as indentation in YAML; indent with spaces.');
  });

  it("ends the parser's message with a full stop and leaves out its line and column", () => {
    const [problem] = parseYaml('a: [1, 2\n').problems;
    expect(problem.message).toMatch(/^[^\n]*[.!?]$/);
    expect(problem.message).not.toMatch(/line \d+, column \d+/);
  });

  it('finds the comments, and nothing inside a quoted string', () => {
    const text = '# head\na: "# not one" # tail\n';
    expect(yamlComments(text)).toEqual([
      { offset: 0, length: 6, text: '# head' },
      { offset: 22, length: 6, text: '# tail' },
    ]);
  });
});
