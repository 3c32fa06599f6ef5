// The extension manifest as the marketplace and VS Code read it: complete, installable in the
// VS Code the e2e tests run (code-server 4.100.3 = VS Code 1.100), and shipping only what the
// allow-list in .vscodeignore names.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const TESTED_VSCODE = [1, 100];

describe('extension manifest', () => {
  it('has what the marketplace shows', () => {
    for (const field of ['publisher', 'displayName', 'description', 'license', 'icon', 'homepage']) {
      expect(manifest[field], field).toEqual(expect.any(String));
    }
    expect(manifest.repository.url).toMatch(/^https:\/\//);
    expect(manifest.categories.length).toBeGreaterThan(0);
    expect(manifest.keywords.length).toBeGreaterThan(0);
    for (const file of ['CHANGELOG.md', 'LICENSE', 'README.md']) expect(existsSync(join(root, file)), file).toBe(true);
  });

  it('has a PNG icon of at least 128×128', () => {
    const png = readFileSync(join(root, manifest.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height are the first two big-endian words of the first chunk.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(128);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(128);
  });

  it('asks for no VS Code newer than the one the e2e tests run', () => {
    const [, major, minor] = /^\^(\d+)\.(\d+)\.\d+$/.exec(manifest.engines.vscode)!.map(Number);
    expect(major * 1000 + minor).toBeLessThanOrEqual(TESTED_VSCODE[0] * 1000 + TESTED_VSCODE[1]);
    const typesVersion = JSON.parse(readFileSync(join(root, 'node_modules/@types/vscode/package.json'), 'utf8')).version;
    expect(typesVersion.split('.').slice(0, 2).map(Number)).toEqual([major, minor]);
  });

  it('puts every command in the palette category', () => {
    for (const command of manifest.contributes.commands) expect(command.category, command.command).toBe('ECS Task Definitions');
  });

  it('keeps the settings that choose credentials or endpoints out of untrusted workspaces', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(restricted.sort()).toEqual([
      'ecsTaskDef.aws.enabled',
      'ecsTaskDef.aws.profile',
      'ecsTaskDef.aws.region',
      'ecsTaskDef.server.path',
    ]);
    const properties = manifest.contributes.configuration.properties;
    expect(properties['ecsTaskDef.server.path'].scope).toBe('machine');
    for (const [name, property] of Object.entries<{ scope?: string; markdownDescription?: string; description?: string }>(properties)) {
      expect(property.scope, name).toBeDefined();
      expect(property.markdownDescription ?? property.description, name).toBeTruthy();
    }
  });

  it('packages only the allow-listed files', () => {
    const listed = execFileSync(join(root, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    expect(listed.trim().split('\n').sort()).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'client/out/extension.js',
      'docs/images/icon.png',
      'package.json',
      'server/out/aws.js',
      'server/out/hcl.js',
      'server/out/server.js',
      'server/out/tree-sitter-terraform.wasm',
      'server/out/tree-sitter.wasm',
      'server/out/yaml.js',
      'syntaxes/arn.injection.tmLanguage.json',
    ]);
  }, 30_000);

  it('shows README images that exist', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    for (const image of images) expect(existsSync(join(root, image)), image).toBe(true);
  });
});
