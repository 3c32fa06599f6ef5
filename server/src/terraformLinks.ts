// Finds the Terraform resource whose `container_definitions = file("...")` names a JSON file, so
// that the file's containers are judged with that resource's execution role, network mode and
// launch type (service/subjects/terraformLinks.ts). Shared by the language server and the CLI.
// The .tf files looked at are those of the file's folder and of the folders above it, up to the
// repository root or MAX_LEVELS up: Terraform reads file() paths from the module's folder, and
// container files sit beside their .tf file or a few folders below it.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ensureHclParser } from './hcl/loadHclParser';
import { exists } from './files';
import { containerFileLinks, terraformAdapter, type LinkedTask } from './service';

const MAX_LEVELS = 3;
/** A .tf file larger than this is not read for links (the analysis limits are larger; links are a hint). */
const MAX_TF_BYTES = 2 * 1024 * 1024;
/** Only .tf files that could name a container file are parsed. */
const MAY_LINK = /\bfile\(|templatefile\(|template_file/;

/** A JSON array first: the only files a resource's file() can name as container definitions. */
export const MAY_BE_CONTAINER_FILE = /^\uFEFF?\s*\[/;

/** The links of the .tf files of each folder, re-read once `ttlMs` has passed. */
export class TerraformLinks {
  private readonly folders = new Map<string, { at: number; links: Promise<Map<string, LinkedTask>> }>();

  constructor(
    private readonly ttlMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The resource that names the file at this absolute path as its container definitions, if one does. */
  async linkFor(file: string): Promise<LinkedTask | undefined> {
    let dir = dirname(file);
    for (let level = 0; level <= MAX_LEVELS; level++) {
      const task = (await this.linksIn(dir)).get(resolve(file));
      if (task) return { ...task, source: relative(dirname(file), task.source).split(sep).join('/') };
      if ((await exists(join(dir, '.git'))) || dirname(dir) === dir) return undefined;
      dir = dirname(dir);
    }
    return undefined;
  }

  /** Absolute container file path → the resource naming it (its `source` the .tf file's absolute path). */
  private linksIn(dir: string): Promise<Map<string, LinkedTask>> {
    const cached = this.folders.get(dir);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.links;
    const links = readLinks(dir);
    this.folders.set(dir, { at: this.now(), links });
    return links;
  }
}

async function readLinks(dir: string): Promise<Map<string, LinkedTask>> {
  const links = new Map<string, LinkedTask>();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.tf')).sort();
  } catch {
    return links;
  }
  for (const name of names) {
    const path = join(dir, name);
    let text: string;
    try {
      if ((await stat(path)).size > MAX_TF_BYTES) continue;
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    if (!MAY_LINK.test(text) || !text.includes('aws_ecs_task_definition')) continue;
    try {
      await ensureHclParser();
    } catch {
      return links;
    }
    for (const link of containerFileLinks(terraformAdapter.parse(text))) {
      const target = resolve(dir, link.path);
      if (!links.has(target)) links.set(target, { ...link.task, source: path });
    }
  }
  return links;
}
