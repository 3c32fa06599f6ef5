import { describe, expect, it } from 'vitest';
import { findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

describe('invalid-json', () => {
  it('reports a missing comma where it is missing', () => {
    const text = '{\n  "family": "f"\n  "containerDefinitions": []\n}';
    const finding = onlyFindingOf('invalid-json', text);
    expect([finding.severity, finding.message, finding.range.start]).toEqual([
      'error',
      'Invalid JSON: A comma is missing here.',
      { line: 2, character: 2 },
    ]);
  });

  it('names an unquoted placeholder, once per line, in a file that has other errors too', () => {
    const text = '{"family": $NAME, "cpu": "256"\n "containerDefinitions": []}';
    const findings = findingsOf('invalid-json', text);
    expect(findings.map((f) => [f.severity, textAt(text, f), f.message])).toEqual([
      ['error', '$NAME', 'Invalid JSON: "$NAME" is not JSON; fill in or quote template placeholders before the file is used.'],
      ['error', '"containerDefinitions"', 'Invalid JSON: A comma is missing here.'],
    ]);
  });

  it('takes a .json file that only unquoted placeholders break for a template source: one information finding, no advice to quote', () => {
    const text =
      '{"family": "web", "containerDefinitions": [{"name": "app", "image": "i",\n  "portMappings": [{"containerPort": ${http_port}}]}]}';
    expect(findingsOf('invalid-json', text).map((f) => [f.severity, textAt(text, f), f.message])).toEqual([
      [
        'information',
        '$',
        'This file is a template: one value (first "${http_port}") becomes JSON only when it is rendered; lint the rendered file to check them.',
      ],
    ]);
  });

  it('takes a file for a template source only when every error is a placeholder', () => {
    const template = '{"cpu": ${cpu}, "memory": $MEMORY, "containerDefinitions": []}';
    expect(findingsOf('invalid-json', template).map((f) => [f.severity, f.message])).toEqual([
      [
        'information',
        'This file is a template: 2 values (first "${cpu}") become JSON only when it is rendered; lint the rendered file to check them.',
      ],
    ]);
    // An error before the first placeholder stays an error once the file is rendered.
    expect(findingsOf('invalid-json', '{"family": "f" "cpu": ${cpu}, "containerDefinitions": []}').map((f) => f.severity)).toContain(
      'error',
    );
  });

  it('reports at most 20 errors, one per line', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `  "k${i}": 1 2,`).join('\n');
    const findings = findingsOf('invalid-json', `{"containerDefinitions": [],\n${lines}\n"family": "f"}`);
    expect(findings.map((f) => f.range.start.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('in a template source, marks a placeholder whole, and reports other errors alone when there is none', () => {
    const text = '[{"name": "a", "cpu": $CPU}]';
    const [note] = findingsOf('invalid-json', text, {}, { containerDefinitionsFile: true }, 'defs.json.tpl');
    expect([note.severity, textAt(text, note)]).toEqual(['information', '$CPU']);
    const broken = '[{"name": "a" "cpu": 256}]';
    expect(
      findingsOf('invalid-json', broken, {}, { containerDefinitionsFile: true }, 'defs.json.tpl').map((f) => [f.severity, f.message]),
    ).toEqual([['error', 'Invalid JSON: A comma is missing here.']]);
  });

  // Each text opens with `{"containerDefinitions": [], ` so that it is taken for a task definition.
  it.each([
    ['a missing colon', '"family" "f"}', '"f"', 'A colon is missing after this property name.'],
    ['a comment left open', '"family": "f" /* open', '/* open', 'This comment is not closed.'],
    ['a missing closing brace', '"family": "f"', '', 'A closing brace "}" is missing.'],
    ['a second value', '"family": "f"} {"family": "g"}', '{', 'Only one JSON value may be in the file; this text follows it.'],
    ['a string left open', '"family": "f', '"f', 'This string is not closed.'],
    ['an escape JSON has not', '"family": "\\q"}', '"\\q"', 'This escape sequence is not valid JSON.'],
    ['a number for a property name', '"family": "f", 1: 2}', '1', 'A property name in double quotes is expected here.'],
    ['a missing closing bracket', '"volumes": [1', '', 'A closing bracket "]" is missing.'],
  ])('says what is wrong at its place: %s', (_, rest, at, message) => {
    const text = `{"containerDefinitions": [], ${rest}`;
    const [first] = findingsOf('invalid-json', text);
    expect([textAt(text, first), first.message]).toEqual([at, `Invalid JSON: ${message}`]);
  });

  it('reports a trailing comma but allows comments', () => {
    expect(findingsOf('invalid-json', '{"family": "f", "containerDefinitions": [],}')).toHaveLength(1);
    expect(findingsOf('invalid-json', '// deploy\n{"family": "f", "containerDefinitions": []}')).toEqual([]);
  });

  it('is off when the editor reports syntax itself', () => {
    expect(findingsOf('invalid-json', '{"family": "f" "containerDefinitions": []}', { reportSyntaxErrors: false })).toEqual([]);
  });

  it('in a template source, says once that placeholders become JSON when rendered, and never says to quote them', () => {
    const text = '[{"name": "${name}", "image": "i", "cpu": ${cpu},\n  "memory": ${memory}}]';
    const findings = findingsOf('invalid-json', text, {}, { containerDefinitionsFile: true }, 'container-definitions.json.tpl');
    expect(findings.map((f) => [f.severity, textAt(text, f), f.message])).toEqual([
      [
        'information',
        '$',
        'This file is a template: 2 values (first "${cpu}") become JSON only when it is rendered; lint the rendered file to check them.',
      ],
    ]);
    // Other syntax errors in a template are errors as anywhere.
    const broken = '[{"name": "a", "cpu": ${cpu}}\n {"name": "b"}]';
    expect(
      findingsOf('invalid-json', broken, {}, { containerDefinitionsFile: true }, 'defs.json.tpl').map((f) => [f.severity, f.message]),
    ).toEqual([
      [
        'information',
        'This file is a template: one value (first "${cpu}") becomes JSON only when it is rendered; lint the rendered file to check them.',
      ],
      ['error', 'Invalid JSON: A comma is missing here.'],
    ]);
  });
});
