import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, onlyFindingOf, snippetEditsOf, textAt } from '../../helpers/taskdef';

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
    ['SMTP_USER', 'AKIA2E0A8F3B244C9986'],
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
    ['DB_PASSWORD', 'abc'],
  ])('does not fire on %s=%j', (name, value) => {
    expect(fires(name, value)).toBe(false);
  });

  describe('stand-ins, by which half of a credential the value is', () => {
    it.each([
      ['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'],
      ['AWS_ACCESS_KEY', 'AKIAI44QH8DHBEXAMPLE'],
      ['SMTP_USER', 'ASIAXXXXXXXXXXXXXXXX'],
    ])('an access key ID, the non-secret half, may be a stand-in inside the value: %s=%j', (name, value) => {
      expect(fires(name, value)).toBe(false);
    });

    it.each([
      ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      ['DB_PASSWORD', 'example-prod-2024'],
      ['CONN', 'Host=db;Password=changeme-in-prod'],
    ])('a secret is a stand-in only when the whole value is one: %s=%j fires', (name, value) => {
      expect(fires(name, value)).toBe(true);
    });
  });

  describe('connection strings', () => {
    const reasonOf = (name: string, value: string) => {
      const text = task(name, value);
      return findingsOf('plaintext-secret', text).map((f) => [f.message, textAt(text, f)]);
    };
    const message = (name: string, what: string) =>
      `"${name}" in container "app" looks like a credential in plain text (its value is a connection string with ${what}). Store it in SSM Parameter Store or Secrets Manager and reference it from "secrets".`;

    it.each([
      ['DATABASE', 'Host=db;Port=5432;Username=app;Password=s3cr3t-real;', 'a password in "Password="'],
      ['SQL', 'Server=tcp:db,1433;Database=app;User Id=sa;pwd=Pa55w0rd!x', 'a password in "pwd="'],
      ['ODBC', 'Driver={ODBC Driver 18};Server=db;UID=sa;PWD="a;b=c d"', 'a password in "PWD="'],
      [
        'STORAGE',
        'DefaultEndpointsProtocol=https;AccountName=appstore;AccountKey=q2Xf9Lm0vR7sT1uW3yZ5aB8cD0eF2gH4iJ6kL8mN0pQ==;EndpointSuffix=core.windows.net',
        'an account key in "AccountKey="',
      ],
      [
        'BUS',
        'Endpoint=sb://app.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=',
        'a shared access key in "SharedAccessKey="',
      ],
      ['APP_SETTINGS', 'host = db ; PASSWORD = hunter2-prod', 'a password in "PASSWORD="'],
    ])('fires on %s, whatever the name, on the value, never naming it', (name, value, what) => {
      expect(reasonOf(name, value)).toEqual([[message(name, what), JSON.stringify(value)]]);
      expect(JSON.stringify(findingsOf('plaintext-secret', task(name, value)))).not.toContain(value.slice(-8));
    });

    it.each([
      ['fake', 'Host=db;Username=app;Password=changeme'],
      ['fake', 'Host=db;Password=xxx'],
      ['fake', 'Host=db;Password=abc'],
      ['fake', 'Host=db;Password=password'],
      ['fake', 'Host=db;Password=example'],
      ['fake', 'Host=db;Password=YOUR_PASSWORD'],
      ['fake, quoted', "Host=db;Password='changeme'"],
      ['a placeholder', 'Host=db;Password=<password>'],
      ['a placeholder', 'Host=db;Password=${DB_PASSWORD}'],
      ['a placeholder', 'Server=db;Pwd={{ .Values.dbPassword }}'],
      ['empty', 'Host=db;Password=;'],
      ['not a secret key', 'AccountName=appstore;SharedAccessKeyName=RootManageSharedAccessKey;Username=app'],
      ['not a pair', 'jdbc-password=hunter2-prod'],
    ])('does not fire on %s: %j', (_, value) => {
      expect(fires('CONNECTION', value)).toBe(false);
    });

    it('judges the password pair alone: a placeholder elsewhere leaves it reported', () => {
      expect(fires('CONNECTION', 'Host=${DB_HOST};Password=s3cr3t-real')).toBe(true);
    });
  });

  it('points at the value, names the variable and never repeats the value', () => {
    const text = task('DB_PASSWORD', 'hunter2-prod');
    const finding = onlyFindingOf('plaintext-secret', text);
    expect([finding.severity, textAt(text, finding)]).toEqual(['warning', '"hunter2-prod"']);
    expect(finding.message).toBe(
      '"DB_PASSWORD" in container "app" looks like a credential in plain text (its name says it is a credential). Store it in SSM Parameter Store or Secrets Manager and reference it from "secrets".',
    );
    expect(JSON.stringify(finding)).not.toContain('hunter2');
  });

  it('reports a real password that merely starts with a stand-in word ("Password123!" is no placeholder)', () => {
    const text = task('DB_PASSWORD', 'Password123!');
    const findings = findingsOf('plaintext-secret', text);
    expect(findings).toHaveLength(1);
    expect(textAt(text, findings[0])).toBe('"Password123!"');
    expect(findings[0].message).toBe(
      '"DB_PASSWORD" in container "app" looks like a credential in plain text (its name says it is a credential). Store it in SSM Parameter Store or Secrets Manager and reference it from "secrets".',
    );
    expect(findingsOf('plaintext-secret', task('DB_PASSWORD', 'password'))).toEqual([]);
  });

  it('moves the variable to secrets as an SSM parameter ARN snippet, dropping the value', () => {
    const text = task('DB_PASSWORD', 'hunter2-prod');
    const finding = onlyFindingOf('plaintext-secret', text);
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

  it('proposes a parameter path of safe characters, with placeholders for what the task does not say', () => {
    const text = task('DB PASSWORD', 'hunter2-prod')
      .replace('"family": "web"', '"family": "my web"')
      .replace('"name": "app"', '"name": "app/1"')
      .replace('111122223333', '444455556666')
      .replace('"awslogs-region": "eu-west-1", ', '');
    const [edit] = snippetEditsOf(text, onlyFindingOf('plaintext-secret', text))!;
    expect(edit.snippet).toContain('"valueFrom": "arn:aws:ssm:${1:region}:${2:444455556666}:parameter/${3:app/container/DB_PASSWORD}"');
    const named = task('DB_PASSWORD', 'hunter2-prod')
      .replace('"family": "web"', '"family": "web-1.2_x"')
      .replace('"name": "app"', '"name": "app-1.2_x"');
    expect(snippetEditsOf(named, onlyFindingOf('plaintext-secret', named))![0].snippet).toContain(
      'parameter/${3:web-1.2_x/app-1.2_x/DB_PASSWORD}',
    );
    const unnamed = task('DB_PASSWORD', 'hunter2-prod').replace('"name": "app",', '');
    expect(snippetEditsOf(unnamed, onlyFindingOf('plaintext-secret', unnamed))![0].snippet).toContain(
      'parameter/${3:web/container/DB_PASSWORD}',
    );
  });
});
