// The four rules over the API model: unknown-property, type-mismatch, invalid-enum-value, missing-required.
import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const task = (body: string) => `{"family": "f", "containerDefinitions": [{"name": "c", "image": "i"${body}}]}`;

describe('unknown-property', () => {
  it('suggests the closest name and renames it', () => {
    const text = '{"family": "f", "containerDefinition": []}';
    const [finding] = findingsOf('unknown-property', text);
    expect([finding.severity, textAt(text, finding), finding.message]).toEqual([
      'warning',
      '"containerDefinition"',
      '"containerDefinition" is not a property of the task definition. Did you mean "containerDefinitions"?',
    ]);
    expect(applyFix(text, finding)).toBe('{"family": "f", "containerDefinitions": []}');
  });

  it('works at any depth and is case-aware', () => {
    const text = task(', "portMappings": [{"ContainerPort": 80, "Protcol": "tcp"}]');
    expect(findingsOf('unknown-property', text).map((f) => f.message)).toEqual([
      '"ContainerPort" is not a property of PortMapping. Did you mean "containerPort"?',
      '"Protcol" is not a property of PortMapping. Did you mean "protocol"?',
    ]);
  });

  it('has no suggestion for names far from any member', () => {
    const [finding] = findingsOf('unknown-property', task(', "xyzzy": 1'));
    expect(finding.message).toBe('"xyzzy" is not a property of a container definition; the AWS CLI rejects the request.');
    expect(finding.fixes).toBeUndefined();
  });

  it('leaves output-only members to describe-output', () => {
    expect(findingsOf('unknown-property', '{"family": "f", "revision": 1, "containerDefinitions": []}')).toEqual([]);
  });
});

describe('type-mismatch', () => {
  it('container memory is an integer; the fix removes the quotes', () => {
    const text = task(', "memory": "512"');
    const [finding] = findingsOf('type-mismatch', text);
    expect([finding.severity, textAt(text, finding), finding.message]).toEqual([
      'error',
      '"512"',
      '"memory" must be an integer, not a string: write 512 without quotes.',
    ]);
    expect(applyFix(text, finding)).toBe(task(', "memory": 512'));
  });

  it('task cpu is a string; the fix adds the quotes', () => {
    const text = '{"family": "f", "cpu": 256, "containerDefinitions": []}';
    const [finding] = findingsOf('type-mismatch', text);
    expect(finding.message).toBe('Task-level "cpu" must be a string, not a number: write "256".');
    expect(applyFix(text, finding)).toBe('{"family": "f", "cpu": "256", "containerDefinitions": []}');
  });

  it('reports objects for arrays and strings for maps, without a fix', () => {
    const text = task(', "portMappings": {"containerPort": 80}, "dockerLabels": "a=b", "essential": "true"');
    expect(findingsOf('type-mismatch', text).map((f) => f.message)).toEqual([
      '"portMappings" must be an array (array of PortMapping (object)), not an object.',
      '"dockerLabels" must be an object (map of string), not a string.',
      '"essential" must be true or false, not a string: write true without quotes.',
    ]);
  });

  it('accepts placeholders and decimal numbers are not integers', () => {
    expect(findingsOf('type-mismatch', task(', "memory": "{{memory}}", "cpu": "${cpu}"'))).toEqual([]);
    expect(findingsOf('type-mismatch', task(', "memory": 0.5')).map((f) => f.message)).toEqual([
      '"memory" must be an integer, not a decimal number.',
    ]);
  });
});

describe('invalid-enum-value', () => {
  it('lists the allowed values and offers the closest', () => {
    const text = '{"family": "f", "networkMode": "awsvcp", "containerDefinitions": []}';
    const [finding] = findingsOf('invalid-enum-value', text);
    expect([finding.severity, textAt(text, finding), finding.message]).toEqual([
      'error',
      '"awsvcp"',
      '"awsvcp" is not a valid networkMode; allowed values: awsvpc, bridge, host, none.',
    ]);
    expect(applyFix(text, finding)).toBe('{"family": "f", "networkMode": "awsvpc", "containerDefinitions": []}');
  });

  it('checks enum elements of arrays and nested enums', () => {
    const text =
      '{"family": "f", "requiresCompatibilities": ["FARGATE", "fargate"], "containerDefinitions": [{"name": "c", "image": "i", "logConfiguration": {"logDriver": "logentries"}}]}';
    expect(findingsOf('invalid-enum-value', text).map((f) => textAt(text, f))).toEqual(['"fargate"', '"logentries"']);
  });
});

describe('missing-required', () => {
  it("reports family and containerDefinitions at the root's first character", () => {
    const text = '{"cpu": "256", "containerDefinitions": []}';
    const [finding] = findingsOf('missing-required', text);
    expect([finding.severity, finding.message, finding.range.start]).toEqual([
      'error',
      '"family" is required in the task definition.',
      { line: 0, character: 0 },
    ]);
  });

  it('reports container name and image, naming the container', () => {
    const text = '{"family": "f", "containerDefinitions": [{"name": "web"}, {"image": "i"}]}';
    expect(findingsOf('missing-required', text).map((f) => f.message)).toEqual([
      '"image" is required in container "web".',
      '"name" is required in container #2.',
    ]);
  });

  it('reports nested required members at the key that holds the object', () => {
    const text = task(', "secrets": [{"name": "X"}], "logConfiguration": {"options": {}}');
    const findings = findingsOf('missing-required', text);
    expect(findings.map((f) => [f.message, textAt(text, f)])).toEqual([
      ['"valueFrom" is required in Secret.', '{'],
      ['"logDriver" is required in LogConfiguration.', '"logConfiguration"'],
    ]);
  });
});
