// Which files are task definitions by name: the `files` and `containerDefinitionFiles` globs. The
// content check (a `containerDefinitions` member, the describe wrapper) is the core's.
import { globMatcher } from './globs';
import type { RecognitionHints } from './service';
import type { Settings } from './settings';

/** The recognition hints for a file path (forward slashes), from the settings' globs. */
export function hintsForPath(path: string, settings: Pick<Settings, 'files' | 'containerDefinitionFiles'>): RecognitionHints {
  const normalized = path.replace(/\\/g, '/');
  return {
    forced: globMatcher(settings.files, { nocase: true })(normalized),
    containerDefinitionsFile: globMatcher(settings.containerDefinitionFiles, { nocase: true })(normalized),
  };
}
