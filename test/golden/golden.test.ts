// Whole files in, findings out: every example and fixture has a reviewed results file. After an
// intended change, `npm run test:update` rewrites them; review the diff before committing.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectMatchesFile } from '../helpers/expectations';
import { applyFix, doc, service, summarize, syntaxProblems } from '../helpers/taskdef';
import { hintsForPath } from '../../server/src/documentSelector';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const root = join(__dirname, '../..');

/** Task definitions and templates, JSON or YAML. */
function inputFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? inputFiles(join(dir, e.name)) : /\.(json|ya?ml)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const inputs = ['examples', 'test/fixtures/taskdefs', 'test/fixtures/formats'].flatMap((dir) => inputFiles(join(root, dir)));

describe('golden results', () => {
  it.each(inputs.map((f) => [relative(root, f), f]))('%s', (name, file) => {
    const text = readFileSync(file, 'utf8');
    const uri = `file://${file}`;
    const findings = service.analyze(doc(text, uri), hintsForPath(file, DEFAULT_SETTINGS), { reportSyntaxErrors: true });
    const actual = summarize(text, findings);
    const resultFile = join(root, 'test/fixtures/results', `${name.replace(/[\\/]/g, '__')}.findings.json`);
    expectMatchesFile(actual, resultFile);

    // Every fix offered on a file that parses leaves a file that parses.
    if (!findings.some((f) => f.ruleId === 'invalid-json' || f.ruleId === 'invalid-yaml')) {
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          const fixed = applyFix(text, finding, fix.title, basename(file));
          expect(syntaxProblems(fixed, basename(file)), `${fix.title} on ${finding.ruleId} at ${finding.range.start.line + 1}`).toEqual([]);
        }
      }
    }
  });
});
