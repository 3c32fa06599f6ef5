// A lint run over a few files is over before V8's optimizing compiler (TurboFan) pays for itself.
// On one 1.2 MB task definition it compiled the JSON parser's and the rules' hottest functions for
// about a third of the run's CPU time (on a second core, but the main thread waits for their code
// and pays for the handover), and the code arrived when most of the work was done
// (docs/performance.md, workload 12). So the lint bin starts with TurboFan held: the interpreter,
// Sparkplug and (where Node has it) Maglev still run. Once the run is about to analyse more than
// SHORT_RUN_BYTES, where the optimized code pays again (workload 13, a thousand files), it is
// resumed. The language server lives for hours and never holds it.
//
// Whether TurboFan is on is one of the flags V8 checks cached code against (launch.ts), so the
// launcher holds it before the bundle is compiled and holds it again before the cache is written at
// exit: every run compiles and writes under the same flags, however far it went.
//
// launch.js holds it and lint.js, another bundle, resumes it: the state is the process's, under a
// registered symbol. `NODE_DEBUG=ecs-taskdef` says what was done.
import { debuglog } from 'node:util';
import { setFlagsFromString } from 'node:v8';

/**
 * How much text a run analyses with TurboFan held. Measured on this repository's benchmark files
 * (docs/performance.md): one 1.2 MB file is faster held, ten 100 KB files take the same time either
 * way, thirty are slower held.
 */
export const SHORT_RUN_BYTES = 2 * 1024 * 1024;

const HOLD_FLAG = '--no-turbofan';
const RESUME_FLAG = '--turbofan';
const STATE = Symbol.for('ecs-taskdef.optimizingCompiler');

interface Hold {
  /** Text announced so far with willAnalyse, in UTF-16 code units. */
  analysed: number;
  resumed: boolean;
}

type Holder = { [STATE]?: Hold };

const debug = debuglog('ecs-taskdef');

/** Holds TurboFan for the rest of the process, until willAnalyse resumes it. */
export function holdOptimizingCompiler(): void {
  setFlagsFromString(HOLD_FLAG);
  (globalThis as Holder)[STATE] = { analysed: 0, resumed: false };
  debug('optimizing compiler held for the first %d bytes', SHORT_RUN_BYTES);
}

/** Called before a text of `length` is analysed: past SHORT_RUN_BYTES in all, TurboFan is resumed. */
export function willAnalyse(length: number): void {
  const hold = (globalThis as Holder)[STATE];
  if (!hold || hold.resumed) return;
  hold.analysed += length;
  if (hold.analysed <= SHORT_RUN_BYTES) return;
  setFlagsFromString(RESUME_FLAG);
  hold.resumed = true;
  debug('optimizing compiler resumed: %d bytes to analyse', hold.analysed);
}

/** Before cached code is written: the flags the run started with, which the next run checks the cache against. */
export function restoreStartFlags(): void {
  if ((globalThis as Holder)[STATE]?.resumed) setFlagsFromString(HOLD_FLAG);
}
