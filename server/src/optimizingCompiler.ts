// A lint run over a few files is over before V8's optimizing compiler (TurboFan) pays for itself.
// On one 1.2 MB task definition it compiled the JSON parser's and the rules' hottest functions for
// about a third of the run's CPU time (on a second core, but the main thread waits for their code
// and pays for the handover), and the code arrived when most of the work was done
// (docs/performance.md, workload 12). So the linter holds TurboFan when it is about to analyse a
// text of HOLD_FROM_BYTES or more: the interpreter, Sparkplug and (where Node has it) Maglev still
// run. Once the run has analysed more than SHORT_RUN_BYTES in all, where the optimized code pays
// again (workload 13, a thousand files), it is resumed. Below HOLD_FROM_BYTES nothing is held: the
// hold itself costs a start-up `node:v8`, which loads Node's streams (about 3 ms of a 2 KB lint).
// The language server lives for hours and never holds it.
//
// Whether TurboFan is on is one of the flags V8 checks cached code against (launch.ts): the bundle
// is compiled under the flags the process started with, and they are set again at exit, before the
// cache is written (launch.js registers restoreStartFlags before its own exit listener). lint.js,
// another bundle, holds and resumes: the state is the process's, under a registered symbol.
// `NODE_DEBUG=ecs-taskdef` says what was done.
import { debuglog } from 'node:util';

/**
 * The smallest text the linter holds TurboFan for. Measured on the benchmark's task definitions
 * (docs/performance.md, "Cold start"): a lint of one 50 KB file is 2 % slower held, of one 100 KB
 * file 2 % faster, of one 300 KB file 14 % faster.
 */
export const HOLD_FROM_BYTES = 64 * 1024;

/**
 * How much text a run analyses with TurboFan held. Measured on the same files: one 1.2 MB file is
 * faster held, ten 100 KB files take the same time either way, thirty are slower held.
 */
export const SHORT_RUN_BYTES = 2 * 1024 * 1024;

const HOLD_FLAG = '--no-turbofan';
const RESUME_FLAG = '--turbofan';
const STATE = Symbol.for('ecs-taskdef.optimizingCompiler');
/** Flags with which the process started without TurboFan: then there is nothing to hold, and nothing to set at exit. */
const STARTED_WITHOUT = /--(?:no-turbofan|no-opt|jitless)\b/;

interface Compiler {
  /** Text announced so far with willAnalyse, in UTF-16 code units. */
  analysed: number;
  state: 'running' | 'held' | 'resumed';
}

type Holder = { [STATE]?: Compiler };

const debug = debuglog('ecs-taskdef');

/** Sets a V8 flag; node:v8 is loaded only by a run that holds TurboFan (see above). */
function setFlag(flag: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(flag);
}

/** Called by the launcher of a short run before anything is compiled: willAnalyse may hold TurboFan from now on. */
export function allowHolding(): void {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (STARTED_WITHOUT.test(flags)) return;
  (globalThis as Holder)[STATE] = { analysed: 0, state: 'running' };
}

/**
 * Called before a text of `length` is analysed: TurboFan is held from the first text of
 * HOLD_FROM_BYTES or more, and resumed once the run has analysed more than SHORT_RUN_BYTES.
 */
export function willAnalyse(length: number): void {
  const compiler = (globalThis as Holder)[STATE];
  if (!compiler || compiler.state === 'resumed') return;
  compiler.analysed += length;
  if (compiler.state === 'running' && length >= HOLD_FROM_BYTES && compiler.analysed <= SHORT_RUN_BYTES) {
    setFlag(HOLD_FLAG);
    compiler.state = 'held';
    debug('optimizing compiler held: %d bytes to analyse', length);
  } else if (compiler.state === 'held' && compiler.analysed > SHORT_RUN_BYTES) {
    setFlag(RESUME_FLAG);
    compiler.state = 'resumed';
    debug('optimizing compiler resumed: %d bytes to analyse', compiler.analysed);
  }
}

/** Before cached code is written: the flags the run started with, which the next run checks the cache against. */
export function restoreStartFlags(): void {
  if ((globalThis as Holder)[STATE]?.state === 'held') setFlag(RESUME_FLAG);
}
