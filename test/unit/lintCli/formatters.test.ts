// The report formats of ecs-taskdef-lint over results made here (the CLI suites run them over real
// files): what each writes for a file that could not be read, for hints, and the rule table SARIF
// readers show.
import { describe, expect, it } from 'vitest';
import { allRules, type Finding } from '../../../server/src/service';
import { formatJson } from '../../../server/src/lintCli/jsonFormatter';
import type { FileResult } from '../../../server/src/lintCli/lintFiles';
import { formatSarif } from '../../../server/src/lintCli/sarifFormatter';
import { formatText } from '../../../server/src/lintCli/textFormatter';

const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 1 } });
const finding = (severity: Finding['severity'], ruleId = 'unknown-property'): Finding =>
  ({ ruleId, severity, message: `a ${severity}`, range: at(1, 2) }) as Finding;

const RESULTS: FileResult[] = [
  { file: 'a.json', findings: [finding('error', 'arn-malformed'), finding('information'), finding('hint')] },
  { file: 'b.json', findings: [], error: 'EACCES: permission denied' },
];

describe('formatText', () => {
  it('names a file that could not be read, and counts hints as information', () => {
    expect(formatText(RESULTS)).toBe(
      [
        'a.json:2:3: error arn-malformed: a error',
        'a.json:2:3: information unknown-property: a information',
        'a.json:2:3: hint unknown-property: a hint',
        'b.json: error: EACCES: permission denied',
        '1 error, 0 warnings, 2 information in 2 task definition files.',
        '',
      ].join('\n'),
    );
  });
});

describe('formatJson', () => {
  it('is one JSON document and a line break', () => {
    const text = formatJson(RESULTS);
    expect(text.endsWith('}\n]\n')).toBe(true);
    expect(JSON.parse(text)[1]).toEqual({ file: 'b.json', error: 'EACCES: permission denied', diagnostics: [] });
  });
});

describe('formatSarif', () => {
  it('describes the tool and each rule as code scanning shows them', () => {
    const log = JSON.parse(formatSarif(RESULTS));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const { driver } = log.runs[0].tool;
    expect(driver.informationUri).toBe('https://github.com/ecs-taskdef/ecs-taskdef/');
    const rule = allRules.find((r) => r.id === 'arn-malformed')!;
    const docs = 'https://github.com/ecs-taskdef/ecs-taskdef/blob/main/docs/rules/arn-malformed.md';
    expect(driver.rules.find((r: { id: string }) => r.id === 'arn-malformed')).toEqual({
      id: 'arn-malformed',
      name: 'ArnMalformed',
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.description },
      helpUri: docs,
      help: { text: `${rule.description}\n\n${docs}`, markdown: `${rule.description}\n\n[arn-malformed](${docs})` },
    });
    // Every rule's name is its id in PascalCase, as SARIF viewers expect.
    expect(
      driver.rules.every(
        (r: { id: string; name: string }) => /^[A-Z][A-Za-z]*$/.test(r.name) && r.name.toLowerCase() === r.id.replaceAll('-', ''),
      ),
    ).toBe(true);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
  });
});
