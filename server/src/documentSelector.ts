// Which files are task definitions by name: the `files` and `containerDefinitionFiles` globs. The
// content check (a `containerDefinitions` member, the describe wrapper) is the core's.
import picomatch from 'picomatch';
import type { RecognitionHints } from './service';
import type { Settings } from './settings';

type Matcher = (path: string) => boolean;
const matchers = new Map<string, Matcher>();

function matcher(patterns: string[]): Matcher {
  const key = patterns.join('\0');
  let match = matchers.get(key);
  if (!match) {
    // Patterns without a slash match the base name, as in .gitignore.
    match = patterns.length ? picomatch(patterns, { dot: true, nocase: true, basename: true }) : () => false;
    matchers.set(key, match);
  }
  return match;
}

/** The recognition hints for a file path (forward slashes), from the settings' globs. */
export function hintsForPath(path: string, settings: Pick<Settings, 'files' | 'containerDefinitionFiles'>): RecognitionHints {
  const normalized = path.replace(/\\/g, '/');
  return {
    forced: matcher(settings.files)(normalized),
    containerDefinitionsFile: matcher(settings.containerDefinitionFiles)(normalized),
  };
}
