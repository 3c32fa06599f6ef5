import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const RULE = 'fargate-cpu-memory';

/** A Fargate task definition in JSON with these task-level members (JSON text, without braces). */
const fargate = (members: string) => `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
${members}
  "containerDefinitions": [{ "name": "app", "image": "nginx" }]
}
`;

/** A CloudFormation template with one Fargate task definition whose Properties have these extra lines. */
const template = (properties: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities:
        - FARGATE
      NetworkMode: awsvpc
${properties
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
      ContainerDefinitions:
        - Name: app
          Image: nginx
`;

/** The findings of this rule as [text at the range, message, fix titles]. */
const run = (text: string, name?: string) =>
  findingsOf(RULE, text, {}, {}, name).map((f) => [textAt(text, f), f.message, f.fixes?.map((x) => x.title) ?? []]);

describe('fargate-cpu-memory', () => {
  it('reports a pair Fargate does not offer on the memory value, and the fix sets the nearest memory', () => {
    const text = fargate('  "cpu": "256",\n  "memory": "4096",');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(textAt(text, finding)).toBe('"4096"');
    expect(finding.message).toBe(
      'Fargate has no task with cpu 256 and memory 4096; with cpu 256 it offers memory 512, 1024 or 2048 (MiB).',
    );
    expect(finding.fixes?.map((f) => f.title)).toEqual(['Change "memory" to "2048"']);
    expect(applyFix(text, finding)).toBe(fargate('  "cpu": "256",\n  "memory": "2048",'));
  });

  it('describes stepped ranges, and picks the nearest value (the larger one on a tie)', () => {
    expect(run(fargate('  "cpu": "1024",\n  "memory": "1024",'))).toEqual([
      [
        '"1024"',
        'Fargate has no task with cpu 1024 and memory 1024; with cpu 1024 it offers memory 2048 to 8192 in steps of 1024 (MiB).',
        ['Change "memory" to "2048"'],
      ],
    ]);
    expect(run(fargate('  "cpu": "256",\n  "memory": "1536",'))[0][2]).toEqual(['Change "memory" to "2048"']);
    expect(run(fargate('  "cpu": "8192",\n  "memory": "18000",'))).toEqual([
      [
        '"18000"',
        'Fargate has no task with cpu 8192 and memory 18000; with cpu 8192 it offers memory 16384 to 61440 in steps of 4096 (MiB).',
        ['Change "memory" to "16384"'],
      ],
    ]);
    expect(run(fargate('  "cpu": "16384",\n  "memory": "200000",'))[0][2]).toEqual(['Change "memory" to "122880"']);
  });

  it('converts "1 vCPU" and "2 GB" as ECS does, and the fix keeps the unit', () => {
    const text = fargate('  "cpu": "1 vCPU",\n  "memory": "9 GB",');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe(
      'Fargate has no task with cpu "1 vCPU" (1024) and memory "9 GB" (9216); with cpu 1024 it offers memory 2048 to 8192 in steps of 1024 (MiB).',
    );
    expect(applyFix(text, findings[0])).toBe(fargate('  "cpu": "1 vCPU",\n  "memory": "8 GB",'));
  });

  it.each([
    ['"12 GB"', '"8 GB"'],
    ['"2.25 GB"', '"2 GB"'],
    ['"2.5 GB"', '"3 GB"'],
    ['"1.50 GB"', '"2 GB"'],
    ['".75 GB"', '"2 GB"'],
  ])('replaces only the number of memory %s: %s', (memory, fixed) => {
    const text = fargate(`  "cpu": "1 vCPU",\n  "memory": ${memory},`);
    expect(applyFix(text, onlyFindingOf(RULE, text))).toBe(fargate(`  "cpu": "1 vCPU",\n  "memory": ${fixed},`));
  });

  it.each([
    ['"256"', '"512"'],
    ['"256"', '"2048"'],
    ['".25 vCPU"', '"0.5 GB"'],
    ['"0.25 vcpu"', '"1GB"'],
    ['"1 vcpu"', '"2 gb"'],
    ['"2 vCPU"', '"16 GB"'],
    ['"4096"', '"30720"'],
    ['"8192"', '"61440"'],
    ['"16384"', '"122880"'],
    ['"16 vCPU"', '"120 GB"'],
    ['512', '1024'],
  ])('is quiet for cpu %s with memory %s', (cpu, memory) => {
    expect(run(fargate(`  "cpu": ${cpu},\n  "memory": ${memory},`))).toEqual([]);
  });

  it('reports a cpu Fargate does not offer on the cpu value, with no fix', () => {
    expect(run(fargate('  "cpu": "300",\n  "memory": "1024",'))).toEqual([
      ['"300"', 'Fargate has no task with cpu 300; it offers cpu 256, 512, 1024, 2048, 4096, 8192 or 16384 (CPU units).', []],
    ]);
    expect(run(fargate('  "cpu": "32 vCPU",\n  "memory": "60 GB",'))).toEqual([
      [
        '"32 vCPU"',
        'Fargate has no task with cpu "32 vCPU" (32768); it offers cpu 256, 512, 1024, 2048, 4096, 8192 or 16384 (CPU units).',
        [],
      ],
    ]);
  });

  it('allows Windows tasks only 1, 2 or 4 vCPU', () => {
    const windows = (cpu: string, memory: string) =>
      fargate(
        `  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },\n  "cpu": "${cpu}",\n  "memory": "${memory}",`,
      );
    expect(run(windows('512', '1024'))).toEqual([
      ['"512"', 'Fargate runs Windows tasks only with cpu 1024, 2048 or 4096 (1, 2 or 4 vCPU); this task has cpu 512.', []],
    ]);
    expect(run(windows('8192', '16384'))).toHaveLength(1);
    expect(run(windows('1024', '2048'))).toEqual([]);
    expect(run(windows('4096', '30720'))).toEqual([]);
    expect(run(windows('2048', '2048'))).toEqual([
      [
        '"2048"',
        'Fargate has no task with cpu 2048 and memory 2048; with cpu 2048 it offers memory 4096 to 16384 in steps of 1024 (MiB).',
        ['Change "memory" to "4096"'],
      ],
    ]);
  });

  it('reports missing task-level cpu or memory at requiresCompatibilities, and a null one at its key', () => {
    expect(run(fargate('  "cpu": "256",'))).toEqual([
      ['"requiresCompatibilities"', 'Fargate requires task-level "cpu" and "memory"; this task has no "memory".', []],
    ]);
    expect(run(fargate(''))).toEqual([
      ['"requiresCompatibilities"', 'Fargate requires task-level "cpu" and "memory"; this task has no "cpu" and "memory".', []],
    ]);
    // A cpu Fargate does not offer is still reported when memory is missing.
    expect(run(fargate('  "cpu": "100",'))).toHaveLength(2);
    const describe = `{"taskDefinition": {"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": null, "memory": "512", "containerDefinitions": [{"name": "app", "image": "nginx"}]}}`;
    expect(run(describe)).toEqual([['"cpu"', 'Fargate requires task-level "cpu" and "memory"; this task has no "cpu".', []]]);
  });

  it('is quiet for tasks not on Fargate, and for placeholders, empty strings and values it cannot read', () => {
    const ec2 = fargate('  "cpu": "256",\n  "memory": "4096",').replace('"FARGATE"', '"EC2"');
    expect(run(ec2)).toEqual([]);
    expect(run(ec2.replace('  "cpu": "256",\n  "memory": "4096",\n', ''))).toEqual([]);
    expect(run(fargate('  "cpu": "${cpu}",\n  "memory": "4096",'))).toEqual([]);
    expect(run(fargate('  "cpu": "256",\n  "memory": "{{ .Memory }}",'))).toEqual([]);
    expect(run(fargate('  "cpu": "256",\n  "memory": "",'))).toEqual([]);
    expect(run(fargate('  "cpu": "256",\n  "memory": "4 GiB",'))).toEqual([]);
  });

  it('judges YAML task definitions, keeping quotes and numbers as written', () => {
    const yaml = (memory: string) =>
      `family: web\nrequiresCompatibilities: [FARGATE]\nnetworkMode: awsvpc\ncpu: "512"\nmemory: ${memory}\ncontainerDefinitions:\n  - name: app\n    image: nginx\n`;
    for (const [written, fixed] of [
      ['"5120"', '"4096"'],
      ["'5120'", "'4096'"],
      ['5120', '4096'],
      ['5 GB', '4 GB'],
    ]) {
      const text = yaml(written);
      const findings = findingsOf(RULE, text, {}, {}, 'taskdef.yaml');
      expect(findings).toHaveLength(1);
      expect(textAt(text, findings[0])).toBe(written);
      expect(applyFix(text, findings[0], undefined, 'taskdef.yaml')).toBe(yaml(fixed));
    }
  });

  it('judges CloudFormation templates in their names, with numbers as CloudFormation converts them', () => {
    const text = template('Cpu: 256\nMemory: 4096');
    const findings = findingsOf(RULE, text, {}, {}, 'template.yaml');
    expect(findings).toHaveLength(1);
    expect(textAt(text, findings[0])).toBe('4096');
    expect(findings[0].message).toBe(
      'Fargate has no task with Cpu 256 and Memory 4096; with Cpu 256 it offers Memory 512, 1024 or 2048 (MiB).',
    );
    expect(findings[0].fixes?.map((f) => f.title)).toEqual(['Change "Memory" to 2048']);
    expect(applyFix(text, findings[0], undefined, 'template.yaml')).toBe(template('Cpu: 256\nMemory: 2048'));

    expect(run(template('Cpu: "1024"\nMemory: "3072"'), 'template.yaml')).toEqual([]);
    expect(run(template('Cpu: !Ref TaskCpu\nMemory: 4096'), 'template.yaml')).toEqual([]);
    expect(run(template('Cpu: 256\nMemory: !FindInMap [Sizes, !Ref Size, Memory]'), 'template.yaml')).toEqual([]);
    expect(run(template('Cpu: 256'), 'template.yaml')).toEqual([
      ['RequiresCompatibilities', 'Fargate requires task-level "Cpu" and "Memory"; this task has no "Memory".', []],
    ]);
  });
});
