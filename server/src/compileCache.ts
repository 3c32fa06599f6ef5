// Node's module compile cache (module.enableCompileCache: Node 22.1 and later; absent on Node 20):
// V8's compiled code of every module loaded after the call is kept on disk and reused by the next
// process, so that a start compiles nothing it compiled before. The directory is Node's choice:
// NODE_COMPILE_CACHE when set, else node-compile-cache under os.tmpdir() (never the home directory);
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. A directory that cannot be written only means no cache.
// Where Node has none, the bin scripts keep a code cache of their own (launch.ts).
import * as nodeModule from 'node:module';

/** Turns the compile cache on where the running Node has it (`absent` where it has none); never fails. */
export function enableCompileCache(): 'absent' | 'node' {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof enable !== 'function') return 'absent';
  try {
    enable();
  } catch {
    // An optimisation only: never a reason not to start.
  }
  return 'node';
}
