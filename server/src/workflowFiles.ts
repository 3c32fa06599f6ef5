// Finds the GitHub Actions workflows of the repository that holds a file and asks the core what they
// do with it (service/deployment/githubWorkflows.ts). Shared by the language server and the CLI.
// Reading a workflow runs nothing and calls nothing: an untrusted workspace can only change which
// findings its own files get.
import { readdir, readFile, stat } from 'node:fs/promises';
import { exists } from './files';
import { dirname, join, relative, sep } from 'node:path';
import { deploymentsFromWorkflows, type Deployment, type WorkflowFile } from './service';

const WORKFLOWS = join('.github', 'workflows');
/** Workflows are small; a larger file is not one, and is not read. */
const MAX_WORKFLOW_BYTES = 1024 * 1024;
const MAX_WORKFLOWS = 200;

/** The deployments the workflows of each repository declare, re-read once `ttlMs` has passed. */
export class WorkflowDeployments {
  private readonly roots = new Map<string, { at: number; root: Promise<string | undefined> }>();
  private readonly repositories = new Map<string, { at: number; deployments: Promise<Map<string, Deployment>> }>();

  constructor(
    private readonly ttlMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  /** How the workflows deploy the file at this absolute path; undefined when none names it. */
  async detect(file: string): Promise<Deployment | undefined> {
    const root = await this.rootOf(dirname(file));
    if (root === undefined) return undefined;
    const deployments = await this.deploymentsIn(root);
    return deployments.get(relative(root, file).split(sep).join('/'));
  }

  /** The nearest directory at or above `dir` that is a repository root (`.git`) or holds workflows. */
  private rootOf(dir: string): Promise<string | undefined> {
    const cached = this.roots.get(dir);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.root;
    const root = (async () => {
      for (let current = dir; ; current = dirname(current)) {
        if ((await exists(join(current, '.git'))) || (await exists(join(current, WORKFLOWS)))) return current;
        if (dirname(current) === current) return undefined;
      }
    })();
    this.roots.set(dir, { at: this.now(), root });
    return root;
  }

  private deploymentsIn(root: string): Promise<Map<string, Deployment>> {
    const cached = this.repositories.get(root);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.deployments;
    const deployments = readWorkflows(root).then(deploymentsFromWorkflows);
    this.repositories.set(root, { at: this.now(), deployments });
    return deployments;
  }
}

/** The repository's `.github/workflows/*.yml` and `*.yaml`, each with its path from the root; unreadable ones are left out. */
async function readWorkflows(root: string): Promise<WorkflowFile[]> {
  let names: string[];
  try {
    names = await readdir(join(root, WORKFLOWS));
  } catch {
    return [];
  }
  const files: WorkflowFile[] = [];
  for (const name of names
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .slice(0, MAX_WORKFLOWS)) {
    const path = join(root, WORKFLOWS, name);
    try {
      if ((await stat(path)).size > MAX_WORKFLOW_BYTES) continue;
      files.push({ path: `.github/workflows/${name}`, text: await readFile(path, 'utf8') });
    } catch {
      // Removed or unreadable between the listing and the read: it deploys nothing we can see.
    }
  }
  return files;
}
