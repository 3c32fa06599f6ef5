// Mutation runs only (vitest.mutation.config.ts): Stryker's runner keeps one worker for many test
// files and many mutants, and with `isolate: false` vitest would hand every file the source modules
// an earlier file loaded. A static mutant (one in a module-level constant such as the messages
// table of formats/json/jsonAdapter.ts) is applied only when its module loads, and module-level
// caches (the ARN cache) would carry one mutant's results into the next; so each file starts from
// freshly loaded source, which still takes less than half the time of a new worker per file.
import { vi } from 'vitest';

vi.resetModules();
