import { describe, expect, it } from 'vitest';
import { fakeCatalog, secret } from '../../helpers/fakeCatalog';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const task = (credentials: string, image = 'ghcr.io/acme/app:1', extra = '') => `{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "${image}",
      "repositoryCredentials": ${credentials}${extra}
    }
  ]
}`;
const one = (text: string, options = {}) => {
  const findings = findingsOf('registry-credentials-invalid', text, options);
  expect(findings).toHaveLength(1);
  return findings[0];
};

describe('registry-credentials-invalid', () => {
  it('is an error without credentialsParameter, at the repositoryCredentials key', () => {
    const text = task('{}');
    const finding = one(text);
    expect([finding.severity, textAt(text, finding)]).toEqual(['error', '"repositoryCredentials"']);
    expect(finding.message).toBe(
      '"repositoryCredentials" of container "app" needs "credentialsParameter": the ARN of a Secrets Manager secret with username and password.',
    );
    expect(findingsOf('missing-required', text)).toEqual([]);
    expect(one(task('{"credentialsParameter": null}')).message).toBe(finding.message);
  });

  it('is an error when empty', () => {
    const text = task('{"credentialsParameter": ""}');
    expect([one(text).severity, textAt(text, one(text)), one(text).message]).toEqual([
      'error',
      '""',
      '"credentialsParameter" is empty; ECS rejects it. Give the ARN of a Secrets Manager secret with username and password.',
    ]);
  });

  it('is an error for an SSM parameter', () => {
    const finding = one(task('{"credentialsParameter": "arn:aws:ssm:eu-west-1:111122223333:parameter/reg"}'));
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe(
      'ECS reads private registry credentials only from Secrets Manager; store them as a secret with username and password and give its ARN.',
    );
  });

  it('is an error with a JSON-key tail, and the fix removes it', () => {
    const text = task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg-AbCdEf:username::"}');
    const finding = one(text);
    expect([finding.severity, finding.message]).toEqual([
      'error',
      '"credentialsParameter" takes the whole secret, which must hold username and password; the ":username::" tail is only for secrets in valueFrom.',
    ]);
    expect(finding.fixes?.map((f) => f.title)).toEqual(['Remove the JSON-key tail']);
    expect(applyFix(text, finding)).toBe(
      task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg-AbCdEf"}'),
    );
  });

  it('is information for a bare name, with a fix once account and region are known', () => {
    const text = task('{"credentialsParameter": "reg"}');
    expect(one(text).severity).toBe('information');
    expect(one(text).fixes).toBeUndefined();
    expect(one(text).message).toBe(
      '"reg" is a bare secret name: it works only through the API for a secret in the task\'s region; the console, other regions and other accounts need the secret\'s full ARN.',
    );
    const finding = one(text, { region: 'eu-west-1' });
    expect(finding.fixes?.map((f) => f.title)).toEqual(["Write the secret's ARN"]);
    expect(applyFix(text, finding)).toBe(task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg"}'));
    // With the account's catalog, the secret's own ARN, suffix and all.
    const withCatalog = one(text, { catalog: fakeCatalog([secret('reg')]) });
    expect(applyFix(text, withCatalog)).toBe(task(`{"credentialsParameter": "${secret('reg').arn}"}`));
  });

  it('warns on an ECR image, and the fix removes repositoryCredentials', () => {
    const ecr = '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1';
    const text = task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg-AbCdEf"}', ecr);
    const finding = one(text);
    expect([finding.severity, textAt(text, finding)]).toEqual(['warning', '"repositoryCredentials"']);
    expect(applyFix(text, finding)).toBe(`{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "${ecr}"
    }
  ]
}`);
  });

  it('takes only an ECR host for ECR: a mirror whose path names one is a registry of its own', () => {
    const mirror = 'registry.example.com/public.ecr.aws/nginx/nginx:1';
    expect(
      findingsOf(
        'registry-credentials-invalid',
        task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg-AbCdEf"}', mirror),
      ),
    ).toEqual([]);
  });

  it('accepts a secret ARN, and templates', () => {
    expect(
      findingsOf(
        'registry-credentials-invalid',
        task('{"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg-AbCdEf"}'),
      ),
    ).toEqual([]);
    expect(findingsOf('registry-credentials-invalid', task('{"credentialsParameter": "${credentialsParameter}"}'))).toEqual([]);
  });
});
