// The bin scripts' code cache (server/src/launch.ts): Node's compile cache where Node has one, else
// V8's code cache in a directory only this user can write. Each run is a real process, as a user's
// shell or CI starts it; `NODE_DEBUG=ecs-taskdef` says what the cache did.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedAwsEnv } from '../helpers/awsEnv';

const root = join(__dirname, '../..');
const LAUNCH = join(root, 'server/out/launch.js');
const LINT_BIN = join(root, 'server/bin/ecs-taskdef-lint');
const nodeHasCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: NodeJS.ProcessEnv, cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** An environment whose temporary directory is `tmp`, with the cache's debug lines on. */
function envWith(tmp: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...isolatedAwsEnv({ TMPDIR: tmp }), NODE_DEBUG: 'ecs-taskdef', NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };
  delete env.NODE_COMPILE_CACHE; // which would name the directory itself, unless a test does
  return { ...env, ...extra };
}

/** What the debug lines say the cache did with the bundle: absent, accepted or rejected. */
function cacheUse(stderr: string): string | undefined {
  return /code cache for \S+ was (\w+)/.exec(stderr)?.[1];
}

describe('code cache of the bin scripts', () => {
  it('never stops a run when its directory cannot be made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    writeFileSync(join(dir, 'td.json'), '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b", "memory": 512}]}');
    // A file where the temporary and home directories should be: no cache directory can be made under it.
    const notADirectory = join(dir, 'td.json');
    const result = await run([LINT_BIN, '--offline', 'td.json'], { ...envWith(notADirectory), HOME: notADirectory }, dir);
    expect([result.code, result.stdout]).toEqual([0, '0 errors, 0 warnings, 0 information in 1 task definition file.\n']);
  });

  it.runIf(nodeHasCache)("uses Node's compile cache where Node has one", async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const first = await run([LINT_BIN, '--version'], envWith(tmp));
    const second = await run([LINT_BIN, '--version'], envWith(tmp));
    expect([first.code, second.code, second.stdout]).toEqual([0, 0, first.stdout]);
    expect(second.stderr).toContain(`cache for ${join(root, 'server/out/lint.js')} was accepted`);
  });

  it.runIf(!nodeHasCache)('keeps the compiled linter for the next run where Node has no compile cache', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const first = await run([LINT_BIN, '--version'], envWith(tmp));
    const second = await run([LINT_BIN, '--version'], envWith(tmp));
    expect([first.code, second.code, second.stdout]).toEqual([0, 0, first.stdout]);
    expect([cacheUse(first.stderr), cacheUse(second.stderr)]).toEqual(['absent', 'accepted']);
    const dir = join(tmp, `ecs-taskdef-code-cache-${process.getuid!()}`);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^lint\.js-v[\d.]+-\w+-\d+-[0-9a-f]{8}\.v8$/)]);
  });

  describe.runIf(!nodeHasCache)('with the optimizing compiler held (server/src/optimizingCompiler.ts)', () => {
    const secrets = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        name: `SECRET_${i}`,
        valueFrom: `arn:aws:ssm:eu-west-1:111122223333:parameter/service/configuration-value-${i}`,
      }));
    const task = (s: unknown[]) =>
      JSON.stringify(
        {
          family: 'f',
          executionRoleArn: 'arn:aws:iam::111122223333:role/e',
          containerDefinitions: [{ name: 'a', image: 'b', memory: 512, secrets: s }],
        },
        null,
        4,
      );
    const files = (sizes: Record<string, number>) => {
      const tmp = mkdtempSync(join(tmpdir(), 'code-cache-'));
      for (const [name, count] of Object.entries(sizes)) writeFileSync(join(tmp, name), task(secrets(count)));
      return tmp;
    };

    it('holds it for a text of 64 KiB or more, not for a small one, and the cache a held run writes is taken next time', async () => {
      // 800 secrets: about 120 KB, past HOLD_FROM_BYTES.
      const tmp = files({ 'mid.json': 800, 'short.json': 2 });
      const mid = await run([LINT_BIN, '--offline', 'mid.json'], envWith(tmp), tmp);
      const short = await run([LINT_BIN, '--offline', 'short.json'], envWith(tmp), tmp);
      expect([mid.code, short.code]).toEqual([0, 0]);
      expect(mid.stderr).toMatch(/optimizing compiler held: \d{6} bytes to analyse/);
      expect(mid.stderr).not.toContain('optimizing compiler resumed');
      expect(short.stderr).not.toContain('optimizing compiler');
      // Written at the end of the held run: it was written under the start flags, or V8 would refuse it.
      expect([cacheUse(mid.stderr), cacheUse(short.stderr)]).toEqual(['absent', 'accepted']);
    });

    it('resumes it once a run has more than 2 MiB to analyse, and holds none for one text that large', async () => {
      // 10,000 secrets: about 1.4 MB a file.
      const tmp = files({ 'a.json': 10_000, 'b.json': 10_000, 'long.json': 16_000, 'short.json': 2 });
      const two = await run([LINT_BIN, '--offline', 'a.json', 'b.json'], envWith(tmp), tmp);
      const long = await run([LINT_BIN, '--offline', 'long.json'], envWith(tmp), tmp);
      const short = await run([LINT_BIN, '--offline', 'short.json'], envWith(tmp), tmp);
      expect([two.code, long.code, short.code]).toEqual([0, 0, 0]);
      expect(two.stderr).toMatch(/optimizing compiler held: \d{7} bytes to analyse/);
      expect(two.stderr).toMatch(/optimizing compiler resumed: \d{7} bytes to analyse/);
      expect(long.stderr).not.toContain('optimizing compiler');
      expect([cacheUse(two.stderr), cacheUse(long.stderr), cacheUse(short.stderr)]).toEqual(['absent', 'accepted', 'accepted']);
    });
  });

  describe.runIf(!nodeHasCache)('where Node has no compile cache', () => {
    /** A bundle of its own, so that it can be rebuilt, started through launch.js. */
    function scratch() {
      const tmp = mkdtempSync(join(tmpdir(), 'code-cache-'));
      const cache = join(tmp, 'cache');
      const bundle = join(tmp, 'bundle.js');
      const write = (word: string) =>
        writeFileSync(
          bundle,
          `#!/usr/bin/env node\nconst { join } = require('node:path');\nprocess.stdout.write(join(__dirname, '${word}'));\n`,
        );
      write('first');
      const start = (env: NodeJS.ProcessEnv = {}) =>
        run(
          ['-e', `require(${JSON.stringify(LAUNCH)}).launch(${JSON.stringify(bundle)})`],
          envWith(tmp, { NODE_COMPILE_CACHE: cache, ...env }),
        );
      return { tmp, cache, bundle, write, start };
    }

    it('runs the bundle as a CommonJS module, hashbang and all, from the cache on the second start', async () => {
      const { tmp, start } = scratch();
      const first = await start();
      const second = await start();
      expect([first.stdout, second.stdout]).toEqual([join(tmp, 'first'), join(tmp, 'first')]);
      expect([cacheUse(first.stderr), cacheUse(second.stderr)]).toEqual(['absent', 'accepted']);
    });

    it('takes a rebuilt bundle for a new one, and keeps one entry per bundle', async () => {
      const { tmp, cache, write, start } = scratch();
      await start();
      write('second');
      const rebuilt = await start();
      expect([rebuilt.stdout, cacheUse(rebuilt.stderr)]).toEqual([join(tmp, 'second'), 'absent']);
      expect(readdirSync(cache)).toHaveLength(1);
      expect(cacheUse((await start()).stderr)).toBe('accepted');
    });

    it('writes the entry again when V8 refuses it', async () => {
      const { cache, start } = scratch();
      await start();
      const [entry] = readdirSync(cache);
      writeFileSync(join(cache, entry), 'not code');
      expect(cacheUse((await start()).stderr)).toBe('rejected');
      expect(cacheUse((await start()).stderr)).toBe('accepted');
    });

    it('uses no directory that others may write, nor a link', async () => {
      const { tmp, cache, start } = scratch();
      mkdirSync(cache);
      chmodSync(cache, 0o777);
      const open = await start();
      expect([open.stdout, cacheUse(open.stderr)]).toEqual([join(tmp, 'first'), undefined]);
      expect(open.stderr).toContain(`code cache directory ${cache} is not private: no cache`);
      expect(readdirSync(cache)).toEqual([]);

      const real = join(tmp, 'real');
      mkdirSync(real, { mode: 0o700 });
      const link = join(tmp, 'link');
      symlinkSync(real, link);
      const linked = await start({ NODE_COMPILE_CACHE: link });
      expect(linked.stderr).toContain(`code cache directory ${link} is not private: no cache`);
      expect(readdirSync(real)).toEqual([]);
    });

    it('is off with NODE_DISABLE_COMPILE_CACHE', async () => {
      const { tmp, cache, start } = scratch();
      const off = await start({ NODE_DISABLE_COMPILE_CACHE: '1' });
      expect([off.stdout, cacheUse(off.stderr)]).toEqual([join(tmp, 'first'), undefined]);
      expect(() => readdirSync(cache)).toThrow();
    });
  });
});
