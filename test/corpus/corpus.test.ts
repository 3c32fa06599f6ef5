// Every real-world task definition in ../shared/corpus is analysed without a crash, with the
// findings reviewed in test/corpus/expected/<file>.json (`npm run test:update-golden` rewrites them
// after an intended change; review the diff). Files are linted as if named on the command line.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFix, doc, service, summarize, syntaxErrors } from '../helpers/taskdef';

const root = join(__dirname, '../..');
const corpus = join(root, '../shared/corpus/files');
const update = process.env.UPDATE_GOLDEN === '1';
const files = existsSync(corpus) ? readdirSync(corpus).sort() : [];

describe.skipIf(files.length === 0)('corpus (../shared/corpus)', () => {
  it('has every file of the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s', (name) => {
    let text = readFileSync(join(corpus, name), 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const findings = service.analyze(doc(text, `file:///corpus/${name}`), { forced: true }, { reportSyntaxErrors: true });
    const actual = summarize(text, findings);
    const expectedFile = join(root, 'test/corpus/expected', `${name}.json`);
    if (update || !existsSync(expectedFile)) writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));

    if (!findings.some((f) => f.ruleId === 'invalid-json')) {
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          expect(syntaxErrors(applyFix(text, finding, fix.title)), `${fix.title} on ${finding.ruleId}`).toEqual([]);
        }
      }
    }
  });
});
