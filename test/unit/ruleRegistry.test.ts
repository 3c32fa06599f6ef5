// The rule registry as the analysis sees it: each id once, and each rule with the title and
// description its docs page and the settings are made of, a page and a test file of its own.
// (Here rather than in test/meta/registry.test.ts, with the checks of the generated files, so that
// the mutation run, which runs the unit tests, sees a rule's title or description go missing.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, RULE_IDS } from '../../server/src/service';
import { describeFormats } from '../../server/src/service/rules';
import { testFileOf } from '../helpers/ruleTestFiles';

const root = join(__dirname, '../..');
const ruleTestDir = join(root, 'test/unit/rules');

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
});
