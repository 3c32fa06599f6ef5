// invalid-enum-value: a value outside its member's allowed values, with the closest one as the fix.
import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

describe('invalid-enum-value', () => {
  it('lists the allowed values and offers the closest', () => {
    const text = '{"family": "f", "networkMode": "awsvcp", "containerDefinitions": []}';
    const findings = findingsOf('invalid-enum-value', text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect([finding.severity, textAt(text, finding), finding.message]).toEqual([
      'error',
      '"awsvcp"',
      '"awsvcp" is not a valid networkMode; allowed values: awsvpc, bridge, host, none.',
    ]);
    expect(finding.range).toEqual({ start: { line: 0, character: 31 }, end: { line: 0, character: 39 } });
    expect(applyFix(text, finding)).toBe('{"family": "f", "networkMode": "awsvpc", "containerDefinitions": []}');
  });

  it('marks the fix safe for --fix only when no other allowed value is close', () => {
    const safety = (text: string) => findingsOf('invalid-enum-value', text).map((f) => f.fixes?.map((x) => [x.title, x.safe]));
    expect(safety('{"family": "f", "networkMode": "awsvcp", "containerDefinitions": []}')).toEqual([[['Change to "awsvpc"', true]]]);
    // "awslog" is one edit from awslogs and two from syslog: which one is a guess.
    expect(
      safety('{"family": "f", "containerDefinitions": [{"name": "c", "image": "i", "logConfiguration": {"logDriver": "awslog"}}]}'),
    ).toEqual([[['Change to "awslogs"', undefined]]]);
  });

  it('checks enum elements of arrays and nested enums', () => {
    const text =
      '{"family": "f", "requiresCompatibilities": ["FARGATE", "fargate"], "containerDefinitions": [{"name": "c", "image": "i", "logConfiguration": {"logDriver": "logentries"}}]}';
    expect(findingsOf('invalid-enum-value', text).map((f) => textAt(text, f))).toEqual(['"fargate"', '"logentries"']);
  });
});
