// What the JSON adapter (formats/json/jsonAdapter.ts) tells the rest of the core about a text: the
// syntax problems with the token they quote, what sits at the cursor, and the comments.
import { describe, expect, it } from 'vitest';
import { jsonAdapter } from '../../../server/src/service/formats/json/jsonAdapter';
import { cursor } from '../../helpers/taskdef';

describe('syntax problems', () => {
  const firstProblem = (text: string) => jsonAdapter.parse(text).problems[0];

  it.each([
    // The length is the symbol jsonc-parser reads, which ends at `{`.
    ['a shell or Terraform placeholder', '{"cpu": ${cpu}}', '${cpu}', 1],
    ['an envsubst placeholder', '{"cpu": $CPU}', '$CPU', 4],
    ['a CodeDeploy placeholder', '{"cpu": $$$CPU_UNITS$$$}', '$$$CPU_UNITS$$$', 15],
  ])('names %s whole, and marks it as a placeholder', (_, text, placeholder, length) => {
    expect(firstProblem(text)).toEqual({
      offset: 8,
      length,
      message: `"${placeholder}" is not JSON; fill in or quote template placeholders before the file is used.`,
      placeholder,
    });
  });

  it('quotes a bare word up to where it ends, as no placeholder', () => {
    expect(firstProblem('{"family": web-app, "cpu": 1}')).toEqual({
      offset: 11,
      length: 7,
      message: '"web-app" is not JSON; fill in or quote template placeholders before the file is used.',
    });
  });

  it('names a {{placeholder}} by what the parser finds: a property name where one is expected', () => {
    expect(firstProblem('{"cpu": {{cpu}}}')?.message).toBe('A property name in double quotes is expected here.');
  });

  it('keeps the offsets of a text that starts with a byte order mark', () => {
    expect(firstProblem('\ufeff{"cpu": $CPU}')).toMatchObject({ offset: 9, placeholder: '$CPU' });
  });
});

describe('locate', () => {
  const at = (textWithCursor: string) => {
    const { text, offset } = cursor(textWithCursor);
    return jsonAdapter.locate(jsonAdapter.parse(text), offset);
  };

  it.each([
    ['a key with a value', '{"a": 1, "b|"  :  2}', true],
    ['a key with its colon on the next line', '{"a": 1, "b|"\n: 2}', true],
    ['a key without a colon yet', '{"a": 1, "b|" }', false],
    ['a key without a colon yet, before a member that has one', '{"a": 1, "b|" , "c": 2}', false],
  ])('on %s, says whether it has a value', (_, text, hasValue) => {
    const location = at(text);
    expect(location).toMatchObject({ path: ['b'], onKey: true, hasValue });
    expect(location?.node?.type).toBe('property');
  });

  it('after a comma, is on a key that is not typed yet: no node, no value', () => {
    const location = at('{"a": 1, |}');
    expect(location).toMatchObject({ path: [''], onKey: true, hasValue: false });
    expect(location?.node).toBeUndefined();
    expect(location?.object?.type).toBe('object');
  });

  it('in a value, is not on a key', () => {
    expect(at('{"a": "x|"}')).toMatchObject({ path: ['a'], onKey: false });
  });
});

describe('comments', () => {
  it('are the line and block comments only, in order, never text inside strings', () => {
    const text = '// deploy\n{"a": "// not one", /* b */ "b": 1}';
    expect(jsonAdapter.comments(text)).toEqual([
      { offset: 0, length: 9, text: '// deploy' },
      { offset: 30, length: 7, text: '/* b */' },
    ]);
  });
});
