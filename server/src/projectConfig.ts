// Finds the project config of a file (`.ecs-taskdef.yaml` in its directory or above, up to the
// repository root), reads it with the core (service/config/projectConfig.ts) and says what it means
// for that file. Shared by the language server and the CLI, so that both judge a file alike. The
// user's own settings (editor settings, command-line flags) apply over it.
import { readFile } from 'node:fs/promises';
import { exists } from './files';
import { dirname, join, relative, sep } from 'node:path';
import { globMatcher } from './globs';
import {
  CONFIG_FILE_NAMES,
  parseProjectConfig,
  type DeployedBySetting,
  type ProjectConfig,
  type RecognitionHints,
  type RuleSetting,
} from './service';

/** A config file as read from disk. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  path: string;
  /** The directory its globs are relative to. */
  dir: string;
  text: string;
  config: ProjectConfig;
}

/** What one file gets from the settings, its config, and the user's settings over both. */
export interface FileSettings {
  /** A glob of `ignore` matches it: it is not analysed. */
  ignored: boolean;
  hints: RecognitionHints;
  rules: Partial<Record<string, RuleSetting>>;
  deployedBy: DeployedBySetting;
}

/** The user's own settings for a file, before the config is applied. */
export interface UserSettings {
  hints: RecognitionHints;
  rules: Partial<Record<string, RuleSetting>>;
  /** `auto` leaves the choice to the config. */
  deployedBy: DeployedBySetting;
}

/** A config's verdict for a file, with the user's settings applied over it. */
export function settingsForFile(file: string, user: UserSettings, loaded: LoadedConfig | undefined): FileSettings {
  if (!loaded) return { ignored: false, ...user };
  const { config } = loaded;
  const path = relative(loaded.dir, file).split(sep).join('/');
  const overrides = config.overrides.filter((o) => matches(o.files, path)).map((o) => o.rules);
  return {
    ignored: matches(config.ignore, path),
    hints: {
      ...user.hints,
      forced: user.hints.forced || matches(config.files, path),
      containerDefinitionsFile: user.hints.containerDefinitionsFile || matches(config.containerDefinitionFiles, path),
    },
    rules: Object.assign({}, config.rules, ...overrides, user.rules),
    deployedBy: user.deployedBy !== 'auto' ? user.deployedBy : (config.deployedBy ?? 'auto'),
  };
}

/** True when a glob matches the path from the config's directory; nothing outside it matches. */
function matches(globs: string[], path: string): boolean {
  return !path.startsWith('..') && globMatcher(globs)(path);
}

/** The configs of the files asked about, each re-read once `ttlMs` has passed. */
export class ProjectConfigs {
  private readonly byDir = new Map<string, { at: number; loaded: Promise<LoadedConfig | undefined> }>();

  constructor(
    private readonly ttlMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The config that applies to the file at this absolute path: the nearest one up to the repository root. */
  forFile(file: string): Promise<LoadedConfig | undefined> {
    return this.inDir(dirname(file));
  }

  private inDir(dir: string): Promise<LoadedConfig | undefined> {
    const cached = this.byDir.get(dir);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.loaded;
    const loaded = (async () => {
      for (const name of CONFIG_FILE_NAMES) {
        const path = join(dir, name);
        const text = await readText(path);
        if (text !== undefined) return { path, dir, text, config: parseProjectConfig(text, name).config };
      }
      // The repository root is as far up as a config is looked for.
      if ((await exists(join(dir, '.git'))) || dirname(dir) === dir) return undefined;
      return this.inDir(dirname(dir));
    })();
    this.byDir.set(dir, { at: this.now(), loaded });
    return loaded;
  }
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}
