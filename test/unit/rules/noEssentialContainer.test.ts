import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'no-essential-container';

/** A task definition in JSON with these container members after name and image, one container each. */
const task = (...extras: string[]) => `{
  "family": "web",
  "containerDefinitions": [
${extras.map((extra, i) => `    { "name": "c${i + 1}", "image": "nginx"${extra ? `, ${extra}` : ''} }`).join(',\n')}
  ]
}
`;

const run = (text: string, name?: string, hints = {}) => findingsOf(RULE, text, {}, hints, name).map((f) => [textAt(text, f), f.message]);

describe('no-essential-container', () => {
  it('is an error on the first essential when every container says false; the fix makes the first essential', () => {
    const text = task('"essential": false', '"essential": false');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(textAt(text, finding)).toBe('false');
    // On the first container's line.
    expect(finding.range.start.line).toBe(3);
    expect(finding.message).toBe(
      'All 2 containers have "essential": false; ECS rejects a task definition without an essential container ("Task definition doesn\'t have any essential container"). Make the main container essential.',
    );
    expect(finding.fixes?.map((f) => f.title)).toEqual(['Make container "c1" essential']);
    expect(applyFix(text, finding)).toBe(task('"essential": true', '"essential": false'));
  });

  it('speaks of the only container when there is one', () => {
    expect(run(task('"essential": false'))).toEqual([
      [
        'false',
        'The only container has "essential": false; ECS rejects a task definition without an essential container ("Task definition doesn\'t have any essential container"). Make the main container essential.',
      ],
    ]);
  });

  it('is quiet when a container is essential, says nothing (essential by default), or has no containers', () => {
    expect(run(task('"essential": false', '"essential": true'))).toEqual([]);
    expect(run(task('"essential": false', ''))).toEqual([]);
    expect(run(task(''))).toEqual([]);
    expect(run('{ "family": "web", "containerDefinitions": [] }')).toEqual([]);
  });

  it('does not judge an essential that is not a boolean in the API (type-mismatch says so), or a null', () => {
    expect(run(task('"essential": "false"', '"essential": false'))).toEqual([]);
    expect(run(task('"essential": null', '"essential": false'))).toEqual([]);
  });

  it('does not judge while a container is an unquoted placeholder the parser could not read', () => {
    const text = '{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "nginx", "essential": false }, $SIDECAR_JSON ] }';
    expect(run(text)).toEqual([]);
  });

  it('checks a container-definition array: it is the whole container list of its task', () => {
    const text = '[\n  { "name": "app", "image": "nginx", "essential": false }\n]\n';
    const findings = findingsOf(RULE, text, {}, { containerDefinitionsFile: true });
    expect(findings).toHaveLength(1);
    expect(textAt(text, findings[0])).toBe('false');
    expect(applyFix(text, findings[0])).toBe(text.replace('false', 'true'));
  });

  it('checks describe output', () => {
    const text =
      '{ "taskDefinition": { "family": "web", "containerDefinitions": [ { "name": "app", "image": "nginx", "essential": false } ] } }';
    expect(run(text).map(([at]) => at)).toEqual(['false']);
  });

  it('judges a YAML task definition and fixes it in YAML', () => {
    const yaml = (first: string) =>
      `family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    essential: ${first}\n  - name: sidecar\n    image: busybox\n    essential: false\n`;
    const text = yaml('false');
    const findings = findingsOf(RULE, text, {}, {}, 'taskdef.yaml');
    expect(findings).toHaveLength(1);
    expect(textAt(text, findings[0])).toBe('false');
    expect(findings[0].range.start.line).toBe(4);
    expect(applyFix(text, findings[0], undefined, 'taskdef.yaml')).toBe(yaml('true'));
    expect(run(yaml('true'), 'taskdef.yaml')).toEqual([]);
  });

  it("judges CloudFormation in its own names, with CloudFormation's string booleans, and not a container inside Fn::If", () => {
    const template = (containers: string) =>
      `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n${containers}`;
    const text = template(
      '        - Name: app\n          Image: nginx\n          Essential: "false"\n        - Name: log\n          Image: fluent-bit\n          Essential: false\n',
    );
    const findings = findingsOf(RULE, text, {}, {}, 'template.yaml');
    expect(findings).toHaveLength(1);
    expect(textAt(text, findings[0])).toBe('"false"');
    expect(findings[0].message).toBe(
      'All 2 containers have "Essential": false; ECS rejects a task definition without an essential container ("Task definition doesn\'t have any essential container"). Make the main container essential.',
    );
    expect(applyFix(text, findings[0], undefined, 'template.yaml')).toBe(text.replace('Essential: "false"', 'Essential: true'));
    // A container known only at deploy time may be the essential one; an intrinsic is not judged.
    expect(
      run(
        template(
          '        - Name: app\n          Image: nginx\n          Essential: false\n        - !If [WithWeb, { Name: web, Image: nginx }, !Ref AWS::NoValue]\n',
        ),
        'template.yaml',
      ),
    ).toEqual([]);
    expect(run(template('        - Name: app\n          Image: nginx\n          Essential: !Ref Essential\n'), 'template.yaml')).toEqual(
      [],
    );
  });
});
