// Guards the rule registry and the generated files: a new rule cannot land without its page and
// tests, and nothing generated can go stale.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, RULE_IDS } from '../../server/src/service';
import { describeFormats } from '../../server/src/service/rules';

const root = join(__dirname, '../..');
const ruleTestDir = join(root, 'test/unit/rules');
/** The rule's own test file: `x-y` is tested in `test/unit/rules/xY.test.ts`. */
const testFileOf = (id: string) => `${id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}.test.ts`;

describe('rule registry', () => {
  it('registers every id exactly once', () => {
    expect(allRules.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(allRules.map((r) => [r.id, r] as const))('%s has a docs page, a title, a description and tests', (id, rule) => {
    expect(existsSync(join(root, 'docs/rules', `${id}.md`))).toBe(true);
    expect(rule.title.length).toBeGreaterThan(5);
    expect(rule.description.length).toBeGreaterThan(80);
    const own = join(ruleTestDir, testFileOf(id));
    expect(existsSync(own), `${id} has no test file of its own: test/unit/rules/${testFileOf(id)}`).toBe(true);
    expect(readFileSync(own, 'utf8'), `test/unit/rules/${testFileOf(id)} never names '${id}'`).toContain(`'${id}'`);
    expect(readFileSync(join(root, 'docs/rules', `${id}.md`), 'utf8')).toContain(
      `**Formats:** ${describeFormats(rule)} (see [formats](../formats.md)).`,
    );
  });

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
