// npm run mutation:summary [DIR]: the mutation score by folder over every report in DIR
// (reports/mutation/), for the sources under the working directory.
// A whole run (`npm run mutation`) takes one to two days of a 2-core machine, so it runs by folder,
// each run with a report of its own (docs/reliability.md, "Mutation testing"); this puts them
// together. A file measured by several reports counts with the newest; a source file that changed
// since its report is marked stale. Score: killed and timed out over those plus survived and
// without coverage; mutants the TypeScript checker refused do not count, as in Stryker's own score.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';

const DIR = process.argv[2] ?? 'reports/mutation';
const KILLED = new Set(['Killed', 'Timeout']);
const ALIVE = new Set(['Survived', 'NoCoverage']);

if (!existsSync(DIR)) {
  console.error(`No ${DIR}/: run \`npm run mutation\` (or a folder of it) first.`);
  process.exit(2);
}

/** The newest report of each source file. */
const latest = new Map();
const reports = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ path: join(DIR, name), at: statSync(join(DIR, name)).mtimeMs }))
  .sort((a, b) => a.at - b.at);
for (const { path, at } of reports) {
  let report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    continue;
  }
  if (!report || typeof report.files !== 'object') continue;
  for (const [file, result] of Object.entries(report.files)) {
    // Stryker writes paths relative to the project, or absolute ones in some reports.
    const relative = file.replace(/^.*?\/(?=(server|client)\/src\/)/, '');
    latest.set(relative, { result, at, path });
  }
}
if (latest.size === 0) {
  console.error(`No mutation report in ${DIR}/.`);
  process.exit(2);
}

const folders = new Map();
let stale = 0;
for (const [file, { result }] of latest) {
  const folder = dirname(file);
  const counts = folders.get(folder) ?? { killed: 0, alive: 0, files: 0, stale: 0 };
  for (const mutant of result.mutants) {
    if (KILLED.has(mutant.status)) counts.killed++;
    else if (ALIVE.has(mutant.status)) counts.alive++;
  }
  counts.files++;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== result.source) {
    counts.stale++;
    stale++;
  }
  folders.set(folder, counts);
}

const score = (c) => (c.killed + c.alive === 0 ? 'n/a' : `${((100 * c.killed) / (c.killed + c.alive)).toFixed(2)} %`);
const rows = [...folders].sort(([a], [b]) => a.localeCompare(b));
const width = Math.max(...rows.map(([folder]) => folder.length), 'all'.length);
console.log(`${'Folder'.padEnd(width)}  ${'Score'.padStart(8)}  ${'Killed'.padStart(6)}  ${'Alive'.padStart(5)}  Files measured`);
const total = { killed: 0, alive: 0, files: 0, stale: 0 };
for (const [folder, c] of rows) {
  for (const key of Object.keys(total)) total[key] += c[key];
  const staleNote = c.stale ? ` (${c.stale} changed since)` : '';
  console.log(
    `${folder.padEnd(width)}  ${score(c).padStart(8)}  ${String(c.killed).padStart(6)}  ${String(c.alive).padStart(5)}  ${c.files}${staleNote}`,
  );
}
console.log(
  `${'all'.padEnd(width)}  ${score(total).padStart(8)}  ${String(total.killed).padStart(6)}  ${String(total.alive).padStart(5)}  ${total.files}`,
);
if (stale) console.log(`\n${stale} of the files changed since their report: run them again for a current score.`);
console.log('\nOnly the files of these reports; a folder missing here has not been measured on this machine.');
