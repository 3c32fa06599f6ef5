import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../server/src/service';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const described = `{
    "taskDefinition": {
        "taskDefinitionArn": "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3",
        "family": "web",
        "containerDefinitions": [
            {
                "name": "app",
                "image": "nginx",
                "user": null
            }
        ],
        "revision": 3,
        "status": "ACTIVE",
        "ipcMode": null
    },
    "tags": [
        { "key": "team", "value": "a" }
    ]
}
`;

describe('describe-output', () => {
  it('reports the wrapper, each output-only member and each null', () => {
    const findings = findingsOf('describe-output', described);
    expect(findings.map((f) => textAt(described, f))).toEqual([
      '"taskDefinition"',
      '"taskDefinitionArn"',
      'null',
      '"revision"',
      '"status"',
      'null',
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(findings.map((f) => f.message)).toEqual([
      'This is describe-task-definition output; `aws ecs register-task-definition` takes the inner object at the top level.',
      '"taskDefinitionArn" is output of describe-task-definition; `aws ecs register-task-definition` rejects it.',
      '"user" is null; `aws ecs register-task-definition` rejects it. Remove it or give it a value.',
      '"revision" is output of describe-task-definition; `aws ecs register-task-definition` rejects it.',
      '"status" is output of describe-task-definition; `aws ecs register-task-definition` rejects it.',
      '"ipcMode" is null; `aws ecs register-task-definition` rejects it. Remove it or give it a value.',
    ]);
  });

  it('names a null array element as such, and removes only that element', () => {
    const text = '{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "nginx", "command": ["run", null] } ] }';
    const finding = onlyFindingOf('describe-output', text);
    expect([textAt(text, finding), finding.message]).toEqual([
      'null',
      'This array element is null; `aws ecs register-task-definition` rejects it. Remove it or give it a value.',
    ]);
    expect(applyFix(text, finding, 'Remove the null element')).toBe(text.replace(', null]', ']'));
  });

  it('reports an output-only member once, not the nulls inside it', () => {
    const text =
      '{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "nginx" } ], "requiresAttributes": [ { "name": "ecs.capability.execution-role-awslogs", "targetType": null } ] }';
    expect(findingsOf('describe-output', text).map((f) => textAt(text, f))).toEqual(['"requiresAttributes"']);
  });

  it('unwraps, moving the outer tags inside, with one indentation step less', () => {
    const [wrapper] = findingsOf('describe-output', described);
    expect(textAt(described, wrapper)).toBe('"taskDefinition"');
    expect(applyFix(described, wrapper, 'Unwrap "taskDefinition"')).toBe(`{
    "taskDefinitionArn": "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3",
    "family": "web",
    "containerDefinitions": [
        {
            "name": "app",
            "image": "nginx",
            "user": null
        }
    ],
    "revision": 3,
    "status": "ACTIVE",
    "ipcMode": null,
    "tags": [
        { "key": "team", "value": "a" }
    ]
}
`);
  });

  it('makes the document registrable in one fix', () => {
    const [, arn] = findingsOf('describe-output', described);
    const fixed = applyFix(described, arn, 'Make registrable: unwrap, remove output-only fields and nulls');
    expect(fixed).toBe(`{
    "family": "web",
    "containerDefinitions": [
        {
            "name": "app",
            "image": "nginx"
        }
    ],
    "tags": [
        { "key": "team", "value": "a" }
    ]
}
`);
    expect(findingsOf('describe-output', fixed)).toEqual([]);
  });

  it('removes one output-only member', () => {
    const text = '{\n  "family": "web",\n  "revision": 3,\n  "containerDefinitions": [{"name": "a", "image": "b"}]\n}';
    const finding = onlyFindingOf('describe-output', text);
    expect(applyFix(text, finding, 'Remove "revision"')).toBe(
      '{\n  "family": "web",\n  "containerDefinitions": [{"name": "a", "image": "b"}]\n}',
    );
  });

  it('removes one output-only member whose value broken text left out, and nothing more', () => {
    const text = '{\n  "family": "web",\n  "revision": ,\n  "containerDefinitions": [{"name": "a", "image": "b"}]\n}';
    const finding = onlyFindingOf('describe-output', text);
    expect(textAt(text, finding)).toBe('"revision"');
    expect(applyFix(text, finding, 'Remove "revision"')).toBe(
      '{\n  "family": "web",\n  "containerDefinitions": [{"name": "a", "image": "b"}]\n}',
    );
  });

  it('offers "make registrable" once for several findings', async () => {
    const { service, doc } = await import('../../helpers/taskdef');
    const { toDiagnostic } = await import('../../../server/src/service');
    const d = doc(described);
    const diagnostics = findingsOf('describe-output', described).map(toDiagnostic);
    const titles = service.quickFixes(d, diagnostics, { snippetEdits: false }).map((a) => a.title);
    expect(titles.filter((t) => t.startsWith('Make registrable'))).toHaveLength(1);
  });

  it('marks every fix safe for --fix when the CLI registers the file, and only unwrapping when the deploy action does', () => {
    const safety = (deployment?: Deployment) =>
      findingsOf('describe-output', described, deployment ? { deployment } : {}).map((f) => [
        textAt(described, f),
        ...(f.fixes ?? []).map((x) => `${x.kind}:${x.safe ?? false}`),
      ]);
    expect(safety()).toEqual([
      ['"taskDefinition"', 'unwrapDescribe:true', 'makeRegistrable:true'],
      ['"taskDefinitionArn"', 'removeMember:true', 'makeRegistrable:true'],
      ['null', 'removeMember:true', 'makeRegistrable:true'],
      ['"revision"', 'removeMember:true', 'makeRegistrable:true'],
      ['"status"', 'removeMember:true', 'makeRegistrable:true'],
      ['null', 'removeMember:true', 'makeRegistrable:true'],
    ]);
    // The action drops members and nulls itself; but the task inside the wrapper it loses.
    expect(safety({ consumer: 'deployAction' })).toEqual([
      ['"taskDefinition"', 'unwrapDescribe:true', 'makeRegistrable:false'],
      ['"taskDefinitionArn"', 'makeRegistrable:false'],
      ['"taskDefinitionArn"', 'removeMember:false'],
      ['null', 'removeMember:false'],
      ['"revision"', 'removeMember:false'],
      ['"status"', 'removeMember:false'],
      ['null', 'removeMember:false'],
    ]);
  });

  it('is quiet for register input', () => {
    expect(findingsOf('describe-output', '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b"}], "tags": []}')).toEqual([]);
  });

  describe('registered by the deploy action', () => {
    const byAction: Deployment = { consumer: 'deployAction', workflow: '.github/workflows/deploy.yml' };
    const exported = `{
  "taskDefinitionArn": "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3",
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "user": null }
  ],
  "revision": 3,
  "ipcMode": null
}
`;

    it('sums the dropped members up in one information finding, on the first, with the make-registrable fix', () => {
      const findings = findingsOf('describe-output', exported, { deployment: byAction });
      const [summary, ...members] = findings.filter((f) => f.severity !== 'hint').concat(findings.filter((f) => f.severity === 'hint'));
      expect(findings.filter((f) => f.severity !== 'hint')).toEqual([summary]);
      expect(summary.severity).toBe('information');
      expect(textAt(exported, summary)).toBe('"taskDefinitionArn"');
      expect(summary.message).toBe(
        'The deploy action in .github/workflows/deploy.yml drops 2 describe-task-definition output members and 2 null values before it registers the task definition; `aws ecs register-task-definition` would reject them.',
      );
      expect(summary.fixes?.map((f) => f.title)).toEqual(['Make registrable: unwrap, remove output-only fields and nulls']);
      expect(applyFix(exported, summary)).toBe(`{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx" }
  ]
}
`);
      // Each member is a hint the editor shows faded, with its own removal.
      expect(members.map((f) => [f.severity, f.tags, textAt(exported, f)])).toEqual([
        ['hint', ['unnecessary'], '"taskDefinitionArn"'],
        ['hint', ['unnecessary'], 'null'],
        ['hint', ['unnecessary'], '"revision"'],
        ['hint', ['unnecessary'], 'null'],
      ]);
      expect(members[2].message).toBe('"revision" is dropped by the deploy action; `aws ecs register-task-definition` would reject it.');
      expect(applyFix(exported, members[2], 'Remove "revision"')).toBe(exported.replace('  "revision": 3,\n', ''));
    });

    it('names the action without a workflow when a setting says so, and counts one member in the singular', () => {
      const text = '{ "family": "web", "revision": 3, "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }';
      const findings = findingsOf('describe-output', text, { deployment: { consumer: 'deployAction' } });
      // The summing-up finding, and the member it counts faded.
      expect(findings.map((f) => [f.severity, f.tags, textAt(text, f)])).toEqual([
        ['information', undefined, '"revision"'],
        ['hint', ['unnecessary'], '"revision"'],
      ]);
      const [summary] = findings;
      expect(summary.message).toBe(
        'The deploy action (aws-actions/amazon-ecs-deploy-task-definition) drops 1 describe-task-definition output member before it registers the task definition; `aws ecs register-task-definition` would reject it.',
      );
    });

    it('still reports the describe wrapper as an error: the action sends only the members it knows, and the task inside is lost', () => {
      const findings = findingsOf('describe-output', described, { deployment: byAction });
      expect(findings.filter((f) => f.severity === 'error').map((f) => [textAt(described, f), f.message])).toEqual([
        [
          '"taskDefinition"',
          'This is describe-task-definition output; the deploy action in .github/workflows/deploy.yml sends RegisterTaskDefinition only the top-level members it knows, so everything inside "taskDefinition" is lost and ECS rejects the request.',
        ],
      ]);
      expect(findings.filter((f) => f.severity === 'information')).toHaveLength(1);
    });

    it('sums nulls up on the first of them, in document order', () => {
      const text = '{ "family": "web", "ipcMode": null, "pidMode": null, "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }';
      const findings = findingsOf('describe-output', text, { deployment: byAction });
      expect(findings.map((f) => [f.severity, f.range.start.character])).toEqual([
        ['information', text.indexOf('null')],
        ['hint', text.indexOf('null')],
        ['hint', text.lastIndexOf('null')],
      ]);
    });

    it('judges a YAML export the same way, and the fix writes YAML', () => {
      const yaml = 'family: web\nrevision: 3\nstatus: ACTIVE\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    user:\n';
      const findings = findingsOf('describe-output', yaml, { deployment: byAction }, {}, 'taskdef.yaml');
      const [summary] = findings.filter((f) => f.severity === 'information');
      expect([textAt(yaml, summary), summary.message]).toEqual([
        'revision',
        'The deploy action in .github/workflows/deploy.yml drops 2 describe-task-definition output members and 1 null value before it registers the task definition; `aws ecs register-task-definition` would reject them.',
      ]);
      expect(applyFix(yaml, summary, undefined, 'taskdef.yaml')).toBe(
        'family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n',
      );
    });

    it('has nothing to say of register input', () => {
      expect(
        findingsOf('describe-output', '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b"}]}', { deployment: byAction }),
      ).toEqual([]);
    });
  });
});
