// secret-name-as-parameter, over an in-memory catalog: a bare name that is a Secrets Manager secret
// of the account, which ECS would look up in SSM Parameter Store.
import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { analyze, applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const task = (valueFrom: string) => `{
  "family": "web",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "secrets": [{ "name": "X", "valueFrom": "${valueFrom}" }]
    }
  ]
}`;
const catalog = fakeCatalog([secret('prod/db-password'), secret('db-secret'), parameter('/prod/redis/url')]);
/** Every rule's findings but container-memory's (these fixtures leave container memory out). */
const codes = (text: string, options: object = { catalog }) =>
  analyze(text, options)
    .filter((f) => f.ruleId !== 'container-memory')
    .map((f) => f.ruleId);

describe('secret-name-as-parameter', () => {
  it('is an error on a bare secret name, replacing arn-malformed, with a fix to the ARN', () => {
    const text = task('prod/db-password');
    expect(codes(text)).toEqual(['secret-name-as-parameter']);
    const findings = findingsOf('secret-name-as-parameter', text, { catalog });
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect([finding.severity, textAt(text, finding)]).toEqual(['error', '"prod/db-password"']);
    expect(finding.range).toEqual({ start: { line: 7, character: 46 }, end: { line: 7, character: 64 } });
    expect(finding.message).toBe(
      '"prod/db-password" is the name of a Secrets Manager secret, but ECS looks bare names up in SSM Parameter Store; use the secret\'s ARN.',
    );
    expect(finding.fixes?.map((f) => f.title)).toEqual(["Use the secret's ARN"]);
    expect(applyFix(text, finding)).toBe(task(secret('prod/db-password').arn));
    expect(codes(text, {})).toEqual(['arn-malformed']);
  });

  it('fires for a secret name that is also a valid parameter name, unless such a parameter exists', () => {
    expect(codes(task('db-secret'))).toEqual(['secret-name-as-parameter']);
    expect(codes(task('db-secret'), { catalog: fakeCatalog([secret('db-secret'), parameter('db-secret')]) })).toEqual([
      'short-parameter-name',
    ]);
  });

  it('stays quiet for a name the account has no secret of', () => {
    expect(findingsOf('secret-name-as-parameter', task('prod/other'), { catalog })).toEqual([]);
  });
});
