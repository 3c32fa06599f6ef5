// Node's module compile cache (module.enableCompileCache: Node 22.1 and later; absent on Node 20):
// V8's compiled code of every module loaded after the call is kept on disk and reused by the next
// process, so that a start compiles nothing it compiled before. The directory is Node's choice:
// NODE_COMPILE_CACHE when set, else node-compile-cache under os.tmpdir() (never the home directory);
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. A directory that cannot be written only means no cache.
import * as nodeModule from 'node:module';

/** Turns the compile cache on where the running Node has it; never fails. */
export function enableCompileCache(): void {
  try {
    (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // An optimisation only: never a reason not to start.
  }
}
