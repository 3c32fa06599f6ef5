// The yaml package (server/out/yaml.js) is loaded only when a run meets YAML: a lint of JSON task
// definitions loads none of it, a lint of a YAML one and a language server opening one load it, and
// the findings are those of the whole parser.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedAwsEnv } from '../helpers/awsEnv';
import { LINT, lintProcess } from '../helpers/lintProcess';
import { recordLoadedModules } from '../helpers/loadedModules';
import { startClient } from '../helpers/lspClient';

const root = join(__dirname, '../..');
const YAML_BUNDLE = join(root, 'server/out/yaml.js');
const dir = mkdtempSync(join(tmpdir(), 'lazy-yaml-'));
writeFileSync(
  join(dir, 'td.json'),
  JSON.stringify({
    family: 'f',
    containerDefinitions: [
      { name: 'a', image: 'b', memory: 512, secrets: [{ name: 'X', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter:db' }] },
    ],
  }),
);
const YAML_TASK = [
  'family: f',
  'containerDefinitions:',
  '  - name: a',
  '    image: b',
  '    memory: 512',
  '    secrets:',
  '      - name: X',
  '        valueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter:db',
  '',
].join('\n');
writeFileSync(join(dir, 'td.yaml'), YAML_TASK);

describe('ecs-taskdef-lint loads the YAML parser only for YAML', () => {
  it('loads no yaml.js for a JSON task definition', async () => {
    const run = recordLoadedModules();
    const result = await lintProcess(['--offline', 'td.json'], dir, isolatedAwsEnv(run.env));
    expect(result.stdout).toContain('td.json:1:');
    expect(result.stdout).toContain('error arn-malformed');
    expect(run.loaded()).toContain(LINT);
    expect(run.loaded()).not.toContain(YAML_BUNDLE);
  });

  it('loads yaml.js for a YAML one, and reports at the YAML positions', async () => {
    const run = recordLoadedModules();
    const result = await lintProcess(['--offline', 'td.yaml'], dir, isolatedAwsEnv(run.env));
    expect(result.stdout).toContain('td.yaml:8:20: error arn-malformed');
    expect(run.loaded()).toContain(YAML_BUNDLE);
  });
});

describe('the language server loads the YAML parser at the first YAML document', () => {
  const open = async (uri: string, text: string, languageId: string) => {
    const run = recordLoadedModules();
    const client = await startClient({ settings: { aws: { enabled: false } }, env: run.env });
    await client.open(uri, text, 1, languageId);
    const { diagnostics } = await client.diagnostics(uri);
    await client.stop();
    return { diagnostics, loaded: run.loaded() };
  };

  it('loads no yaml.js while only JSON is open', async () => {
    const { diagnostics, loaded } = await open('file:///lazy/td.json', '{"family": "f", "containerDefinitions": [{"name": "a"}]}', 'json');
    expect(diagnostics.map((d) => d.code)).toContain('missing-required');
    expect(loaded.some((file) => file.endsWith('server/out/server.js'))).toBe(true);
    expect(loaded).not.toContain(YAML_BUNDLE);
  });

  it('loads yaml.js when a YAML task definition opens, and reports at its positions', async () => {
    const { diagnostics, loaded } = await open('file:///lazy/td.yaml', YAML_TASK, 'yaml');
    expect(diagnostics.map((d) => [d.code, d.range.start])).toContainEqual(['arn-malformed', { line: 7, character: 19 }]);
    expect(loaded).toContain(YAML_BUNDLE);
  });
});
