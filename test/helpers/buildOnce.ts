// Vitest global setup: the LSP and CLI tests run the bundles, so build them from the current
// sources first (esbuild takes about a second).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, '../../esbuild.mjs')], { stdio: 'inherit' });
}
