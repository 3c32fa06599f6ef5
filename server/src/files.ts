// Small file-system questions the hosts ask while looking around a repository (workflows, the
// project config). Nothing here throws: a file that cannot be read is one that is not there.
import { stat } from 'node:fs/promises';

/** True when something (a file or a directory) is at `path`. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
