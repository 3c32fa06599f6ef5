import { describe, expect, it } from 'vitest';
import { analyze as analyzeAll, findingsOf, textAt } from '../../helpers/taskdef';
/** Every finding but container-memory's: these fixtures leave container memory out (see containerMemory.test.ts). */
const analyze = (...args: Parameters<typeof analyzeAll>) => analyzeAll(...args).filter((f) => f.ruleId !== 'container-memory');

const yaml = (text: string) => findingsOf('invalid-yaml', text, {}, {}, 'taskdef.yaml');
const at = (text: string) =>
  yaml(text).map((f) => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, textAt(text, f), f.message]);

describe('invalid-yaml', () => {
  it('reports a tab used as indentation where it is', () => {
    expect(at('family: web\ncontainerDefinitions:\n\t- name: web\n')).toEqual([
      ['3:1', '\t', 'Invalid YAML: Tabs are not allowed as indentation in YAML; indent with spaces.'],
    ]);
  });

  it('reports a key given twice in one mapping, at the second one', () => {
    expect(at('family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    image: httpd\n')).toEqual([
      ['5:5', 'image', 'Invalid YAML: This key is already in the mapping; YAML keeps only one of them.'],
    ]);
  });

  it('reports a flow collection that is never closed', () => {
    const findings = yaml('family: web\ncontainerDefinitions: [{name: web, image: nginx\n');
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', 'Invalid YAML: Flow map in block collection must be sufficiently indented and end with a }.'],
    ]);
  });

  it('reports an unrendered template source once, and judges nothing else in it', () => {
    const text =
      'family: web\ncontainerDefinitions:\n  - name: web{{if .Image}}\n    image: nginx\n{{end}}\n    secrets: [{name: A, valueFrom: ""}]\n';
    const findings = analyze(text, {}, {}, 'taskdef.yaml');
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'invalid-yaml',
        'Invalid YAML: Implicit map keys need to be followed by map values. The file holds template directives ("{{if .Image}}") and is YAML only once rendered; lint the rendered file.',
      ],
    ]);
  });

  it('quotes a long directive by its first 60 characters, and marks the whole of the first error', () => {
    const directive = '{{if and .Values.sidecar.enabled .Values.sidecar.logging.enabled .Values.metrics}}';
    const text = `family: web\ncontainerDefinitions:\n  - name: web${directive}\n    image: nginx\n{{end}}\n`;
    const [finding] = findingsOf('invalid-yaml', text, {}, {}, 'taskdef.yaml');
    expect(finding.message).toBe(
      `Invalid YAML: Implicit map keys need to be followed by map values. The file holds template directives (${JSON.stringify(directive.slice(0, 60))}) and is YAML only once rendered; lint the rendered file.`,
    );
    expect(textAt(text, finding)).toBe('{{end}}');
  });

  it('is not reported for JSON, nor by invalid-json for YAML', () => {
    expect(findingsOf('invalid-yaml', '{"family": "f" "containerDefinitions": []}')).toEqual([]);
    expect(findingsOf('invalid-json', 'family: web\ncontainerDefinitions:\n\t- name: web\n', {}, {}, 'taskdef.yaml')).toEqual([]);
  });

  it('expands no alias: a billion-laughs document is analysed at once, its aliases not judged', () => {
    const levels = 'abcdefghi'.split('');
    const bomb = levels
      .map(
        (name, i) =>
          `${name}: &${name} [${Array(9)
            .fill(i === 0 ? '"lol"' : `*${levels[i - 1]}`)
            .join(', ')}]`,
      )
      .join('\n');
    const text = `${bomb}\nfamily: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    environment: *i\n`;
    const findings = analyze(text, {}, {}, 'taskdef.yaml');
    expect(findings.map((f) => f.ruleId)).toEqual(Array(9).fill('unknown-property'));
  });

  it('says a 5 MB YAML document is not analysed, at once', () => {
    const entries = Array.from({ length: 140_000 }, (_, i) => `      - name: V${i}\n        value: x\n`).join('');
    const text = `family: x\ncontainerDefinitions:\n  - name: a\n    image: b\n    environment:\n${entries}`;
    expect(text.length).toBeGreaterThan(5_000_000);
    expect(analyze(text, {}, {}, 'taskdef.yaml').map((f) => [f.ruleId, f.message])).toEqual([
      ['analysis-limited', 'This document is 5.1 MB, more than the 2 MB the server analyses; it was not analysed.'],
    ]);
  });

  it('says a 10,000-deep flow or a 300-deep block document is not analysed, without overflowing', () => {
    const flow = `family: x\ncontainerDefinitions: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    let block = 'family: x\ncontainerDefinitions:\n';
    for (let i = 0; i < 300; i++) block += `${' '.repeat(i + 2)}k${i}:\n`;
    for (const text of [flow, block]) {
      expect(analyze(text, {}, {}, 'taskdef.yaml').map((f) => [f.ruleId, f.message])).toEqual([
        ['analysis-limited', 'This document nests more than 256 levels deep; it was not analysed.'],
      ]);
    }
  });
});
