// The profiles of the shared AWS config and credentials files, for the profile picker. Only section
// names are read; nothing else of those files is kept or shown.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Profile names from `AWS_CONFIG_FILE` (or ~/.aws/config) and `AWS_SHARED_CREDENTIALS_FILE` (or ~/.aws/credentials). */
export async function listAwsProfiles(env: NodeJS.ProcessEnv = process.env, home = homedir()): Promise<string[]> {
  const config = env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config');
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials');
  const names = new Set<string>();
  for (const [file, isConfig] of [
    [config, true],
    [credentials, false],
  ] as const) {
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const match of text.matchAll(/^\s*\[\s*([^\]]+?)\s*\]\s*$/gm)) {
      const section = match[1];
      // In the config file, profiles are `[profile name]` (and `[default]`); other sections are not profiles.
      if (isConfig && section !== 'default' && !section.startsWith('profile ')) continue;
      names.add(isConfig && section.startsWith('profile ') ? section.slice('profile '.length).trim() : section);
    }
  }
  return [...names].sort();
}
