import { describe, expect, it } from 'vitest';
import { findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'container-name-duplicate';

const task = (...names: string[]) =>
  `{ "family": "web", "containerDefinitions": [ ${names.map((n) => `{ "name": ${n}, "image": "nginx" }`).join(', ')} ] }`;
const run = (text: string, name?: string, hints = {}) => findingsOf(RULE, text, {}, hints, name).map((f) => [textAt(text, f), f.message]);

describe('container-name-duplicate', () => {
  it('is an error on the second container with the name', () => {
    const text = task('"app"', '"envoy"', '"app"');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(textAt(text, finding)).toBe('"app"');
    expect(finding.range.start.character).toBe(text.lastIndexOf('"app"'));
    expect(finding.message).toBe(
      'Container #3 is named "app" like container #1; ECS rejects the task definition ("Container names must be unique within a Task Definition"). Rename one of them.',
    );
    expect(finding.fixes).toBeUndefined();
  });

  it('reports each further repetition against the first', () => {
    expect(run(task('"app"', '"app"', '"app"')).map(([, m]) => m.slice(0, 40))).toEqual([
      'Container #2 is named "app" like contain',
      'Container #3 is named "app" like contain',
    ]);
  });

  it('compares case-sensitively, as ECS does, and does not judge placeholders or a missing name', () => {
    expect(run(task('"app"', '"App"'))).toEqual([]);
    expect(run(task('"${name}"', '"${name}"'))).toEqual([]);
    expect(run('{ "family": "web", "containerDefinitions": [ { "image": "a" }, { "image": "b" } ] }')).toEqual([]);
  });

  it('checks a container-definition array', () => {
    const text = '[ { "name": "app", "image": "a" }, { "name": "app", "image": "b" } ]';
    const findings = findingsOf(RULE, text, {}, { containerDefinitionsFile: true });
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start.character).toBe(text.lastIndexOf('"app"'));
  });

  it('judges a YAML task definition and a CloudFormation template, not a !Sub name', () => {
    const yaml = 'family: web\ncontainerDefinitions:\n  - name: app\n    image: a\n  - name: app\n    image: b\n';
    const findings = findingsOf(RULE, yaml, {}, {}, 'taskdef.yaml');
    expect(findings).toHaveLength(1);
    expect([textAt(yaml, findings[0]), findings[0].range.start.line]).toEqual(['app', 4]);

    const template = (second: string) =>
      `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: app\n          Image: a\n        - Name: ${second}\n          Image: b\n`;
    const text = template('"app"');
    expect(run(text, 'template.yaml')).toEqual([
      [
        '"app"',
        'Container #2 is named "app" like container #1; ECS rejects the task definition ("Container names must be unique within a Task Definition"). Rename one of them.',
      ],
    ]);
    expect(run(template('!Sub "${AWS::StackName}"'), 'template.yaml')).toEqual([]);
    expect(run(template('App'), 'template.yaml')).toEqual([]);
  });
});
