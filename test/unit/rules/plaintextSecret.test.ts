import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, snippetEditsOf, textAt } from '../../helpers/taskdef';

const task = (name: string, value: string) => `{
  "family": "web",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-region": "eu-west-1", "awslogs-group": "g" } },
      "environment": [
        { "name": "PORT", "value": "8080" },
        { "name": ${JSON.stringify(name)}, "value": ${JSON.stringify(value)} }
      ]
    }
  ]
}`;
const fires = (name: string, value: string) => findingsOf('plaintext-secret', task(name, value)).length === 1;

describe('plaintext-secret', () => {
  it.each([
    ['DB_PASSWORD', 'hunter2-prod'],
    ['ADMIN_PASSWORD', 'REDACTED-PLACEHOLDER'],
    ['JWT_SECRET', 's3cr3t-value-123'],
    ['STRIPE_SECRET_KEY', 'abc123def456'],
    ['githubToken', 'abcdef0123456789'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['API_KEY', 'a1b2c3d4'],
    ['SMTP_USER', 'AKIAIOSFODNN7EXAMPLE'],
    ['DATABASE_URL', 'postgres://app:pa55word@db.internal:5432/app'],
    ['SIGNING_CERT', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...'],
    ['AUTH_HEADER_VALUE', 'Bearer abcdefghijklmnopqrstuvwxyz012345'],
  ])('fires on %s', (name, value) => {
    expect(fires(name, value)).toBe(true);
  });

  it.each([
    ['DB_PASSWORD', ''],
    ['DD_API_KEY', '<YOUR_DATADOG_API_KEY>'],
    ['ACCESS_TOKEN', 'MY_ACCESS_TOKEN'],
    ['DB_PASSWORD', '${DB_PASSWORD}'],
    ['DB_PASSWORD', '{{ ssm `/db/password` }}'],
    ['DB_PASSWORD', 'changeme'],
    ['JWT_ACCESS_TOKEN_EXPIRATION', '15m'],
    ['PASSWORD_MIN_LENGTH', '12'],
    ['SECRET_NAME', 'prod/db'],
    ['SECRET_ARN', 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf'],
    ['TOKEN_URL', 'https://auth.example.com/oauth/token'],
    ['PAYPAL_CLIENT_ID', 'REDACTED-PLACEHOLDER'],
    ['APP_URL', 'https://app.example.com'],
    ['USE_TOKEN_AUTH', 'true'],
    ['NODE_TLS_REJECT_UNAUTHORIZED', '0'],
  ])('does not fire on %s=%j', (name, value) => {
    expect(fires(name, value)).toBe(false);
  });

  it('points at the value, names the variable and never repeats the value', () => {
    const text = task('DB_PASSWORD', 'hunter2-prod');
    const [finding] = findingsOf('plaintext-secret', text);
    expect([finding.severity, textAt(text, finding)]).toEqual(['warning', '"hunter2-prod"']);
    expect(finding.message).toBe(
      '"DB_PASSWORD" in container "app" looks like a credential in plain text (its name says it is a credential). Store it in SSM Parameter Store or Secrets Manager and reference it from "secrets".',
    );
    expect(JSON.stringify(finding)).not.toContain('hunter2');
  });

  it('moves the variable to secrets as an SSM parameter ARN snippet, dropping the value', () => {
    const text = task('DB_PASSWORD', 'hunter2-prod');
    const [finding] = findingsOf('plaintext-secret', text);
    const fixed = applyFix(text, finding);
    expect(fixed).not.toContain('hunter2');
    expect(JSON.parse(fixed).containerDefinitions[0]).toMatchObject({
      environment: [{ name: 'PORT', value: '8080' }],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/web/app/DB_PASSWORD' }],
    });
    const [edit] = snippetEditsOf(text, finding)!;
    expect(edit.snippet).toContain('"valueFrom": "arn:aws:ssm:${1:eu-west-1}:${2:111122223333}:parameter/${3:web/app/DB_PASSWORD}"');
    expect(edit.snippet).not.toContain('hunter2');
  });
});
