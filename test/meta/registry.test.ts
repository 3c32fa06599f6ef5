// Guards the rule registry and the generated files: nothing generated can go stale, and no test file
// of test/unit/rules is a stray (each rule's own page and tests: test/unit/ruleRegistry.test.ts).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../server/src/service';
import { testFileOf } from '../helpers/ruleTestFiles';

const root = join(__dirname, '../..');
const ruleTestDir = join(root, 'test/unit/rules');

describe('rule registry', () => {
  it('names each rule test file after a registered rule', () => {
    const expected = new Set(RULE_IDS.map(testFileOf));
    const strays = readdirSync(ruleTestDir).filter((f) => f.endsWith('.test.ts') && !expected.has(f));
    // Tests of several rules at once live here too; only these do.
    expect(strays).toEqual(['catalogRules.test.ts']);
  });

  it('docs/rules.md is generated from the registry', () => {
    execFileSync(process.execPath, [join(root, 'scripts/generateRuleDocs.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('the shape model matches @aws-sdk/client-ecs', () => {
    execFileSync(process.execPath, [join(root, 'scripts/generateShape.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('every rule setting in the manifest names a registered rule', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.contributes.configuration.properties['ecsTaskDef.rules'].propertyNames.enum.sort()).toEqual([...RULE_IDS].sort());
  });
});

describe('the analysis core stays pure', () => {
  const allowed = new Set(['vscode-languageserver-types', 'vscode-languageserver-textdocument']);
  /** The parsers, each allowed only in its own format's folder. */
  const parsers: Record<string, string> = {
    'jsonc-parser': 'formats/json/',
    yaml: 'formats/yaml/',
    'web-tree-sitter': 'formats/terraform/',
  };
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  const service = join(root, 'server/src/service');

  it.each(files(service).map((f) => [f.slice(root.length + 1), f]))('%s imports only the allowed packages', (_, file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    const where = file.slice(service.length + 1).replace(/\\/g, '/');
    for (const spec of imports) {
      if (spec.startsWith('.')) continue;
      if (parsers[spec]) expect(where.startsWith(parsers[spec]), `${file} imports the parser ${spec}`).toBe(true);
      else expect(allowed, `${file} imports ${spec}`).toContain(spec);
    }
  });
});
