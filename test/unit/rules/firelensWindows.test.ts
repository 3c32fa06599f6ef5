import { describe, expect, it } from 'vitest';
import { findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'firelens-windows';

/** A JSON task definition with this runtimePlatform member (ending in a comma), a FireLens router and an app that logs through it. */
const task = (platform: string, appDriver = 'awsfirelens') => `{
  "family": "web",
${platform}
  "containerDefinitions": [
    {
      "name": "log_router",
      "image": "amazon/aws-for-fluent-bit",
      "firelensConfiguration": { "type": "fluentbit" }
    },
    {
      "name": "app",
      "image": "mcr.microsoft.com/windows/servercore/iis",
      "logConfiguration": { "logDriver": "${appDriver}" }
    }
  ]
}
`;
const windows = (family: string) => `  "runtimePlatform": { "operatingSystemFamily": "${family}" },`;

/** The findings of this rule as [text at the range, line, message]. */
const run = (text: string, name?: string) =>
  findingsOf(RULE, text, {}, {}, name).map((f) => [textAt(text, f), f.range.start.line, f.message]);

describe('firelens-windows', () => {
  it('reports the FireLens router on its key and the awsfirelens driver on its value in a Windows task', () => {
    const text = task(windows('WINDOWS_SERVER_2019_CORE'));
    const findings = findingsOf(RULE, text);
    expect(findings.map((f) => [f.severity, f.fixes])).toEqual([
      ['error', undefined],
      ['error', undefined],
    ]);
    expect(run(text)).toEqual([
      [
        '"firelensConfiguration"',
        7,
        'Container "log_router" is a FireLens log router ("firelensConfiguration"), but the task\'s "operatingSystemFamily" is "WINDOWS_SERVER_2019_CORE", and ECS supports FireLens only on Linux. Log with awslogs instead, or run Fluent Bit as an ordinary container.',
      ],
      [
        '"awsfirelens"',
        12,
        'Container "app" logs with "awsfirelens", but the task\'s "operatingSystemFamily" is "WINDOWS_SERVER_2019_CORE", and ECS supports FireLens only on Linux. Use the awslogs log driver instead.',
      ],
    ]);
    expect(run(task(windows('WINDOWS_SERVER_2022_FULL'), 'awslogs')).map(([at]) => at)).toEqual(['"firelensConfiguration"']);
  });

  it('is quiet for Linux tasks, tasks without a platform and platforms known only at deploy time', () => {
    expect(run(task(windows('LINUX')))).toEqual([]);
    expect(run(task(''))).toEqual([]);
    expect(run(task(windows('${os_family}')))).toEqual([]);
    expect(run(task('  "runtimePlatform": null,'))).toEqual([]);
    // A null firelensConfiguration is none.
    expect(run(task(windows('WINDOWS_SERVER_2022_CORE'), 'awslogs').replace('{ "type": "fluentbit" }', 'null'))).toEqual([]);
    // A container array's platform is the task's, written elsewhere.
    const array = '[ { "name": "log_router", "image": "fluent-bit", "firelensConfiguration": { "type": "fluentbit" } } ]';
    expect(findingsOf(RULE, array, {}, { containerDefinitionsFile: true })).toEqual([]);
  });

  it('judges a YAML task definition', () => {
    const text = `family: web\nruntimePlatform:\n  operatingSystemFamily: WINDOWS_SERVER_2022_CORE\ncontainerDefinitions:\n  - name: app\n    image: iis\n    logConfiguration:\n      logDriver: awsfirelens\n`;
    expect(run(text, 'taskdef.yaml').map(([at, line]) => [at, line])).toEqual([['awsfirelens', 7]]);
  });

  it('judges CloudFormation in its own names', () => {
    const template = (family: string) =>
      `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RuntimePlatform:\n        OperatingSystemFamily: ${family}\n      ContainerDefinitions:\n        - Name: log_router\n          Image: fluent-bit\n          FirelensConfiguration:\n            Type: fluentbit\n`;
    const text = template('WINDOWS_SERVER_2019_FULL');
    expect(run(text, 'template.yaml')).toEqual([
      [
        'FirelensConfiguration',
        9,
        'Container "log_router" is a FireLens log router ("FirelensConfiguration"), but the task\'s "OperatingSystemFamily" is "WINDOWS_SERVER_2019_FULL", and ECS supports FireLens only on Linux. Log with awslogs instead, or run Fluent Bit as an ordinary container.',
      ],
    ]);
    expect(run(template('!Ref OsFamily'), 'template.yaml')).toEqual([]);
    expect(run(template('LINUX'), 'template.yaml')).toEqual([]);
  });
});
