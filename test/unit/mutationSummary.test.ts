// scripts/mutationSummary.mjs puts the reports of mutation runs by folder together
// (docs/reliability.md, "Mutation testing").
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(__dirname, '../../scripts/mutationSummary.mjs');

const mutants = (...statuses: string[]) => statuses.map((status, id) => ({ id: String(id), status, mutatorName: 'x', location: {} }));

function project(reports: Record<string, Record<string, { source: string; statuses: string[] }>>, sources: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'mutation-summary-'));
  for (const [file, text] of Object.entries(sources)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  mkdirSync(join(dir, 'reports'));
  Object.entries(reports).forEach(([name, files], i) => {
    const path = join(dir, 'reports', name);
    const report = {
      files: Object.fromEntries(Object.entries(files).map(([f, r]) => [f, { source: r.source, mutants: mutants(...r.statuses) }])),
    };
    writeFileSync(path, JSON.stringify(report));
    utimesSync(path, 1_000_000 + i, 1_000_000 + i);
  });
  return spawnSync(process.execPath, [SCRIPT, 'reports'], { cwd: dir, encoding: 'utf8' });
}

describe('npm run mutation:summary', () => {
  it('scores each folder by the newest report of each file, without the mutants the checker refused, and names stale files', () => {
    const run = project(
      {
        'old.json': { 'server/src/a/x.ts': { source: 'x', statuses: ['Survived', 'Survived'] } },
        'new.json': {
          'server/src/a/x.ts': { source: 'x', statuses: ['Killed', 'Timeout', 'Survived', 'CompileError'] },
          'server/src/a/y.ts': { source: 'old y', statuses: ['NoCoverage'] },
          '/tmp/sandbox/server/src/b/z.ts': { source: 'z', statuses: ['Killed'] },
        },
      },
      { 'server/src/a/x.ts': 'x', 'server/src/a/y.ts': 'new y', 'server/src/b/z.ts': 'z' },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'Folder           Score  Killed  Alive  Files measured',
      'server/src/a   50.00 %       2      2  2 (1 changed since)',
      'server/src/b  100.00 %       1      0  1',
      'all            60.00 %       3      2  3',
    ]);
    expect(run.stdout).toContain('1 of the files changed since their report');
  });

  it('says what to run when there is no report', () => {
    const run = project({}, {});
    expect([run.status, run.stderr]).toEqual([2, 'No mutation report in reports/.\n']);
  });
});
