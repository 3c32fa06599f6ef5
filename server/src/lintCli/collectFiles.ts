// Turns the command line's paths into the files to lint: named files as they are, directories and
// globs searched for JSON, YAML and template files, whose content decides.
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';

/** A file to lint and whether the user named it (named files are linted whatever they hold). */
export interface LintTarget {
  path: string;
  explicit: boolean;
  /** The text itself (`--stdin`, where `path` is `--stdin-filename`); else the file at `path` is read. */
  text?: string;
}

/** A path that does not exist and is no glob. */
export class MissingPathError extends Error {}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform', 'cdk.out', '.aws-sam']);
/** Files a directory search reads; their content then decides (a task definition, a template, or neither). */
const CANDIDATE = /\.(json|jsonc|ya?ml|template|tf)$/i;

/** Expands paths, directories and globs, in a stable order without duplicates. */
export async function collectFiles(paths: string[], cwd: string): Promise<LintTarget[]> {
  const targets = new Map<string, LintTarget>();
  const add = (path: string, explicit: boolean) => {
    const existing = targets.get(path);
    if (!existing || (explicit && !existing.explicit)) targets.set(path, { path, explicit });
  };
  for (const path of paths) {
    const info = await stat(resolve(cwd, path)).catch(() => undefined);
    if (info?.isFile()) add(path, true);
    else if (info?.isDirectory()) for (const file of await walk(cwd, path)) add(file, false);
    else if (picomatch.scan(path).isGlob) {
      const { base } = picomatch.scan(path);
      // The files a search of the directory finds, .aws/ among them (where the deploy actions' task
      // definition lives); a shell's glob would pass over names that start with a dot.
      const matches = picomatch(path, { dot: true });
      for (const file of await walk(cwd, base || '.')) if (matches(file)) add(file, false);
    } else throw new MissingPathError(`${path}: no such file or directory`);
  }
  return [...targets.values()];
}

async function walk(cwd: string, dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length) {
    const current = pending.shift()!;
    const entries = await readdir(resolve(cwd, current), { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      // Paths are reported as the user gave them: absolute below an absolute argument, else relative.
      const path = isAbsolute(current) ? join(current, entry.name) : relative(cwd, resolve(cwd, current, entry.name)) || entry.name;
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) pending.push(path);
      else if (entry.isFile() && CANDIDATE.test(entry.name)) found.push(path);
    }
  }
  return found;
}
