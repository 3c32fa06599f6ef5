// The one edit a fix becomes (server/src/service/textEdits.ts): the lines between the common start
// and end of the two texts, which is what a client shows in its preview and applies.
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diffEdit } from '../../server/src/service/textEdits';

/** The edit as [first line, last line (exclusive), new text], and the text it makes. */
function edit(text: string, next: string) {
  const doc = TextDocument.create('file:///t.json', 'json', 1, text);
  const change = diffEdit(doc, next);
  if (!change) return undefined;
  const applied = TextDocument.applyEdits(doc, [change]);
  expect(applied).toBe(next);
  const { start, end } = change.range;
  return [`${start.line}:${start.character}`, `${end.line}:${end.character}`, change.newText];
}

describe('diffEdit', () => {
  it('is nothing for the same text', () => {
    expect(edit('a\nb\n', 'a\nb\n')).toBeUndefined();
  });

  it('replaces the whole lines that changed, no more', () => {
    expect(edit('one\ntwo\nthree\n', 'one\nTWO\nthree\n')).toEqual(['1:0', '2:0', 'TWO\n']);
    expect(edit('one\ntwo\nthree\n', 'one\ntwo and more\nthree\n')).toEqual(['1:0', '2:0', 'two and more\n']);
    expect(edit('{"a": 1, "b": 2}', '{"a": 1, "b": 3}')).toEqual(['0:0', '0:16', '{"a": 1, "b": 3}']);
  });

  it('inserts and removes whole lines', () => {
    expect(edit('a\nc\n', 'a\nb\nc\n')).toEqual(['1:0', '1:0', 'b\n']);
    expect(edit('a\nb\nc\n', 'a\nc\n')).toEqual(['1:0', '2:0', '']);
    expect(edit('a\nb', 'a\nb\nc')).toEqual(['1:0', '1:1', 'b\nc']);
  });

  it('takes a change at the very start or end of the text', () => {
    expect(edit('x\nb\n', 'y\nb\n')).toEqual(['0:0', '1:0', 'y\n']);
    expect(edit('a\nx', 'a\ny')).toEqual(['1:0', '1:1', 'y']);
    expect(edit('', 'a\n')).toEqual(['0:0', '0:0', 'a\n']);
    expect(edit('a\n', '')).toEqual(['0:0', '1:0', '']);
  });

  it('does not let the common start and end overlap where a line repeats, a blank one too', () => {
    expect(edit('a\na\n', 'a\na\na\n')).toEqual(['2:0', '2:0', 'a\n']);
    expect(edit('ab\nab\n', 'ab\n')).toEqual(['1:0', '2:0', '']);
    expect(edit('a\n\n', 'a\n\n\n')).toEqual(['2:0', '2:0', '\n']);
    expect(edit('\n\n', '\n')).toEqual(['1:0', '2:0', '']);
  });

  it('never ends between a carriage return and its line feed', () => {
    expect(edit('a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n')).toEqual(['1:0', '2:0', 'B\r\n']);
    expect(edit('a\r\n', 'a\n')).toEqual(['0:0', '1:0', 'a\n']);
  });
});
