// Property-based tests over YAML task definitions and CloudFormation templates: whatever a user
// types into them (random insertions and deletions, half-typed keys, stray quotes, tabs, colons),
// analysis, completion, hover and quick fixes never throw, and every range they return lies inside
// the document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver-types';
import { toDiagnostic } from '../../server/src/service';
import { doc, fileNamed, service } from '../helpers/taskdef';
import { fakeCatalog, parameter, secret } from '../helpers/fakeCatalog';

const root = join(__dirname, '../..');
const SOURCES = ['examples/yaml/web-fargate.yaml', 'examples/cloudformation/worker-service.yaml', 'test/fixtures/formats/worker.cfn.json'];
const catalog = fakeCatalog([secret('prod/db'), parameter('/prod/api-key')]);
const OPTIONS = { reportSyntaxErrors: true, catalog };
const PIECES = [
  '',
  ' ',
  '\n',
  '\t',
  ':',
  '- ',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '!Sub ',
  '!Ref X',
  '*a',
  '&a ',
  '#',
  'Secrets:',
  'valueFrom: ',
  'x',
];

const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }) });

function inside(range: Range, lines: string[]): boolean {
  const ok = (p: Range['start']) =>
    p.line >= 0 && p.line < lines.length + 1 && p.character >= 0 && p.character <= (lines[p.line]?.length ?? 0);
  return ok(range.start) && ok(range.end);
}

describe('YAML and CloudFormation documents under random edits', () => {
  it.each(SOURCES)('%s: every feature answers, with ranges inside the document', (source) => {
    const original = readFileSync(join(root, source), 'utf8');
    const name = source.split('/').at(-1)!;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), fc.nat(), (edits, cursor) => {
        let text = original;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
        }
        const d = doc(text, fileNamed(name));
        const lines = text.split('\n');
        const findings = service.analyze(d, {}, OPTIONS);
        for (const f of findings) expect(inside(f.range, lines), `${f.ruleId} ${JSON.stringify(f.range)}`).toBe(true);
        const position = d.positionAt(cursor % (text.length + 1));
        for (const item of service.complete(d, {}, position, { snippets: true, markdown: true }, OPTIONS).items) {
          const range = item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
          if (range) expect(inside(range, lines), item.label).toBe(true);
        }
        const hover = service.hover(d, {}, position, true, OPTIONS);
        if (hover?.range) expect(inside(hover.range, lines)).toBe(true);
        service.quickFixes(d, findings.map(toDiagnostic), { snippetEdits: true });
      }),
      { numRuns: 150 },
    );
  });
});
