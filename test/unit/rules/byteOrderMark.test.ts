import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, applyFix, findingsOf, onlyFindingOf } from '../../helpers/taskdef';

const BOM = '\uFEFF';
/** A valid task definition: the mark is all that differs. */
const CLEAN = readFileSync(join(__dirname, '../../../examples/web-fargate.json'), 'utf8');
const MESSAGE =
  'The file starts with a UTF-8 byte order mark, which JSON does not allow; `aws ecs register-task-definition --cli-input-json` refuses the file ("Invalid JSON"). Save it as UTF-8 without BOM.';

describe('byte-order-mark', () => {
  it('adds one finding to a JSON task definition, at the first character, and no invalid-json', () => {
    const summary = (text: string) => analyze(text).map((f) => [f.ruleId, f.severity, f.message, f.range]);
    expect(summary(BOM + CLEAN)).toEqual([
      ['byte-order-mark', 'error', MESSAGE, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }],
      ...summary(CLEAN),
    ]);
    expect(summary(CLEAN).map(([ruleId]) => ruleId)).not.toContain('invalid-json');
  });

  it('removes the mark and nothing else', () => {
    const text = BOM + CLEAN;
    const finding = onlyFindingOf('byte-order-mark', text);
    expect(applyFix(text, finding, 'Remove the byte order mark')).toBe(CLEAN);
    expect(finding.fixes).toMatchObject([{ kind: 'replaceText', safe: true, preferred: true }]);
  });

  it('still reports syntax errors after the mark, at their own places', () => {
    const text = `${BOM}{\n  "family": "f"\n  "containerDefinitions": []\n}`;
    expect(analyze(text).map((f) => [f.ruleId, f.range.start])).toEqual([
      ['byte-order-mark', { line: 0, character: 0 }],
      ['invalid-json', { line: 2, character: 2 }],
    ]);
  });

  it('reports describe output and container-definition arrays too', () => {
    const described = `${BOM}{"taskDefinition": {"family": "f", "containerDefinitions": [{"name": "a", "image": "b"}]}}`;
    expect(findingsOf('byte-order-mark', described)).toHaveLength(1);
    const containers = `${BOM}[{"name": "app", "image": "nginx", "essential": true}]`;
    expect(findingsOf('byte-order-mark', containers, {}, { containerDefinitionsFile: true }, 'container-definitions.json')).toHaveLength(1);
  });

  it('is information when the deploy action registers the file, which skips the mark', () => {
    const finding = onlyFindingOf('byte-order-mark', BOM + CLEAN, { deployment: { consumer: 'deployAction' } });
    expect([finding.severity, finding.message]).toEqual([
      'information',
      'The file starts with a UTF-8 byte order mark; the deploy action skips it, but `aws ecs register-task-definition --cli-input-json` refuses the file. Save it as UTF-8 without BOM.',
    ]);
  });

  it('does not report YAML, which allows the mark, nor a JSON CloudFormation template', () => {
    const yaml = `${BOM}family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n`;
    expect(analyze(yaml, {}, {}, 'taskdef.yaml').map((f) => f.ruleId)).not.toContain('byte-order-mark');
    expect(analyze(yaml, {}, {}, 'taskdef.yaml').map((f) => f.ruleId)).not.toContain('invalid-yaml');
    const template = `${BOM}{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "a", "Image": "b"}]}}}}`;
    const codes = (text: string) => analyze(text, {}, {}, 'template.json').map((f) => f.ruleId);
    expect(codes(template)).toEqual(codes(template.slice(1)));
    expect(codes(template)).not.toContain('byte-order-mark');
  });

  it('ignores a U+FEFF that is not the first character', () => {
    expect(findingsOf('byte-order-mark', ` ${BOM}${CLEAN}`)).toEqual([]);
    expect(findingsOf('byte-order-mark', CLEAN.replace('"web"', `"${BOM}web"`))).toEqual([]);
  });
});
