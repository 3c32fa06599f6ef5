import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const RULE = 'awslogs-options';

/** A JSON task definition (Fargate when `fargate`) whose container logs with this logConfiguration body. */
const task = (logConfiguration: string, fargate = false) => `{
  "family": "web",${fargate ? '\n  "requiresCompatibilities": ["FARGATE"],' : ''}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "logConfiguration": {
${logConfiguration}
      }
    }
  ]
}
`;
const options = (...lines: string[]) =>
  `        "logDriver": "awslogs",\n        "options": {\n${lines.map((l) => `          ${l}`).join(',\n')}\n        }`;
const GROUP = '"awslogs-group": "/ecs/web"';
const REGION = '"awslogs-region": "eu-west-1"';
const PREFIX = '"awslogs-stream-prefix": "ecs"';

/** The findings of this rule as [text at the range, line, severity, message]. */
const run = (text: string, name?: string, hints = {}) =>
  findingsOf(RULE, text, {}, hints, name).map((f) => [textAt(text, f), f.range.start.line, f.severity, f.message]);

describe('awslogs-options', () => {
  it('reports a missing awslogs-group or awslogs-region as an error on the options key', () => {
    expect(run(task(options(GROUP)))).toEqual([
      [
        '"options"',
        8,
        'error',
        'The awslogs log driver of container "app" has no "awslogs-region" (the log group\'s region), which ECS requires; add it to "options".',
      ],
    ]);
    expect(run(task(options('"awslogs-stream-prefix": "web"')))).toEqual([
      [
        '"options"',
        8,
        'error',
        'The awslogs log driver of container "app" has no "awslogs-group" (the log group to write to) and "awslogs-region" (the log group\'s region), which ECS requires; add them to "options".',
      ],
    ]);
    expect(onlyFindingOf(RULE, task(options(GROUP))).fixes).toBeUndefined();
  });

  it('reports on the logDriver value when there is no options object', () => {
    const text = task('        "logDriver": "awslogs"');
    expect(run(text).map(([at, line]) => [at, line])).toEqual([['"awslogs"', 7]]);
    // Null options, as describe output writes them, are none.
    expect(run(task('        "logDriver": "awslogs",\n        "options": null')).map(([at, line]) => [at, line])).toEqual([
      ['"options"', 8],
    ]);
  });

  it('is quiet for complete options, other drivers, options from secrets and options known only at deploy time', () => {
    expect(run(task(options(GROUP, REGION)))).toEqual([]);
    expect(run(task(options(GROUP, REGION, PREFIX), true))).toEqual([]);
    expect(run(task('        "logDriver": "splunk",\n        "options": { "splunk-url": "https://splunk" }'))).toEqual([]);
    expect(run(task('        "logDriver": "${driver}"'))).toEqual([]);
    const fromSecret = `${options(GROUP)},\n        "secretOptions": [{ "name": "awslogs-region", "valueFrom": "/logs/region" }]`;
    expect(run(task(fromSecret))).toEqual([]);
  });

  it('warns of a missing awslogs-stream-prefix on Fargate only; the fix adds "ecs"', () => {
    const text = task(options(GROUP, REGION), true);
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect([textAt(text, finding), finding.range.start.line, finding.severity]).toEqual(['"options"', 9, 'warning']);
    expect(finding.message).toBe(
      'Container "app" logs with awslogs on Fargate without "awslogs-stream-prefix", which ECS documents as required on Fargate; with it, each stream is named <prefix>/<container>/<task id>.',
    );
    expect(finding.fixes?.map((f) => [f.title, f.safe])).toEqual([['Add "awslogs-stream-prefix": "ecs"', undefined]]);
    expect(finding.fixes).toMatchObject([{ kind: 'replaceText', preferred: true }]);
    expect(applyFix(text, finding)).toBe(task(options(GROUP, REGION, PREFIX), true));
    expect(run(task(options(GROUP, REGION)))).toEqual([]);
    // Without an options object there is nothing to add the prefix to.
    expect(findingsOf(RULE, task('        "logDriver": "awslogs"', true)).map((f) => [f.severity, f.fixes])).toEqual([
      ['error', undefined],
      ['warning', undefined],
    ]);
  });

  it('warns when awslogs-multiline-pattern is ignored beside awslogs-datetime-format; the fix removes it', () => {
    const text = task(options(GROUP, REGION, '"awslogs-datetime-format": "%Y-%m-%d"', '"awslogs-multiline-pattern": "^INFO"'));
    const findings = findingsOf(RULE, text);
    expect(findings.map((f) => [textAt(text, f), f.range.start.line, f.severity, f.message])).toEqual([
      [
        '"awslogs-multiline-pattern"',
        12,
        'warning',
        '"awslogs-multiline-pattern" of container "app" is ignored because "awslogs-datetime-format" is also set; ECS documents the two as exclusive. Keep the one that marks where a log message starts.',
      ],
    ]);
    expect(findings[0].fixes?.map((f) => f.title)).toEqual(['Remove "awslogs-multiline-pattern"']);
    expect(applyFix(text, findings[0])).toBe(task(options(GROUP, REGION, '"awslogs-datetime-format": "%Y-%m-%d"')));
    expect(run(task(options(GROUP, REGION, '"awslogs-multiline-pattern": "^INFO"')))).toEqual([]);
  });

  it('removes only the ignored pattern when broken text left out its value', () => {
    const broken = task(options(GROUP, REGION, '"awslogs-datetime-format": "%Y-%m-%d"', '"awslogs-multiline-pattern": '));
    const finding = onlyFindingOf(RULE, broken);
    expect(textAt(broken, finding)).toBe('"awslogs-multiline-pattern"');
    expect(applyFix(broken, finding, 'Remove "awslogs-multiline-pattern"')).toBe(
      task(options(GROUP, REGION, '"awslogs-datetime-format": "%Y-%m-%d"')),
    );
  });

  it('checks a container-definition array, whose launch type is set elsewhere', () => {
    const array =
      '[ { "name": "app", "image": "nginx", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-region": "eu-west-1" } } } ]';
    expect(run(array, undefined, { containerDefinitionsFile: true }).map(([at, , severity]) => [at, severity])).toEqual([
      ['"options"', 'error'],
    ]);
  });

  it('judges a YAML task definition and adds the prefix in YAML', () => {
    const yaml = (extra: string) =>
      `family: web\nrequiresCompatibilities: [FARGATE]\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    logConfiguration:\n      logDriver: awslogs\n      options:\n        awslogs-group: /ecs/web\n        awslogs-region: eu-west-1\n${extra}`;
    const text = yaml('');
    const findings = findingsOf(RULE, text, {}, {}, 'taskdef.yaml');
    expect(findings.map((f) => [textAt(text, f), f.range.start.line, f.severity])).toEqual([['options', 7, 'warning']]);
    expect(applyFix(text, findings[0], undefined, 'taskdef.yaml')).toBe(yaml('        awslogs-stream-prefix: ecs\n'));
    // A merge key may bring in what is missing.
    expect(
      run(
        'x: &logs\n  awslogs-group: g\nfamily: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    logConfiguration:\n      logDriver: awslogs\n      options:\n        <<: *logs\n',
        'taskdef.yaml',
      ),
    ).toEqual([]);
  });

  it('judges CloudFormation in its own names, and leaves options written with an intrinsic alone', () => {
    const template = (options: string) =>
      `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n          LogConfiguration:\n            LogDriver: awslogs\n            Options:\n${options}`;
    const text = template('              awslogs-group: !Ref LogGroup\n');
    const findings = findingsOf(RULE, text, {}, {}, 'template.yaml');
    expect(findings.map((f) => [textAt(text, f), f.range.start.line, f.severity, f.message])).toEqual([
      [
        'Options',
        10,
        'error',
        'The awslogs log driver of container "app" has no "awslogs-region" (the log group\'s region), which ECS requires; add it to "Options".',
      ],
      [
        'Options',
        10,
        'warning',
        'Container "app" logs with awslogs on Fargate without "awslogs-stream-prefix", which ECS documents as required on Fargate; with it, each stream is named <prefix>/<container>/<task id>.',
      ],
    ]);
    expect(applyFix(text, findings[1], undefined, 'template.yaml')).toBe(
      template('              awslogs-group: !Ref LogGroup\n              awslogs-stream-prefix: ecs\n'),
    );
    const intrinsic = template('').replace('Options:\n', 'Options: !If [Prod, { awslogs-group: g }, !Ref AWS::NoValue]\n');
    expect(run(intrinsic, 'template.yaml')).toEqual([]);
  });
});
