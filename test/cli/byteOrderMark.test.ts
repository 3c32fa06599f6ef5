// ecs-taskdef-lint keeps a file's byte order mark, so that byte-order-mark reports what the AWS CLI
// would refuse; the built bundle, real files, as CI runs it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint as runLinter } from '../helpers/lintRun';

const root = join(__dirname, '../..');
const lint = (args: string[], cwd: string) => runLinter(['--offline', ...args], { cwd });
const CLEAN = readFileSync(join(root, 'examples/web-fargate.json'), 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('ecs-taskdef-lint and a byte order mark', () => {
  it('reports a JSON file that starts with one as an error at 1:1, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-bom-'));
    writeFileSync(join(dir, 'taskdef.json'), Buffer.concat([BOM, Buffer.from(CLEAN)]));
    writeFileSync(join(dir, 'clean.json'), CLEAN);
    const run = await lint(['--format', 'json', 'taskdef.json', 'clean.json'], dir);
    expect(run.status).toBe(1);
    const [withBom, clean] = JSON.parse(run.stdout) as { file: string; diagnostics: { code: string; severity: string; range: object }[] }[];
    expect(withBom.diagnostics.filter((d) => d.code === 'byte-order-mark')).toEqual([
      expect.objectContaining({ severity: 'error', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }),
    ]);
    expect(withBom.diagnostics.map((d) => d.code)).not.toContain('invalid-json');
    // The mark is all that differs.
    expect(withBom.diagnostics.map((d) => d.code)).toEqual(['byte-order-mark', ...clean.diagnostics.map((d) => d.code)]);
    expect((await lint(['taskdef.json'], dir)).stdout).toContain(
      'taskdef.json:1:1: error byte-order-mark: The file starts with a UTF-8 byte order mark, which JSON does not allow;',
    );
  });

  it('does not report a YAML file that starts with one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-bom-'));
    const yaml = 'family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    essential: true\n';
    writeFileSync(join(dir, 'taskdef.yaml'), Buffer.concat([BOM, Buffer.from(yaml)]));
    const run = await lint(['--format', 'json', 'taskdef.yaml'], dir);
    const [file] = JSON.parse(run.stdout) as { diagnostics: { code: string }[] }[];
    expect(file.diagnostics.map((d) => d.code)).not.toContain('byte-order-mark');
    expect(file.diagnostics.map((d) => d.code)).not.toContain('invalid-yaml');
  });
});
