// type-mismatch: a value of the wrong JSON type for its member, with the fix that converts it.
import { describe, expect, it } from 'vitest';
import { MODEL } from '../../../server/src/service/shape/taskDefinitionShape';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const task = (body: string) => `{"family": "f", "containerDefinitions": [{"name": "c", "image": "i"${body}}]}`;

describe('type-mismatch', () => {
  it('container memory is an integer; the fix removes the quotes', () => {
    const text = task(', "memory": "512"');
    const findings = findingsOf('type-mismatch', text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect([finding.severity, textAt(text, finding), finding.message]).toEqual([
      'error',
      '"512"',
      '"memory" must be an integer, not a string: write 512 without quotes.',
    ]);
    expect(finding.range).toEqual({ start: { line: 0, character: 79 }, end: { line: 0, character: 84 } });
    expect(applyFix(text, finding)).toBe(task(', "memory": 512'));
  });

  it.each([
    [', "memory": " 512 "', '512'],
    [', "essential": "false"', 'false'],
    [', "essential": " TRUE "', 'true'],
    [', "hostname": true', '"true"'],
    [', "hostname": 8080', '"8080"'],
  ])('%s: the fix writes %s', (body, fixed) => {
    const [finding] = findingsOf('type-mismatch', task(body));
    expect(applyFix(task(body), finding)).toBe(task(body.replace(/: .*$/, `: ${fixed}`)));
  });

  it.each([', "memory": "512MiB"', ', "memory": "x512"', ', "memory": "512x"', ', "essential": "yes"', ', "essential": "truee"'])(
    '%s has no fix',
    (body) => {
      const [finding] = findingsOf('type-mismatch', task(body));
      expect(finding.fixes).toBeUndefined();
    },
  );

  it('names the kind an enum member takes, with no fix that writes a value it does not take', () => {
    const text = '{"family": "f", "networkMode": 1, "containerDefinitions": []}';
    expect(findingsOf('type-mismatch', text).map((f) => f.message)).toEqual(['"networkMode" must be a string, not a number.']);
    // What typeMismatch.ts's requote relies on: no enum value is the text of a number or a boolean.
    expect(
      Object.values(MODEL.enums)
        .flat()
        .filter((value) => /^(-?\d+|true|false)$/i.test(value)),
    ).toEqual([]);
  });

  it('task cpu is a string; the fix adds the quotes', () => {
    const text = '{"family": "f", "cpu": 256, "containerDefinitions": []}';
    const findings = findingsOf('type-mismatch', text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect([finding.message, textAt(text, finding)]).toEqual(['Task-level "cpu" must be a string, not a number: write "256".', '256']);
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
