// unknown-property: a member the API model does not have, at any depth, with the closest name.
import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const task = (body: string) => `{"family": "f", "containerDefinitions": [{"name": "c", "image": "i"${body}}]}`;

describe('unknown-property', () => {
  it('suggests the closest name and renames it', () => {
    const text = '{"family": "f", "containerDefinition": []}';
    const findings = findingsOf('unknown-property', text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect([finding.severity, textAt(text, finding), finding.message]).toEqual([
      'warning',
      '"containerDefinition"',
      '"containerDefinition" is not a property of the task definition. Did you mean "containerDefinitions"?',
    ]);
    expect(finding.range).toEqual({ start: { line: 0, character: 16 }, end: { line: 0, character: 37 } });
    expect(applyFix(text, finding)).toBe('{"family": "f", "containerDefinitions": []}');
  });

  it('works at any depth and is case-aware', () => {
    const text = task(', "portMappings": [{"ContainerPort": 80, "Protcol": "tcp"}]');
    expect(findingsOf('unknown-property', text).map((f) => [f.message, textAt(text, f)])).toEqual([
      ['"ContainerPort" is not a property of PortMapping. Did you mean "containerPort"?', '"ContainerPort"'],
      ['"Protcol" is not a property of PortMapping. Did you mean "protocol"?', '"Protcol"'],
    ]);
  });

  it('has no suggestion for names far from any member', () => {
    const text = task(', "xyzzy": 1');
    const findings = findingsOf('unknown-property', text);
    expect(findings).toHaveLength(1);
    expect([findings[0].message, textAt(text, findings[0])]).toEqual([
      '"xyzzy" is not a property of a container definition; the AWS CLI rejects the request.',
      '"xyzzy"',
    ]);
    expect(findings[0].fixes).toBeUndefined();
  });

  it('says what the Terraform provider does with an unknown container member', () => {
    const tf =
      'resource "aws_ecs_task_definition" "web" {\n  family = "web"\n  container_definitions = jsonencode([{ name = "app", image = "nginx", xyzzy = 1 }])\n}\n';
    expect(findingsOf('unknown-property', tf, {}, {}, 'main.tf').map((f) => f.message)).toEqual([
      '"xyzzy" is not a property of a container definition; the AWS provider drops it without a word.',
    ]);
  });

  it('leaves output-only members to describe-output', () => {
    expect(findingsOf('unknown-property', '{"family": "f", "revision": 1, "containerDefinitions": []}')).toEqual([]);
  });
});
