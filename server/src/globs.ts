// Globs as users write them in settings and the project config, read as .gitignore reads them: a
// pattern without a slash matches the file name in any directory. (picomatch's own `basename`
// option would do that, but it also stops `deploy/**` and `**/deploy/*.json` from matching.)
import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

/** A matcher for forward-slash paths, cached per pattern list. */
export function globMatcher(patterns: readonly string[], options: { nocase?: boolean } = {}): (path: string) => boolean {
  if (!patterns.length) return () => false;
  const key = `${options.nocase ? 1 : 0}\0${patterns.join('\0')}`;
  let match = matchers.get(key);
  if (!match) {
    const anywhere = patterns.map((p) => (p.includes('/') ? p : `**/${p}`));
    matchers.set(key, (match = picomatch(anywhere, { dot: true, nocase: options.nocase === true })));
  }
  return match;
}
