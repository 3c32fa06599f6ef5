// The CLI's documents (lintCli/fileDocument.ts) against the editor's (vscode-languageserver-textdocument):
// the same positions, offsets, lines and line breaks for every offset and line of texts with every
// kind of line break.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { fileDocument } from '../../../server/src/lintCli/fileDocument';

const TEXTS = {
  empty: '',
  'one line': '{"family": "web"}',
  LF: '{\n  "family": "web"\n}\n',
  CRLF: '{\r\n  "family": "web"\r\n}\r\n',
  'lone CR': '{\r  "family": "web"\r}',
  mixed: 'a\r\n\nb\r\rc\n\r\nd',
  'LF first': '\n{"family": "web"}\n',
  'only line breaks': '\n\r\n\r\r\n\n',
};

describe('fileDocument', () => {
  it.each(Object.entries(TEXTS))('means what the editor document means: %s', (_name, text) => {
    const ours = fileDocument('file:///t.json', text, 3);
    const editor = TextDocument.create('file:///t.json', '', 3, text);
    expect([ours.uri, ours.languageId, ours.version, ours.lineCount, ours.getText()]).toEqual([
      editor.uri,
      editor.languageId,
      editor.version,
      editor.lineCount,
      editor.getText(),
    ]);
    for (let offset = -1; offset <= text.length + 1; offset++)
      expect(ours.positionAt(offset), `offset ${offset}`).toEqual(editor.positionAt(offset));
    for (let line = -1; line <= editor.lineCount + 1; line++) {
      expect(ours.getLineRange(line), `line ${line}`).toEqual(editor.getLineRange(line));
      expect(ours.getEOLCharacters(line), `line ${line}`).toBe(editor.getEOLCharacters(line));
      for (let character = -1; character <= 22; character++) {
        const position = { line, character };
        expect(ours.offsetAt(position), `${line}:${character}`).toBe(editor.offsetAt(position));
        const range = { start: { line: 0, character: 1 }, end: position };
        expect(ours.getText(range), `0:1 to ${line}:${character}`).toBe(editor.getText(range));
      }
    }
  });
});
