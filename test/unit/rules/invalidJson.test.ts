import { describe, expect, it } from 'vitest';
import { findingsOf, textAt } from '../../helpers/taskdef';

describe('invalid-json', () => {
  it('reports a missing comma where it is missing', () => {
    const text = '{\n  "family": "f"\n  "containerDefinitions": []\n}';
    const [finding] = findingsOf('invalid-json', text);
    expect([finding.severity, finding.message, finding.range.start]).toEqual([
      'error',
      'Invalid JSON: A comma is missing here.',
      { line: 2, character: 2 },
    ]);
  });

  it('names an unquoted placeholder, once per line', () => {
    const text = '{"family": $NAME, "containerDefinitions": []}';
    const findings = findingsOf('invalid-json', text);
    expect(findings.map((f) => [textAt(text, f), f.message])).toEqual([
      ['$NAME', 'Invalid JSON: "$NAME" is not JSON; fill in or quote template placeholders before the file is used.'],
    ]);
  });

  it('reports a trailing comma but allows comments', () => {
    expect(findingsOf('invalid-json', '{"family": "f", "containerDefinitions": [],}')).toHaveLength(1);
    expect(findingsOf('invalid-json', '// deploy\n{"family": "f", "containerDefinitions": []}')).toEqual([]);
  });

  it('is off when the editor reports syntax itself', () => {
    expect(findingsOf('invalid-json', '{"family": "f" "containerDefinitions": []}', { reportSyntaxErrors: false })).toEqual([]);
  });
});
