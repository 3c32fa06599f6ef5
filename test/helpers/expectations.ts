// Reviewed expectation files (golden results, corpus findings): compared, never written by a test
// run. Only `npm run test:update` (UPDATE_GOLDEN=1) writes them, and the diff is reviewed
// before committing, as cfn-lint's snapshot script does.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/** True when this run is the explicit update command. */
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

/** Compares `actual` with the JSON in `file`; a missing file fails with the command that writes it. */
export function expectMatchesFile(actual: unknown, file: string): void {
  if (UPDATING) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
  }
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run test:update\` and review what it writes.`);
  }
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
