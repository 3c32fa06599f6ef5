// The layout the JSON editor writes in (formats/json/jsonEditor.ts, detectLayout): the file's own
// indentation step and line ending, found from its indented lines.
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../server/src/service/formats/json/jsonEditor';

describe('detectLayout', () => {
  it.each([
    ['two spaces', '{\n  "a": {\n    "b": 1\n  }\n}', '  '],
    ['four spaces', '{\n    "a": {\n        "b": 1\n    }\n}', '    '],
    ['four spaces when the deeper line comes last', '{\n    "a": {\n        "b": 1}}', '    '],
    ['the smallest step, wherever it first appears', '{\n      "deep": 1,\n   "a": 1\n}', '   '],
    ['a tab', '{\n\t"a": {\n\t\t"b": 1\n\t}\n}', '\t'],
    ['a tab followed by spaces', '{\n\t  "a": 1\n}', '\t'],
    ['a tab after lines of spaces', '{\n    "a": 1,\n\t"b": 2\n}', '\t'],
    // Two spaces is the smallest step in practice: the search stops there, whatever follows.
    ['two spaces, not a tab on a later line', '{\n  "a": 1,\n\t"b": 2\n}', '  '],
    ['two spaces for a file on one line', '{"a": {"b": 1}}', '  '],
  ])('takes %s', (_, text, indent) => {
    expect(detectLayout(text)).toEqual({ indent, eol: '\n' });
  });

  it('keeps CRLF line endings', () => {
    expect(detectLayout('{\r\n    "a": 1\r\n}')).toEqual({ indent: '    ', eol: '\r\n' });
  });

  it('reads only the first 64 KB of a large file', () => {
    const head = `{\n${'    "a": 1,\n'.repeat(6000)}`;
    expect(head.length).toBeGreaterThan(65536);
    expect(detectLayout(`${head}  "b": 2\n}`).indent).toBe('    ');
    // Within the sample, the smaller step wins.
    expect(detectLayout(`{\n  "b": 2,\n${head.slice(2)}}`).indent).toBe('  ');
  });
});
