// Quick fixes written in YAML's own syntax: the edited text is what a user sees after applying them.
import { describe, expect, it } from 'vitest';
import { analyze, applyFix } from '../../helpers/taskdef';

const YAML = 'taskdef.yaml';
const fix = (text: string, ruleId: string, title?: string) => {
  const findings = analyze(text, {}, {}, YAML).filter((f) => f.ruleId === ruleId);
  expect(findings).toHaveLength(1);
  return applyFix(text, findings[0], title, YAML);
};

describe('quick fixes in YAML', () => {
  it('replaces a plain scalar with a plain scalar, and keeps double and single quotes', () => {
    const text = (valueFrom: string) =>
      `family: web\nexecutionRoleArn: arn:aws:iam::111122223333:role/exec\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    secrets:\n      - name: A\n        valueFrom: ${valueFrom}\n`;
    expect(fix(text('arn:aws:ssm:eu-west-1:111122223333:parameter:db'), 'arn-malformed')).toBe(
      text('arn:aws:ssm:eu-west-1:111122223333:parameter/db'),
    );
    expect(fix(text('"arn:aws:ssm:eu-west-1:111122223333:parameter:db"'), 'arn-malformed')).toBe(
      text('"arn:aws:ssm:eu-west-1:111122223333:parameter/db"'),
    );
    expect(fix(text("'arn:aws:ssm:eu-west-1:111122223333:parameter:db'"), 'arn-malformed')).toBe(
      text("'arn:aws:ssm:eu-west-1:111122223333:parameter/db'"),
    );
  });

  it('adds executionRoleArn on its own line at the keys’ indentation, after family', () => {
    const text =
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    secrets:\n      - name: A\n        valueFrom: /prod/a\n';
    expect(fix(text, 'execution-role-missing')).toBe(
      'family: web\nexecutionRoleArn: arn:aws:iam::111122223333:role/ecsTaskExecutionRole\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    secrets:\n      - name: A\n        valueFrom: /prod/a\n',
    );
  });

  it('moves an environment entry to secrets in block style, and in flow style where the document is flow', () => {
    const block =
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    environment:\n      - name: KEEP\n        value: "1"\n      - name: TOKEN\n        valueFrom: /prod/token\n';
    expect(fix(block, 'value-from-in-environment')).toBe(
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    environment:\n      - name: KEEP\n        value: "1"\n    secrets:\n      - name: TOKEN\n        valueFrom: /prod/token\n',
    );
    const flow =
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    environment: [{ name: KEEP, value: "1" }, { name: TOKEN, valueFrom: /prod/token }]\n    secrets: [{ name: A, valueFrom: /prod/a }]\n';
    expect(fix(flow, 'value-from-in-environment')).toBe(
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    environment: [{ name: KEEP, value: "1" }]\n    secrets: [{ name: A, valueFrom: /prod/a }, { name: TOKEN, valueFrom: /prod/token }]\n',
    );
  });

  it('removes the only entry of a block list by leaving an empty flow list behind its key', () => {
    const text =
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    environment:\n      - name: TOKEN\n        valueFrom: /prod/token\n    essential: true\n';
    expect(fix(text, 'value-from-in-environment')).toBe(
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    environment: []\n    essential: true\n    secrets:\n      - name: TOKEN\n        valueFrom: /prod/token\n',
    );
  });

  it('unwraps describe-task-definition --output yaml, carrying the tags, and removes nulls', () => {
    const text =
      'taskDefinition:\n  family: web\n  revision: 3\n  containerDefinitions:\n    - name: web\n      image: nginx\n      command: null\ntags:\n  - key: team\n    value: payments\n';
    const findings = analyze(text, {}, {}, YAML).filter((f) => f.ruleId === 'describe-output');
    expect(findings.map((f) => f.message)).toEqual([
      'This is describe-task-definition output; `aws ecs register-task-definition` takes the inner object at the top level.',
      '"revision" is output of describe-task-definition; `aws ecs register-task-definition` rejects it.',
      '"command" is null; `aws ecs register-task-definition` rejects it. Remove it or give it a value.',
    ]);
    expect(applyFix(text, findings[0], 'Unwrap "taskDefinition"', YAML)).toBe(
      'family: web\nrevision: 3\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    command: null\ntags:\n  - key: team\n    value: payments\n',
    );
    expect(applyFix(text, findings[0], 'Make registrable: unwrap, remove output-only fields and nulls', YAML)).toBe(
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\ntags:\n  - key: team\n    value: payments\n',
    );
  });

  it("removes a null that is a list item's first key, keeping the item", () => {
    const text = 'family: web\ncontainerDefinitions:\n  - command: null\n    name: web\n    image: nginx\n';
    const [finding] = analyze(text, {}, {}, YAML).filter((f) => f.ruleId === 'describe-output');
    expect(finding.message).toBe('"command" is null; `aws ecs register-task-definition` rejects it. Remove it or give it a value.');
    expect(applyFix(text, finding, 'Remove "command"', YAML)).toBe('family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n');
  });

  it('fixes each document of a stream in its own document', () => {
    const text =
      'family: a\ncontainerDefinitions:\n  - name: a\n    image: x\n---\nfamily: b\ncontainerDefinitions:\n  - name: b\n    image: y\n    secrets:\n      - name: B\n        valueFrom: /b\n';
    expect(fix(text, 'execution-role-missing')).toBe(
      'family: a\ncontainerDefinitions:\n  - name: a\n    image: x\n---\nfamily: b\nexecutionRoleArn: arn:aws:iam::111122223333:role/ecsTaskExecutionRole\ncontainerDefinitions:\n  - name: b\n    image: y\n    secrets:\n      - name: B\n        valueFrom: /b\n',
    );
  });

  it('renames a key and rewrites a type in place', () => {
    const text = 'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    memroy: 512\n    cpu: "256"\n';
    expect(fix(text, 'unknown-property')).toBe(
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    memory: 512\n    cpu: "256"\n',
    );
    expect(fix(text, 'type-mismatch')).toBe(
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    memroy: 512\n    cpu: 256\n',
    );
  });
});
