// What each bundle holds: the AWS SDK is in server/out/aws.js only and the yaml package in yaml.js
// only, never in server.js or lint.js, which load them by path when they first go online
// (server/src/catalog/lazyAwsCatalog.ts) or first meet YAML (server/src/yaml/yamlOnDemand.ts).
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

  it.each(['server.js', 'lint.js'])('%s holds no yaml package code, and finds yaml.js beside it', (name) => {
    const { text, sources } = bundle(name);
    if (sources) expect(sources.filter((s) => s.includes('node_modules/yaml/'))).toEqual([]);
    // The parser's own messages, which no other module of ours has.
    expect(text).not.toContain('Implicit keys need to be on a single line');
    expect(text).toContain('yaml.js');
  });

  it('yaml.js holds the yaml package (so the marker above would find it)', () => {
    const { text, sources } = bundle('yaml.js');
    expect(text).toContain('Implicit keys need to be on a single line');
    if (sources) expect(sources.some((s) => s.includes('node_modules/yaml/browser/'))).toBe(true);
  });
});
