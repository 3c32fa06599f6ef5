import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const task = (secrets: string, environment: string) => `{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "c",
      "image": "i",
      "environment": [${environment}],
      "secrets": [${secrets}]
    }
  ]
}`;
const S = (name: string) => `{"name": "${name}", "valueFrom": "/p/${name}"}`;
const E = (name: string) => `{"name": "${name}", "value": "x"}`;

describe('secret-name-conflict', () => {
  it('is an error when a name is in secrets and environment; the fix removes the environment entry', () => {
    const text = task(S('DB'), `${E('PORT')}, ${E('DB')}`);
    const finding = onlyFindingOf('secret-name-conflict', text);
    expect([finding.severity, textAt(text, finding)]).toEqual(['error', '"DB"']);
    expect(finding.message).toBe(
      '"DB" is set in both "secrets" and "environment" of container "c"; ECS rejects the task definition. Keep one.',
    );
    expect(applyFix(text, finding)).toBe(task(S('DB'), E('PORT')));
  });

  it('warns on a name twice in secrets, at the second one', () => {
    const text = task(`${S('DB')}, ${S('DB')}`, '');
    const [finding, ...rest] = findingsOf('secret-name-conflict', text);
    expect(rest).toEqual([]);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe('"DB" appears twice in "secrets" of container "c"; only one of them reaches the container.');
    expect(finding.range.start.character).toBeGreaterThan(text.split('\n')[8].indexOf('"DB"'));
  });

  it('leaves empty names to empty-value', () => {
    expect(findingsOf('secret-name-conflict', task(`${S('')}, ${S(' ')}, ${S(' ')}`, `${E('')}, ${E(' ')}`))).toEqual([]);
  });

  it('is quiet for distinct names', () => {
    expect(findingsOf('secret-name-conflict', task(`${S('A')}, ${S('B')}`, E('C')))).toEqual([]);
  });
});
