// The reviewed expectation files are compared, never written by a test run: a missing one fails
// with the command that writes it, and only that command (`npm run test:update`) writes them.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectMatchesFile, UPDATING } from '../helpers/expectations';

const root = join(__dirname, '../..');

describe.skipIf(UPDATING)('expectation files', () => {
  it('a missing expectation fails, says to run `npm run test:update`, and is not written', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'expectations-')), 'missing.findings.json');
    expect(() => expectMatchesFile({ findings: [] }, file)).toThrow(
      `${file} is missing: run \`npm run test:update\` and review what it writes.`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('`npm run test:update` (and its old name) writes the golden and corpus expectations', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['test:update']).toBe('UPDATE_GOLDEN=1 vitest run test/golden test/corpus');
    expect(scripts['test:update-golden']).toBe('npm run test:update');
  });
});
