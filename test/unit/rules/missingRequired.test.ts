// missing-required: a member the API requires, reported where the object that lacks it starts.
import { describe, expect, it } from 'vitest';
import { findingsOf, textAt } from '../../helpers/taskdef';

const task = (body: string) => `{"family": "f", "containerDefinitions": [{"name": "c", "image": "i"${body}}]}`;

describe('missing-required', () => {
  it("reports family and containerDefinitions at the root's first character", () => {
    const text = '{"cpu": "256", "containerDefinitions": []}';
    const findings = findingsOf('missing-required', text);
    expect(findings).toHaveLength(1);
    expect([findings[0].severity, findings[0].message, findings[0].range]).toEqual([
      'error',
      '"family" is required in the task definition.',
      { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    ]);
    // A file named as a task definition (on the command line, by the files setting) is judged as one.
    expect(findingsOf('missing-required', '{"family": "f"}', {}, { forced: true }).map((f) => f.message)).toEqual([
      '"containerDefinitions" is required in the task definition.',
    ]);
  });

  it('reports container name and image, naming the container', () => {
    const text = '{"family": "f", "containerDefinitions": [{"name": "web"}, {"image": "i"}]}';
    expect(findingsOf('missing-required', text).map((f) => [f.message, f.range.start.character])).toEqual([
      ['"image" is required in container "web".', 41],
      ['"name" is required in container #2.', 58],
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
