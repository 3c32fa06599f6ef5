// Finds the External Secrets Operator stores (SecretStore, ClusterSecretStore with the AWS provider)
// of the repository that holds a file, so that an ExternalSecret is checked against a store kept in
// another file. Shared by the language server and the CLI. Reading YAML runs nothing: an untrusted
// workspace can only change which findings its own files get.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { exists } from './files';
import { storesInYaml, type StoreModel } from './service';

/** Folders that hold no manifests of the project's own. */
const SKIPPED = new Set(['node_modules', '.git', '.terraform', 'cdk.out', '.aws-sam', 'vendor', 'dist', 'out']);
/** Bounds of one search: a repository is searched once per TTL, never without end. */
const MAX_ENTRIES = 20_000;
const MAX_DEPTH = 10;
const MAX_FILE_BYTES = 1024 * 1024;
/** Only files that may hold a store are parsed. */
const MAY_HOLD_STORE =
  /external-secrets\.io\/[\s\S]*kind:\s*["']?(Cluster)?SecretStore\b|kind:\s*["']?(Cluster)?SecretStore\b[\s\S]*external-secrets\.io\//;

/** The stores of each repository, re-read once `ttlMs` has passed. */
export class KubernetesStores {
  private readonly repositories = new Map<string, { at: number; stores: Promise<StoreModel[]> }>();

  constructor(
    private readonly ttlMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stores of the repository of the file at this absolute path, but the file's own (its analysis reads those). */
  async storesFor(file: string): Promise<StoreModel[]> {
    const root = await repositoryRoot(dirname(file));
    let cached = this.repositories.get(root);
    if (!cached || this.now() - cached.at >= this.ttlMs) {
      cached = { at: this.now(), stores: scan(root) };
      this.repositories.set(root, cached);
    }
    const own = relative(root, file).split(sep).join('/');
    return (await cached.stores).filter((s) => s.file !== own);
  }
}

/** The nearest folder at or above `dir` with a `.git`, else `dir` itself. */
async function repositoryRoot(dir: string): Promise<string> {
  for (let current = dir; ; current = dirname(current)) {
    if (await exists(join(current, '.git'))) return current;
    if (dirname(current) === current) return dir;
  }
}

async function scan(root: string): Promise<StoreModel[]> {
  const stores: StoreModel[] = [];
  let entries = 0;
  const visit = async (dir: string, depth: number): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (++entries > MAX_ENTRIES) return;
      const path = join(dir, name);
      if (/\.ya?ml$/i.test(name)) {
        await readStores(root, path, stores);
      } else if (depth < MAX_DEPTH && !SKIPPED.has(name) && !name.startsWith('.')) {
        const info = await stat(path).catch(() => undefined);
        if (info?.isDirectory()) await visit(path, depth + 1);
      }
    }
  };
  await visit(root, 0);
  return stores;
}

async function readStores(root: string, path: string, stores: StoreModel[]): Promise<void> {
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES) return;
    const text = await readFile(path, 'utf8');
    if (!MAY_HOLD_STORE.test(text)) return;
    const file = relative(root, path).split(sep).join('/');
    for (const store of storesInYaml(text)) stores.push({ ...store, file });
  } catch {
    // Removed or unreadable between the listing and the read: no store we can see.
  }
}
