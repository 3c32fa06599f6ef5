// The order of test files in mutation runs (vitest.mutation.config.ts). Stryker's runner stops a
// mutant's run at its first failing test, so the sooner a test that fails runs, the cheaper a killed
// mutant is. Vitest's own order runs the longest files first, which suits many workers; a mutation
// run has one. Here: a file that failed last time first (it is the likeliest to fail again), then the
// quickest by the last recorded duration, and files without one by where they are and their size:
// the suites over a local AWS endpoint or whole directories of examples last.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Suites that are slow per file: they wait on retries and timeouts or lint many files. */
const SLOW_FOLDERS = ['test/catalog/', 'test/cli/', 'test/golden/'];

export default class QuickFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const keyed = files.map((spec) => {
      const path = relative(this.ctx.config.root, spec.moduleId);
      const key = `${spec.project.name}:${path}`;
      const result = cache.getFileTestResults(key);
      // Without a recorded duration: before every timed file, or after all of them in a slow folder.
      const slow = SLOW_FOLDERS.some((folder) => path.startsWith(folder));
      const estimate = result?.duration ?? (slow ? Number.MAX_SAFE_INTEGER : -1);
      return { spec, failed: result?.failed ? 0 : 1, estimate, size: cache.getFileStats(key)?.size ?? 0 };
    });
    keyed.sort((a, b) => a.failed - b.failed || a.estimate - b.estimate || a.size - b.size);
    return keyed.map((k) => k.spec);
  }
}
