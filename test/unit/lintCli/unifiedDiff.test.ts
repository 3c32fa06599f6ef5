import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines, unifiedDiff } from '../../../server/src/lintCli/unifiedDiff';

const diff = (a: string, b: string) => unifiedDiff(a, b, 'a/f', 'b/f');
const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}\n`).join('');

/** Applies a unified diff of one file, checking every context and removed line against the text. */
function applyDiff(text: string, patch: string): string {
  const old = splitLines(text);
  const out: string[] = [];
  const patchLines = patch.split(/(?<=\n)/);
  expect(patchLines.slice(0, 2)).toEqual(['--- a/f\n', '+++ b/f\n']);
  let at = 0;
  for (let i = 2; i < patchLines.length;) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$/.exec(patchLines[i++]);
    expect(header, patchLines[i - 1]).not.toBeNull();
    const count = header![2] === undefined ? 1 : Number(header![2]);
    const start = count === 0 ? Number(header![1]) : Number(header![1]) - 1;
    while (at < start) out.push(old[at++]);
    while (i < patchLines.length && !patchLines[i].startsWith('@@')) {
      const op = patchLines[i][0];
      let body = patchLines[i++].slice(1);
      if (patchLines[i]?.startsWith('\\ No newline')) {
        body = body.slice(0, -1);
        i++;
      }
      if (op === ' ' || op === '-') expect(old[at++]).toBe(body);
      if (op === ' ' || op === '+') out.push(body);
    }
  }
  while (at < old.length) out.push(old[at++]);
  return out.join('');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(diff('a\n', 'a\n')).toBe('');
  });

  it('writes one hunk with three lines of context', () => {
    expect(diff(lines(10), lines(10).replace('line 5\n', 'five\n'))).toBe(
      '--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+five\n line 6\n line 7\n line 8\n',
    );
  });

  it('merges changes whose context meets and keeps far ones apart', () => {
    // As GNU diff -u: six kept lines between two changes are one hunk, seven are two.
    const near = lines(20).replace('line 5\n', 'five\n').replace('line 12\n', 'twelve\n');
    expect(diff(lines(20), near).match(/^@@.*$/gm)).toEqual(['@@ -2,14 +2,14 @@']);
    const far = lines(20).replace('line 5\n', 'five\n').replace('line 13\n', 'thirteen\n');
    expect(diff(lines(20), far).match(/^@@.*$/gm)).toEqual(['@@ -2,7 +2,7 @@', '@@ -10,7 +10,7 @@']);
  });

  it('writes counts of one and empty ranges as diff(1) does', () => {
    expect(diff('a\n', 'b\n')).toBe('--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n');
    expect(diff('', 'a\nb\n')).toBe('--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(diff('a\nb\n', '')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +0,0 @@\n-a\n-b\n');
  });

  it('marks a last line without a newline', () => {
    expect(diff('a\nb', 'a\nc')).toBe(
      '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
    expect(diff('a\nb', 'a\nb\n')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
  });

  it('keeps CRLF line endings in the lines it writes', () => {
    expect(diff('a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n')).toBe('--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n');
  });

  it('writes each run of changes as its removals, then its additions', () => {
    expect(diff('a\nb\nc\nd\n', 'a\nB\nC\nd\n')).toBe('--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n a\n-b\n-c\n+B\n+C\n d\n');
  });

  it('gives a diff that turns the old text into the new, for any texts', () => {
    const text = fc.array(fc.constantFrom('a\n', 'b\n', 'c\n', 'a\r\n', '\n', 'x'), { maxLength: 30 }).map((l) => l.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const patch = diff(a, b);
        expect(patch === '').toBe(a === b);
        if (patch) expect(applyDiff(a, patch)).toBe(b);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the changed span whole past the edit distance it searches', () => {
    const a = lines(3000);
    const b = lines(3000, 5000);
    const patch = diff(`head\n${a}tail\n`, `head\n${b}tail\n`);
    expect(patch.split('\n')[2]).toBe('@@ -1,3002 +1,3002 @@');
    expect(applyDiff(`head\n${a}tail\n`, patch)).toBe(`head\n${b}tail\n`);
  });
});
