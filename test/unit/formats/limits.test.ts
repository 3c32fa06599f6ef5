// The bounds past which a document is reported once (analysis-limited) instead of parsed.
import { describe, expect, it } from 'vitest';
import { exceededBracketDepth, exceededIndicatorDepth, exceededSize, MAX_NESTING_DEPTH } from '../../../server/src/service/formats/limits';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

describe('exceededSize', () => {
  it('allows a text of exactly the limit and reports one character more', () => {
    expect(exceededSize('x'.repeat(10), 10)).toBeUndefined();
    expect(exceededSize('x'.repeat(11), 10)).toEqual({ kind: 'size', actual: 11, limit: 10 });
  });
});

describe('exceededBracketDepth', () => {
  it('allows the limit of nesting and reports one level more, of either bracket', () => {
    expect(exceededBracketDepth(nested(MAX_NESTING_DEPTH))).toBeUndefined();
    expect(exceededBracketDepth(nested(MAX_NESTING_DEPTH + 1))).toEqual({
      kind: 'depth',
      actual: MAX_NESTING_DEPTH + 1,
      limit: MAX_NESTING_DEPTH,
    });
    expect(exceededBracketDepth(nested(MAX_NESTING_DEPTH + 1, '{', '}'))?.kind).toBe('depth');
  });

  it('counts depth, not brackets: closed brackets give their level back', () => {
    const siblings = Array.from({ length: 3 }, () => nested(MAX_NESTING_DEPTH - 1)).join(',');
    expect(exceededBracketDepth(`[${siblings}]`)).toBeUndefined();
    const objects = Array.from({ length: 3 }, () => nested(MAX_NESTING_DEPTH - 1, '{', '}')).join(',');
    expect(exceededBracketDepth(`[${objects}]`)).toBeUndefined();
  });

  it('skips brackets inside double-quoted strings, escaped quotes included', () => {
    expect(exceededBracketDepth(`["${'['.repeat(300)}"]`)).toBeUndefined();
    expect(exceededBracketDepth(`["\\"${'['.repeat(300)}"]`)).toBeUndefined();
    // After the string closes, brackets count again.
    expect(exceededBracketDepth(`"\\\\"${nested(MAX_NESTING_DEPTH + 1)}`)?.kind).toBe('depth');
  });

  it("skips YAML's single-quoted strings only when asked: in JSON a ' is no quote", () => {
    const text = `['${'['.repeat(300)}']`;
    expect(exceededBracketDepth(text, true)).toBeUndefined();
    expect(exceededBracketDepth(text)?.kind).toBe('depth');
    // In a single-quoted string a backslash escapes nothing, and a " is a plain character.
    expect(exceededBracketDepth(`'\\'${nested(MAX_NESTING_DEPTH + 1)}`, true)?.kind).toBe('depth');
    expect(exceededBracketDepth(`'"'${nested(MAX_NESTING_DEPTH + 1)}`, true)?.kind).toBe('depth');
  });
});

describe('exceededIndicatorDepth', () => {
  const over = { kind: 'depth', actual: MAX_NESTING_DEPTH + 1, limit: MAX_NESTING_DEPTH };

  it('allows the limit of block indicators on one line and reports one more, of each kind', () => {
    expect(exceededIndicatorDepth(`${'- '.repeat(MAX_NESTING_DEPTH)}x\n`)).toBeUndefined();
    expect(exceededIndicatorDepth(`${'- '.repeat(MAX_NESTING_DEPTH + 1)}x\n`)).toEqual(over);
    expect(exceededIndicatorDepth(`${'? '.repeat(MAX_NESTING_DEPTH + 1)}x`)).toEqual(over);
    expect(exceededIndicatorDepth(`${': '.repeat(MAX_NESTING_DEPTH + 1)}x`)).toEqual(over);
  });

  it('takes tabs and runs of spaces between indicators, and indentation before them', () => {
    expect(exceededIndicatorDepth(`  \t${'-\t  '.repeat(MAX_NESTING_DEPTH + 1)}x`)).toEqual(over);
  });

  it('counts each line on its own, the last one too', () => {
    const line = `${'- '.repeat(MAX_NESTING_DEPTH)}x\n`;
    expect(exceededIndicatorDepth(line.repeat(5))).toBeUndefined();
    expect(exceededIndicatorDepth(`a: 1\n\n${'- '.repeat(MAX_NESTING_DEPTH + 1)}x`)).toEqual(over);
    expect(exceededIndicatorDepth(`\n${'- '.repeat(MAX_NESTING_DEPTH + 1)}x`)).toEqual(over);
  });

  it('counts no indicator without white space after it, nor one after other content', () => {
    expect(exceededIndicatorDepth(`${'-'.repeat(600)}\n${'-x '.repeat(300)}\n`)).toBeUndefined();
    expect(exceededIndicatorDepth(`x ${'- '.repeat(MAX_NESTING_DEPTH + 1)}\n`)).toBeUndefined();
    expect(exceededIndicatorDepth(`${'- '.repeat(200)}x ${'- '.repeat(200)}\n`)).toBeUndefined();
  });
});
