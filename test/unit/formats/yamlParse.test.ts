// The YAML adapter's tree, node by node: what every rule, completion and fix of a YAML document stands on.
import { describe, expect, it } from 'vitest';
import { parseYaml, yamlComments } from '../../../server/src/service/formats/yaml/yamlParse';
import { outline } from '../../helpers/outline';

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

  it('gives a problem the range the parser gives it, and a duplicate key its whole key', () => {
    expect(parseYaml('a: [1, 2\n').problems).toEqual([
      { offset: 9, length: 1, message: 'Flow sequence in block collection must be sufficiently indented and end with a ].' },
    ]);
    expect(parseYaml('"a b": 1\n"a b": 2\n').problems).toEqual([
      { offset: 9, length: 2, message: 'This key is already in the mapping; YAML keeps only one of them.' },
    ]);
  });

  it('takes a key longer than 1,024 characters, as YAML 1.2 parsers commonly do', () => {
    expect(parseYaml(`${'k'.repeat(1100)}: 1\n`).problems).toEqual([]);
  });

  it('gives a key without a value in a flow mapping the range of its key', () => {
    expect(tree('m: { a, b: 1 }\n')[0].slice(3, 6)).toEqual([
      '    object "{ a, b: 1 }" (flow)',
      '      property "a"',
      '        string "a" = "a" (plain)',
    ]);
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

describe('CloudFormation short tags', () => {
  it.each([
    ['!Ref', 'Ref'],
    ['!Condition', 'Condition'],
    ['!GetAtt', 'Fn::GetAtt'],
    ['!Sub', 'Fn::Sub'],
    ['!Join', 'Fn::Join'],
    ['!If', 'Fn::If'],
    ['!Select', 'Fn::Select'],
    ['!FindInMap', 'Fn::FindInMap'],
    ['!ImportValue', 'Fn::ImportValue'],
    ['!Split', 'Fn::Split'],
    ['!Base64', 'Fn::Base64'],
    ['!GetAZs', 'Fn::GetAZs'],
    ['!Cidr', 'Fn::Cidr'],
    ['!And', 'Fn::And'],
    ['!Equals', 'Fn::Equals'],
    ['!Not', 'Fn::Not'],
    ['!Or', 'Fn::Or'],
    ['!Transform', 'Fn::Transform'],
    ['!Length', 'Fn::Length'],
    ['!ToJsonString', 'Fn::ToJsonString'],
    ['!GetStackOutput', 'Fn::GetStackOutput'],
  ])('reads %s as %s', (tag, fn) => {
    const [root] = parseYaml(`a: ${tag} x\n`).roots;
    expect(root.children![0].children![1].expression).toEqual({ syntax: 'cloudformation', fn });
  });
});

describe('limits and messages of the YAML parse', () => {
  const blocks = (depth: number) =>
    Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}a:\n`).join('') + `${'  '.repeat(depth)}b: 1\n`;
  const tooDeep = { kind: 'depth', actual: 257, limit: 256 };

  it('converts block nesting up to the limit and refuses one level more, through maps and lists alike', () => {
    expect(parseYaml(blocks(255)).limited).toBeUndefined();
    expect(parseYaml(blocks(256)).limited).toEqual(tooDeep);
    // A tag is a level of its own: its argument is one level below it.
    expect(parseYaml(blocks(254).replace(/b: 1\n$/, 'b: [x]\n')).limited).toBeUndefined();
    expect(parseYaml(blocks(254).replace(/b: 1\n$/, 'b: !Join [x]\n')).limited).toEqual(tooDeep);
    // A list's scalar sits one level below its list: 256 nested lists reach the limit with it.
    expect(parseYaml(`${'- '.repeat(257)}x\n`).limited).toEqual(tooDeep);
    expect(parseYaml(`${'- '.repeat(256)}x\n`).limited).toBeUndefined();
  });

  it('refuses a line of more block indicators than the limit before the parser sees it', () => {
    // 2 MB of `- `: the yaml package itself runs out of memory on it.
    expect(parseYaml(`${'- '.repeat(1_000_000)}x\n`)).toEqual({
      text: expect.any(String),
      format: 'yaml',
      roots: [],
      problems: [],
      limited: { kind: 'depth', actual: 257, limit: 256 },
    });
    expect(parseYaml(`a:\n  ${'? '.repeat(300)}x\n`).limited?.kind).toBe('depth');
    expect(parseYaml(`a:\n  ${':\t'.repeat(300)}x\n`).limited?.kind).toBe('depth');
    // Dashes that are no indicators (no space after them) open nothing.
    expect(parseYaml(`a: ${'-'.repeat(600)}\nb: ${'- -'.repeat(10)}\n`).limited).toBeUndefined();
  });

  it('never overflows the stack on block nesting the limits do not catch by size', () => {
    expect(parseYaml(`${'- '.repeat(20_000)}x\n`)).toMatchObject({ roots: [], limited: { kind: 'depth' } });
  });

  it("counts flow brackets, but not those inside YAML's single-quoted strings", () => {
    expect(parseYaml(`a: '${'['.repeat(300)}'\n`).limited).toBeUndefined();
    expect(parseYaml(`a: ${'['.repeat(300)}${']'.repeat(300)}\n`).limited?.kind).toBe('depth');
  });

  it('reports warnings as problems, but not tags no parser knows (CloudFormation and tools have their own)', () => {
    expect(parseYaml('%YAML 1.3\n---\na: 1\n').problems.map((p) => p.message)).toEqual(['Unsupported YAML version 1.3.']);
    expect(parseYaml('a: !!int x\nb: !Custom y\n').problems).toEqual([]);
  });

  it('finds comments after tabs and CRLF line ends at their offsets', () => {
    const text = 'a:\t1 # x\r\n# y\r\n';
    expect(yamlComments(text).map((c) => [c.offset, text.slice(c.offset, c.offset + c.length)])).toEqual([
      [5, '# x'],
      [10, '# y'],
    ]);
  });
});

describe('the objects of a SecretProviderClass', () => {
  const spc = (objects: string, provider = 'aws') =>
    `kind: SecretProviderClass\nspec:\n  provider: ${provider}\n  parameters:\n    objects: ${objects}`;

  it('are parsed where they stand in a literal block, each node at its place in the host text', () => {
    const text = spc('|\n      - objectName: "prod/db"\n\n        objectType: secretsmanager\n      - objectName: /prod/key\n');
    const parsed = parseYaml(text);
    expect(parsed.problems).toEqual([]);
    const objects = parsed.roots[0].children![1].children![1].children![1].children![1].children![0].children![1];
    expect(outline(text, objects)).toEqual([
      'array "- objectName: \\"prod/db\\"\\n\\n        objectType: secretsmanager\\n      - objectName: /prod/key\\n"',
      '  object "objectName: \\"prod/db\\"\\n\\n        objectType: secretsmanager\\n"',
      '    property "objectName: \\"prod/db\\""',
      '      string "objectName" = "objectName" (plain)',
      '      string "\\"prod/db\\"" = "prod/db" (double)',
      '    property "objectType: secretsmanager"',
      '      string "objectType" = "objectType" (plain)',
      '      string "secretsmanager" = "secretsmanager" (plain)',
      '  object "objectName: /prod/key\\n"',
      '    property "objectName: /prod/key"',
      '      string "objectName" = "objectName" (plain)',
      '      string "/prod/key" = "/prod/key" (plain)',
    ]);
  });

  it("report a syntax error in the block at its place, as the objects' error", () => {
    const text = spc('|\n      - objectName: "prod/db\n');
    const [problem] = parseYaml(text).problems;
    expect(problem.message).toBe('In "objects": Missing closing "quote.');
    // The parser finds the quote missing at the end of the block: the offset is that end, inside the document.
    expect(problem.offset).toBe(text.length);
  });

  it('stay a string in any other form, or for another provider', () => {
    const value = (text: string) => parseYaml(text).roots[0].children![1].children![1].children![1].children![1].children![0].children![1];
    expect(value(spc('"- objectName: a"\n')).type).toBe('string');
    expect(value(spc('>\n      - objectName: a\n')).type).toBe('string');
    expect(value(spc('|\n      - objectName: a\n', 'azure')).type).toBe('string');
    expect(value(spc('|\n')).type).toBe('string');
    expect(value(spc('|')).type).toBe('string');
    expect(value(spc('|\n      # only a comment\n')).type).toBe('string');
    expect(value(spc('\n      objectName: a\n')).type).toBe('object');
    expect(value(spc('|\n      - objectName: a\n').replace('SecretProviderClass', 'ConfigMap')).type).toBe('string');
  });

  it('map each line of a mapping in the block to its host line', () => {
    const text = spc('|\n      objectName: a\n      objectType: secretsmanager\n');
    const objects = parseYaml(text).roots[0].children![1].children![1].children![1].children![1].children![0].children![1];
    expect(outline(text, objects)).toEqual([
      'object "objectName: a\\n      objectType: secretsmanager\\n"',
      '  property "objectName: a"',
      '    string "objectName" = "objectName" (plain)',
      '    string "a" = "a" (plain)',
      '  property "objectType: secretsmanager"',
      '    string "objectType" = "objectType" (plain)',
      '    string "secretsmanager" = "secretsmanager" (plain)',
    ]);
  });
});
