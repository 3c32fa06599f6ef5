import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

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
    expect(findings[2].message).toBe('"user" is null; the AWS CLI and SDKs reject null values. Remove it or give it a value.');
  });

  it('unwraps, moving the outer tags inside, with one indentation step less', () => {
    const [wrapper] = findingsOf('describe-output', described);
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
    const [finding] = findingsOf('describe-output', text);
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

  it('is quiet for register input', () => {
    expect(findingsOf('describe-output', '{"family": "f", "containerDefinitions": [{"name": "a", "image": "b"}], "tags": []}')).toEqual([]);
  });
});
