// Every real-world task definition in ../shared/corpus is analysed without a crash, with the
// findings reviewed in test/corpus/expected/<file>.json (`npm run test:update-golden` rewrites them
// after an intended change; review the diff). Files are linted as if named on the command line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectMatchesFile } from '../helpers/expectations';
import { applyFix, doc, service, summarize, syntaxErrors } from '../helpers/taskdef';

const root = join(__dirname, '../..');
const corpus = join(root, '../shared/corpus/files');
const files = existsSync(corpus) ? readdirSync(corpus).sort() : [];

describe('corpus (../shared/corpus)', () => {
  // The corpus lives beside the repository (CI checks it out there); without it this suite would
  // pass by testing nothing, so its absence is a failure that says where it should be.
  it('has every file of the corpus', () => {
    expect(existsSync(corpus), `${corpus} is missing: the corpus of real task definitions must sit beside the repository`).toBe(true);
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s', (name) => {
    let text = readFileSync(join(corpus, name), 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const findings = service.analyze(doc(text, `file:///corpus/${name}`), { forced: true }, { reportSyntaxErrors: true });
    const actual = summarize(text, findings);
    const expectedFile = join(root, 'test/corpus/expected', `${name}.json`);
    expectMatchesFile(actual, expectedFile);

    if (!findings.some((f) => f.ruleId === 'invalid-json')) {
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          expect(syntaxErrors(applyFix(text, finding, fix.title)), `${fix.title} on ${finding.ruleId}`).toEqual([]);
        }
      }
    }
  });
});
