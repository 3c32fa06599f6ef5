import { describe, expect, it } from 'vitest';
import { findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'container-memory';

/** A JSON task definition with these task-level members (each line ending in a comma) and one container's extra members. */
const task = (members: string, container = '') => `{
  "family": "web",
${members}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx"${container ? `,\n      ${container}` : ''}
    }
  ]
}
`;

/** The findings of this rule as [text at the range, line, message]. */
const run = (text: string, name?: string, hints = {}) =>
  findingsOf(RULE, text, {}, hints, name).map((f) => [textAt(text, f), f.range.start.line, f.message]);

const UNSET =
  'Container "app" has neither "memory" nor "memoryReservation", and the task has no task-level "memory"; ECS rejects it ("At least one of \'memory\' or \'memoryReservation\' must be specified."). Give the container a "memoryReservation" or "memory", or the task a "memory".';

describe('container-memory', () => {
  it('reports a container without memory or memoryReservation in a task without memory, on its name', () => {
    const text = task('');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('error');
    expect(findings[0].fixes).toBeUndefined();
    expect(run(text)).toEqual([['"app"', 5, UNSET]]);
    // A null task memory is none; a container without a name is reported at its start.
    expect(run(task('  "memory": null,')).map(([at]) => at)).toEqual(['"app"']);
    // So are a container's null members: describe output writes them, ECS reads them as absent.
    expect(run(task('', '"memory": null, "memoryReservation": null')).map(([at]) => at)).toEqual(['"app"']);
    const unnamed = '{ "family": "web", "containerDefinitions": [ { "image": "nginx" } ] }';
    expect(run(unnamed)).toEqual([['{', 0, UNSET.replace('Container "app"', 'Container #1')]]);
  });

  it('is quiet when the container or the task has memory, or the task is a Fargate task', () => {
    expect(run(task('', '"memory": 512'))).toEqual([]);
    expect(run(task('', '"memoryReservation": 256'))).toEqual([]);
    expect(run(task('  "memory": "1024",'))).toEqual([]);
    // A placeholder is some memory; Fargate's missing task memory is fargate-cpu-memory's.
    expect(run(task('  "memory": "${memory}",'))).toEqual([]);
    expect(run(task('  "requiresCompatibilities": ["FARGATE"],'))).toEqual([]);
    // A container array's task is written elsewhere.
    expect(run('[ { "name": "app", "image": "nginx" } ]', undefined, { containerDefinitionsFile: true })).toEqual([]);
  });

  it('reports a memoryReservation above the memory, on the reservation, in every kind of subject', () => {
    expect(run(task('', '"memory": 512,\n      "memoryReservation": 1024'))).toEqual([
      [
        '1024',
        8,
        'Container "app" reserves "memoryReservation" 1024 MiB, more than its "memory" limit of 512 MiB; ECS rejects a reservation above the limit. Lower "memoryReservation" or raise "memory".',
      ],
    ]);
    expect(run(task('', '"memory": 512,\n      "memoryReservation": 512'))).toEqual([]);
    const array = '[ { "name": "app", "image": "nginx", "memory": 128, "memoryReservation": 256 } ]';
    expect(run(array, undefined, { containerDefinitionsFile: true }).map(([at]) => at)).toEqual(['256']);
    // A string is type-mismatch's in the API's JSON; a placeholder is not judged.
    expect(run(task('', '"memory": "512",\n      "memoryReservation": 1024'))).toEqual([]);
    expect(run(task('', '"memory": 512,\n      "memoryReservation": "${reservation}"'))).toEqual([]);
  });

  it('reports a container memory above the task memory, read as ECS converts it', () => {
    expect(run(task('  "memory": "2 GB",', '"memory": 4096'))).toEqual([
      [
        '4096',
        7,
        'Container "app" has "memory" 4096 MiB, more than the task-level "memory" "2 GB" (2048) MiB; ECS rejects it ("The \'memory\' setting for container ... is greater than for the task."). Lower the container\'s "memory" or raise the task\'s.',
      ],
    ]);
    expect(run(task('  "memory": 2048,', '"memory": 4096')).map(([, , message]) => message)).toEqual([
      'Container "app" has "memory" 4096 MiB, more than the task-level "memory" 2048 MiB; ECS rejects it ("The \'memory\' setting for container ... is greater than for the task."). Lower the container\'s "memory" or raise the task\'s.',
    ]);
    expect(run(task('  "requiresCompatibilities": ["FARGATE"],\n  "memory": "2GB",', '"memory": 2049')).map(([at]) => at)).toEqual([
      '2049',
    ]);
    expect(run(task('  "memory": "2048",', '"memory": 2048'))).toEqual([]);
    expect(run(task('  "memory": "${memory}",', '"memory": 4096'))).toEqual([]);
  });

  it('judges a YAML task definition', () => {
    const yaml = (container: string) => `family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n${container}`;
    expect(run(yaml(''), 'taskdef.yaml')).toEqual([['app', 2, UNSET]]);
    expect(run(yaml('    memoryReservation: 128\n'), 'taskdef.yaml')).toEqual([]);
  });

  it("judges CloudFormation in its own names, with CloudFormation's string numbers", () => {
    const template = (taskMemory: string, container: string) =>
      `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${taskMemory}      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n${container}`;
    expect(run(template('', ''), 'template.yaml')).toEqual([
      [
        'app',
        5,
        'Container "app" has neither "Memory" nor "MemoryReservation", and the task has no task-level "Memory"; ECS rejects it ("At least one of \'memory\' or \'memoryReservation\' must be specified."). Give the container a "MemoryReservation" or "Memory", or the task a "Memory".',
      ],
    ]);
    expect(run(template('', '          Memory: "256"\n          MemoryReservation: "512"\n'), 'template.yaml')).toEqual([
      [
        '"512"',
        8,
        'Container "app" reserves "MemoryReservation" 512 MiB, more than its "Memory" limit of 256 MiB; ECS rejects a reservation above the limit. Lower "MemoryReservation" or raise "Memory".',
      ],
    ]);
    expect(run(template('      Memory: 1GB\n', '          Memory: 2048\n'), 'template.yaml').map(([at, line]) => [at, line])).toEqual([
      ['2048', 8],
    ]);
    expect(run(template('      Memory: !Ref TaskMemory\n', '          Memory: 2048\n'), 'template.yaml')).toEqual([]);
    expect(run(template('', '          Memory: !Ref ContainerMemory\n'), 'template.yaml')).toEqual([]);
  });
});
