// Which module files a child process loaded: it runs with a preload that writes, at exit, every
// file in Node's require.cache. The tests of the separately bundled parts (aws.js, yaml.js) use it
// to prove that a run loads them only when it needs them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'loaded-modules-'));
const PRELOAD = join(dir, 'recordModules.js');
writeFileSync(
  PRELOAD,
  `process.on('exit', () => require('node:fs').writeFileSync(process.env.RECORD_MODULES_TO, Object.keys(require.cache).join('\\n')));\n`,
);
let runs = 0;

/** The environment of a process that records the modules it loads; `loaded()` reads the record after it exited. */
export function recordLoadedModules(extra: Record<string, string> = {}) {
  const record = join(dir, `modules-${++runs}.txt`);
  return {
    env: { ...extra, NODE_OPTIONS: `--require ${PRELOAD}`, RECORD_MODULES_TO: record },
    loaded: () => readFileSync(record, 'utf8').split('\n'),
  };
}
