import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'volume-unknown';

/** A JSON task definition with these task-level members (ending in a comma) and one mount point. */
const task = (taskMembers: string, sourceVolume: string) => `{
  "family": "web",
${taskMembers}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "mountPoints": [ { "sourceVolume": ${sourceVolume}, "containerPath": "/data" } ]
    }
  ]
}
`;
const VOLUMES = '  "volumes": [ { "name": "data" }, { "name": "cache" } ],';
const run = (text: string, name?: string, hints = {}) => findingsOf(RULE, text, {}, hints, name).map((f) => [textAt(text, f), f.message]);

describe('volume-unknown', () => {
  it('reports a mount point naming no volume of the task; the fix changes it to the close name', () => {
    const text = task(VOLUMES, '"dta"');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(textAt(text, finding)).toBe('"dta"');
    expect(finding.message).toBe(
      '"sourceVolume" "dta" of container "app" names no volume of the task\'s "volumes"; ECS rejects the task definition ("Unknown volume \'dta\'"). Did you mean "data"?',
    );
    expect(finding.fixes?.map((f) => f.title)).toEqual(['Change to "data"']);
    expect(applyFix(text, finding)).toBe(task(VOLUMES, '"data"'));
  });

  it('compares case-sensitively, as ECS does', () => {
    const text = task(VOLUMES, '"Data"');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    expect(applyFix(text, findings[0])).toBe(task(VOLUMES, '"data"'));
  });

  it('says so when the task has no volumes, and offers nothing when no name is close', () => {
    expect(run(task('', '"data"'))).toEqual([
      [
        '"data"',
        '"sourceVolume" "data" of container "app" names no volume: the task has no "volumes"; ECS rejects the task definition ("Unknown volume \'data\'").',
      ],
    ]);
    const findings = findingsOf(RULE, task(VOLUMES, '"logs-archive"'));
    expect(findings).toHaveLength(1);
    expect(findings[0].fixes).toBeUndefined();
  });

  it('is quiet for a known volume, a placeholder, an empty name, or when a volume name is a placeholder', () => {
    expect(run(task(VOLUMES, '"cache"'))).toEqual([]);
    expect(run(task(VOLUMES, '"${volume}"'))).toEqual([]);
    expect(run(task(VOLUMES, '""'))).toEqual([]);
    expect(run(task('  "volumes": [ { "name": "{{volume}}" } ],', '"data"'))).toEqual([]);
  });

  it('checks describe output, and not a container-definition array, which has no volumes', () => {
    const describeOutput =
      '{ "taskDefinition": { "family": "web", "volumes": [], "containerDefinitions": [ { "name": "app", "image": "nginx", "mountPoints": [ { "sourceVolume": "data" } ] } ] } }';
    expect(run(describeOutput).map(([at]) => at)).toEqual(['"data"']);
    const array = '[ { "name": "app", "image": "nginx", "mountPoints": [ { "sourceVolume": "data", "containerPath": "/d" } ] } ]';
    expect(run(array, undefined, { containerDefinitionsFile: true })).toEqual([]);
  });

  it('judges a YAML task definition and fixes it in YAML', () => {
    const yaml = (source: string) =>
      `family: web\nvolumes:\n  - name: data\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    mountPoints:\n      - sourceVolume: ${source}\n        containerPath: /data\n`;
    const text = yaml('dat');
    const findings = findingsOf(RULE, text, {}, {}, 'taskdef.yaml');
    expect(findings).toHaveLength(1);
    expect([textAt(text, findings[0]), findings[0].range.start.line]).toEqual(['dat', 7]);
    expect(applyFix(text, findings[0], undefined, 'taskdef.yaml')).toBe(yaml('data'));
  });

  it('judges CloudFormation templates in their own names, and not a volume known only at deploy time', () => {
    const template = (volumes: string) =>
      JSON.stringify(
        {
          Resources: {
            Task: {
              Type: 'AWS::ECS::TaskDefinition',
              Properties: {
                Volumes: volumes,
                ContainerDefinitions: [{ Name: 'app', Image: 'nginx', MountPoints: [{ SourceVolume: 'dat', ContainerPath: '/data' }] }],
              },
            },
          },
        },
        null,
        2,
      );
    const text = template([{ Name: 'data' }] as never);
    const findings = findingsOf(RULE, text, {}, {}, 'template.json');
    expect(findings.map((f) => [textAt(text, f), f.message])).toEqual([
      [
        '"dat"',
        '"SourceVolume" "dat" of container "app" names no volume of the task\'s "Volumes"; ECS rejects the task definition ("Unknown volume \'dat\'"). Did you mean "data"?',
      ],
    ]);
    expect(applyFix(text, findings[0], undefined, 'template.json')).toBe(text.replace('"dat"', '"data"'));
    const conditional = template([{ 'Fn::If': ['WithData', { Name: 'dat' }, { Ref: 'AWS::NoValue' }] }] as never);
    expect(run(conditional, 'template.json')).toEqual([]);
    expect(run(template({ Ref: 'Volumes' } as never), 'template.json')).toEqual([]);
  });
  // The volume names are read by knownNames (containerNames.ts), which the container and device
  // rules share: what counts as no volume at all, and what makes the names unknowable.
  it.each([
    ['volumes: null', '  "volumes": null,'],
    ['a volume without a name', '  "volumes": [ { "host": {} } ],'],
    ['a volume whose name is null', '  "volumes": [ { "name": null } ],'],
  ])('takes %s for no volume of that name', (_, members) => {
    expect(run(task(members, '"data"')).map(([at]) => at)).toEqual(['"data"']);
  });

  it('still judges the volumes when a syntax error lies outside them, before or after', () => {
    const text = task(`${VOLUMES}\n  "cpu": "256"\n  "memory": "512",`, '"dta"');
    expect(run(text).map(([at]) => at)).toEqual(['"dta"']);
    const before = task(`  "cpu": "256"\n  "memory": "512",\n${VOLUMES}`, '"dta"');
    expect(run(before).map(([at]) => at)).toEqual(['"dta"']);
  });

  it('says nothing when the volumes are cut off at the end of the file', () => {
    const text = `{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "mountPoints": [{"sourceVolume": "dta"}]}], "volumes": [ { "name": "data" }`;
    expect(run(text)).toEqual([]);
  });

  it('says nothing when a syntax error lies inside the volumes', () => {
    expect(run(task('  "volumes": [ { "name": "data" } { "name": "cache" } ],', '"dta"'))).toEqual([]);
  });
});
