// Whole files in, findings out: every example and fixture has a reviewed results file. After an
// intended change, `npm run test:update-golden` rewrites them; review the diff before committing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectMatchesFile } from '../helpers/expectations';
import { applyFix, doc, service, summarize, syntaxErrors } from '../helpers/taskdef';
import { hintsForPath } from '../../server/src/documentSelector';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const root = join(__dirname, '../..');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

const inputs = [...jsonFiles(join(root, 'examples')), ...jsonFiles(join(root, 'test/fixtures/taskdefs'))];

describe('golden results', () => {
  it.each(inputs.map((f) => [relative(root, f), f]))('%s', (name, file) => {
    const text = readFileSync(file, 'utf8');
    const findings = service.analyze(doc(text), hintsForPath(file, DEFAULT_SETTINGS), { reportSyntaxErrors: true });
    const actual = summarize(text, findings);
    const resultFile = join(root, 'test/fixtures/results', `${name.replace(/[\\/]/g, '__')}.findings.json`);
    expectMatchesFile(actual, resultFile);

    // Every fix offered on a file that parses leaves a file that parses.
    if (!findings.some((f) => f.ruleId === 'invalid-json')) {
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          const fixed = applyFix(text, finding, fix.title);
          expect(syntaxErrors(fixed), `${fix.title} on ${finding.ruleId} at ${finding.range.start.line + 1}`).toEqual([]);
        }
      }
    }
  });
});
