// What each bundle holds: the AWS SDK is in server/out/aws.js only, never in server.js or lint.js,
// which load aws.js by path when they first go online (server/src/catalog/lazyAwsCatalog.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const out = join(__dirname, '../../server/out');
/** Text that the SDK's code carries even when minified: its package names, in user agents and messages. */
const SDK_MARKERS = ['@smithy/', '@aws-sdk/core', '@aws-sdk/client-secrets-manager', '@aws-sdk/client-ssm', '@aws-sdk/client-sts'];
const SDK_SOURCE = /node_modules\/@(aws-sdk|smithy)\//;

function bundle(name: string): { text: string; sources: string[] | undefined } {
  const text = readFileSync(join(out, name), 'utf8');
  const map = join(out, `${name}.map`);
  // The test build writes source maps (the packaged one does not): they list every module bundled.
  const sources = existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources : undefined;
  return { text, sources };
}

describe('bundles', () => {
  it.each(['server.js', 'lint.js'])('%s holds no AWS SDK code, and finds aws.js beside it', (name) => {
    const { text, sources } = bundle(name);
    for (const marker of SDK_MARKERS) expect(text.includes(marker), marker).toBe(false);
    if (sources) expect(sources.filter((s) => SDK_SOURCE.test(s))).toEqual([]);
    expect(text).toContain('aws.js');
  });

  it('aws.js holds the SDK clients (so the markers above would find them)', () => {
    const { text, sources } = bundle('aws.js');
    for (const marker of SDK_MARKERS) expect(text.includes(marker), marker).toBe(true);
    if (sources) expect(sources.some((s) => s.includes('node_modules/@aws-sdk/client-secrets-manager/'))).toBe(true);
  });
});
