import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

describe('value-from-in-environment', () => {
  it('is an error at the valueFrom key; the fix moves the entry to existing secrets', () => {
    const text = `{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "c",
      "image": "i",
      "environment": [
        { "name": "PORT", "value": "80" },
        { "name": "DB", "valueFrom": "/prod/db" }
      ],
      "secrets": [
        { "name": "API", "valueFrom": "/prod/api" }
      ]
    }
  ]
}`;
    const finding = onlyFindingOf('value-from-in-environment', text);
    expect([finding.severity, textAt(text, finding)]).toEqual(['error', '"valueFrom"']);
    expect(applyFix(text, finding)).toBe(`{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "c",
      "image": "i",
      "environment": [
        { "name": "PORT", "value": "80" }
      ],
      "secrets": [
        { "name": "API", "valueFrom": "/prod/api" },
        { "name": "DB", "valueFrom": "/prod/db" }
      ]
    }
  ]
}`);
  });

  it('creates secrets when the container has none', () => {
    const text = `{
  "family": "f",
  "containerDefinitions": [
    {
      "name": "c",
      "image": "i",
      "environment": [{ "name": "DB", "valueFrom": "/prod/db" }]
    }
  ]
}`;
    const finding = onlyFindingOf('value-from-in-environment', text);
    const fixed = applyFix(text, finding);
    expect(JSON.parse(fixed).containerDefinitions[0]).toEqual({
      name: 'c',
      image: 'i',
      environment: [],
      secrets: [{ name: 'DB', valueFrom: '/prod/db' }],
    });
    expect(fixed).toContain(
      '\n      "environment": [],\n      "secrets": [\n        {\n          "name": "DB",\n          "valueFrom": "/prod/db"\n        }\n      ]\n    }',
    );
  });

  it('moves the entry into an empty secrets array one indentation step inside its brackets', () => {
    const text = `{
  "family": "f",
  "containerDefinitions": [
    {
      "name": "c",
      "image": "i",
      "environment": [
        { "name": "DB", "valueFrom": "/prod/db" }
      ],
      "secrets": []
    }
  ]
}`;
    const findings = findingsOf('value-from-in-environment', text);
    expect(findings).toHaveLength(1);
    expect(applyFix(text, findings[0])).toBe(`{
  "family": "f",
  "containerDefinitions": [
    {
      "name": "c",
      "image": "i",
      "environment": [],
      "secrets": [
        {
          "name": "DB",
          "valueFrom": "/prod/db"
        }
      ]
    }
  ]
}`);
  });

  it('names the variable, or says "this variable" when the entry has no name', () => {
    const text = (entry: string) => `{"family": "f", "containerDefinitions": [{"name": "c", "image": "i", "environment": [${entry}]}]}`;
    const message = (entry: string) => findingsOf('value-from-in-environment', text(entry)).map((f) => f.message);
    expect(message('{"name": "DB", "valueFrom": "/db"}')).toEqual([
      '"environment" entries take a literal "value"; move "DB" to "secrets" to have ECS fetch it from valueFrom.',
    ]);
    expect(message('{"valueFrom": "/db"}')).toEqual([
      '"environment" entries take a literal "value"; move this variable to "secrets" to have ECS fetch it from valueFrom.',
    ]);
  });

  it('is quiet for literal values', () => {
    expect(
      findingsOf(
        'value-from-in-environment',
        '{"family": "f", "containerDefinitions": [{"name": "c", "image": "i", "environment": [{"name": "A", "value": "b"}]}]}',
      ),
    ).toEqual([]);
  });
});
