import { describe, expect, it } from 'vitest';
import { analyze, applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'unused-suppression';

/** A JSONC task definition whose second secret has `parameter:`, with this comment line above it. */
const jsonc = (comment: string) => `{
  "family": "worker",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "memory": 512,
      "secrets": [
        { "name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/a" },
${comment}
        { "name": "B", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:/b" }
      ]
    }
  ]
}
`;
const codes = (text: string, name?: string) => analyze(text, {}, {}, name).map((f) => `${f.ruleId}@${f.range.start.line}`);

describe('ecs-taskdef-disable-next-line', () => {
  it('accepts the named rule on the next line, and nothing else', () => {
    expect(codes(jsonc(''))).toEqual(['arn-malformed@11']);
    expect(codes(jsonc('        // ecs-taskdef-disable-next-line arn-malformed -- fixed by the pipeline'))).toEqual([]);
    expect(codes(jsonc('        /* ecs-taskdef-disable-next-line arn-malformed */'))).toEqual([]);
    expect(codes(jsonc('        // ecs-taskdef-disable-next-line cross-account-reference, arn-malformed -- both'))).toEqual([
      'unused-suppression@10',
    ]);
  });

  it('reports a directive that accepts nothing, an unknown rule and one naming no rule; the fix removes the line', () => {
    const text = jsonc('        // ecs-taskdef-disable-next-line empty-value -- stale');
    const findings = findingsOf(RULE, text);
    expect(findings.map((f) => [f.severity, textAt(text, f), f.message])).toEqual([
      [
        'warning',
        '// ecs-taskdef-disable-next-line empty-value -- stale',
        'No "empty-value" finding on the next line: this comment accepts nothing. Remove it.',
      ],
    ]);
    expect(applyFix(text, findings[0])).toBe(jsonc('').replace('\n\n', '\n'));
    expect(findingsOf(RULE, jsonc('        // ecs-taskdef-disable-next-line arn-malfromed')).map((f) => f.message)).toEqual([
      '"arn-malfromed" is not a rule of ecs-taskdef; nothing on the next line is accepted by this comment.',
    ]);
    expect(findingsOf(RULE, jsonc('        // ecs-taskdef-disable-next-line -- why')).map((f) => f.message)).toEqual([
      '"ecs-taskdef-disable-next-line" names no rule; write the rule ids it accepts, then "-- " and why.',
    ]);
  });

  it('cannot tell for a rule that did not run: turned off, or needing the account offline', () => {
    const off = jsonc('        // ecs-taskdef-disable-next-line empty-value');
    expect(analyze(off, { rules: { 'empty-value': 'off' } }).map((f) => f.ruleId)).toEqual(['arn-malformed']);
    // Each rule that reads the account's catalog, and only those, cannot tell offline.
    for (const id of [
      'reference-not-found',
      'external-secret-store-mismatch',
      'kms-key-permission',
      'role-not-found',
      'secret-name-as-parameter',
    ]) {
      expect(
        analyze(jsonc(`        // ecs-taskdef-disable-next-line ${id}`)).map((f) => f.ruleId),
        id,
      ).toEqual(['arn-malformed']);
    }
    // An offline rule that ran and found nothing there: the comment is unused.
    expect(analyze(jsonc('        // ecs-taskdef-disable-next-line partial-secret-arn')).map((f) => f.ruleId)).toEqual([
      RULE,
      'arn-malformed',
    ]);
    expect(
      analyze(jsonc('        // ecs-taskdef-disable-next-line empty-value'), { rules: { [RULE]: 'off' } }).map((f) => f.ruleId),
    ).toEqual(['arn-malformed']);
  });

  it('is a comment only where the format has comments: not inside a string', () => {
    const text = jsonc('        { "name": "C", "valueFrom": "// ecs-taskdef-disable-next-line arn-malformed" },');
    expect(codes(text).filter((c) => c.startsWith('arn-malformed'))).toContain('arn-malformed@11');
  });

  it('works in YAML, with # comments; an end-of-line comment applies to the line after it', () => {
    const yaml = (comment: string) =>
      `family: worker\nexecutionRoleArn: arn:aws:iam::111122223333:role/exec\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    memory: 512\n    secrets:\n      - name: B\n${comment}        valueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter:/b\n`;
    expect(codes(yaml(''), 'taskdef.yaml')).toEqual(['arn-malformed@8']);
    expect(codes(yaml('        # ecs-taskdef-disable-next-line arn-malformed -- known\n'), 'taskdef.yaml')).toEqual([]);
    const endOfLine = yaml('').replace('      - name: B\n', '      - name: B # ecs-taskdef-disable-next-line arn-malformed\n');
    expect(codes(endOfLine, 'taskdef.yaml')).toEqual([]);
    // In a block scalar, `#` is text.
    const block = yaml('').replace(
      '    memory: 512\n',
      '    memory: 512\n    command:\n      - |\n        # ecs-taskdef-disable-next-line arn-malformed\n',
    );
    expect(codes(block, 'taskdef.yaml')).toContain('arn-malformed@11');
  });
});
