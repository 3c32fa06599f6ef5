// How the bin scripts start a bundle (lint.js, server.js): with its compiled code kept on disk, so
// that a start does not compile the whole bundle again (a third of a 2 KB lint; docs/performance.md,
// workload 11). Where Node has a module compile cache (22.1 and later) it is Node's; on older Node,
// V8's code cache through node:vm, written when the process exits so that it holds every function
// the run compiled, not only the top level.
//
// The cache is code this process will run, so it lives where no one else can write: NODE_COMPILE_CACHE
// when the user sets it, else a directory of this user's under os.tmpdir(), created 0700 and used only
// when it is a directory (not a link) that this user owns and no one else may write. Its entries are
// named by the bundle's file (fileKey), Node's version and the architecture; V8 itself refuses data
// of another V8 version, other flags or a source of another length.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off; `NODE_DEBUG=ecs-taskdef` says what it did. Anything
// that goes wrong only means no cache.
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { debuglog } from 'node:util';
import { constants as vmConstants, Script } from 'node:vm';
import { enableCompileCache } from './compileCache';
import { allowHolding, restoreStartFlags } from './optimizingCompiler';

const debug = debuglog('ecs-taskdef');

/** How a bin script starts its bundle. */
export interface LaunchOptions {
  /** A short-lived run (the linter): V8's optimizing compiler may be held while it does not pay (optimizingCompiler.ts). */
  shortRun?: boolean;
}

/** Runs the bundle at the absolute path `bundle` as a CommonJS module, from the code cache when it can. */
export function launch(bundle: string, options: LaunchOptions = {}): void {
  // The bundle may hold TurboFan while it runs (optimizingCompiler.ts); the start flags are set
  // again at exit before the cache is written (Node's, or ours by the exit listener runCached adds
  // after this one): cached code is checked against the flags.
  if (options.shortRun) {
    allowHolding();
    process.once('exit', restoreStartFlags);
  }
  const nodeCache = enableCompileCache();
  const dir = nodeCache === 'absent' && !process.env.NODE_DISABLE_COMPILE_CACHE ? privateCacheDir() : undefined;
  if (dir) runCached(bundle, dir);
  else createRequire(bundle)(bundle);
}

/** The directory for cached code, if it is one only this user can write. */
export function privateCacheDir(): string | undefined {
  const uid = process.getuid?.();
  const dir = process.env.NODE_COMPILE_CACHE || join(tmpdir(), `ecs-taskdef-code-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    const private_ = stat.isDirectory() && (uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0));
    debug('code cache directory %s%s', dir, private_ ? '' : ' is not private: no cache');
    return private_ ? dir : undefined;
  } catch (error) {
    debug('code cache directory %s: %s', dir, (error as Error).message);
    return undefined;
  }
}

/** What runCached did with the cache: for NODE_DEBUG and the tests. */
export type CacheUse = 'accepted' | 'rejected' | 'absent';

/** Runs the bundle compiled with the cached data in `dir`; writes new data at exit when there was none that V8 took. */
export function runCached(bundle: string, dir: string): CacheUse {
  // A hashbang is only valid at the very start of a script, not inside the function around it.
  const source = readFileSync(bundle, 'utf8').replace(/^#!/, '//');
  const name = basename(bundle);
  const entry = join(dir, `${name}-${process.version}-${process.arch}-${fileKey(bundle)}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(entry);
  } catch {
    // Not cached yet.
  }
  // Node's own module wrapper, on the first line so that line numbers stay those of the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
    importModuleDynamically: vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const use: CacheUse = !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  debug('code cache for %s was %s', bundle, use);
  if (use !== 'accepted') process.once('exit', () => writeCache(script, entry, name));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return use;
}

/** Writes the script's code as compiled so far, replacing the entries of earlier builds of the same bundle. */
function writeCache(script: Script, entry: string, name: string): void {
  try {
    const dir = dirname(entry);
    for (const old of readdirSync(dir)) if (old.startsWith(`${name}-`) && old.endsWith('.v8')) unlinkSync(join(dir, old));
    // Written whole, then renamed: a process starting meanwhile reads the old entry or none, never half of one.
    const partial = `${entry}.${process.pid}.tmp`;
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, entry);
    debug('code cache for %s written', entry);
  } catch (error) {
    debug('code cache for %s not written: %s', entry, (error as Error).message);
  }
}

/**
 * Names the bundle's file as it is on disk: a new build or install is a new file (ctime, inode),
 * even where npm gives every file the same mtime. Hashing the content instead costs as much as
 * half the compile the cache saves.
 */
function fileKey(file: string): string {
  const { size, mtimeMs, ctimeMs, ino } = statSync(file);
  return `${size}-${fnv1a(`${file}\0${mtimeMs}\0${ctimeMs}\0${ino}`)}`;
}

/** FNV-1a of the text's UTF-16 code units (a file name, not a digest: nothing here is adversarial). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
