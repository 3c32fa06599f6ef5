import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const ROLE = '"executionRoleArn": "arn:aws:iam::111122223333:role/exec"';
const withValueFrom = (valueFrom: string, place: 'secrets' | 'log' = 'secrets') => {
  const entry = `[{"name": "X", "valueFrom": ${JSON.stringify(valueFrom)}}]`;
  const member = place === 'secrets' ? `"secrets": ${entry}` : `"logConfiguration": {"logDriver": "splunk", "secretOptions": ${entry}}`;
  return `{"family": "f", ${ROLE}, "containerDefinitions": [{"name": "c", "image": "i", ${member}}]}`;
};
const messages = (text: string) => findingsOf('arn-malformed', text).map((f) => `${f.severity}: ${f.message}`);

describe('arn-malformed', () => {
  it.each([
    [
      'arn:aws:ssm:eu-west-1:111122223333',
      'error: This ARN has 5 colon-separated fields; an ARN has at least 6: arn:partition:service:region:account:resource.',
    ],
    ['arn:aws:ssm:eu-west-1:11112222333:parameter/db', 'error: The account "11112222333" in this ARN must be a 12-digit account ID.'],
    ['arn:aws:ssm:EU-west:111122223333:parameter/db', 'error: The region "EU-west" is not a region name such as us-east-1.'],
    ['arn:aws:ssm::111122223333:parameter/db', 'error: The region field of this ARN is empty.'],
    [
      'arn:azure:ssm:eu-west-1:111122223333:parameter/db',
      'error: The partition "azure" is not an AWS partition (aws, aws-cn, aws-us-gov, ...).',
    ],
    ['arn:aws-cn:ssm:eu-west-1:111122223333:parameter/db', 'warning: The region "eu-west-1" does not belong to the partition "aws-cn".'],
    ['arn:aws:s3:::bucket/key', 'error: This is an ARN of the service "s3"; valueFrom takes a Secrets Manager secret or SSM parameter.'],
    [
      'arn:aws:ssm:eu-west-1:111122223333:document/db',
      'error: An SSM parameter ARN ends in parameter/<name>; this one ends in "document/db".',
    ],
    [
      'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db:3',
      'error: ECS does not accept the version or label selector ":3" in a parameter reference; it always reads the latest version of "/prod/db".',
    ],
    [
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:a:b:c:d',
      'error: This ARN has 4 fields after the secret name; the JSON-key form has exactly 3: json-key:version-stage:version-id.',
    ],
    [
      'arn:aws:secretsmanager:eu-west-1:111122223333:db-AbCdEf',
      'error: A Secrets Manager ARN ends in secret:<name>; this one ends in "db-AbCdEf".',
    ],
    ['prod db', 'error: The parameter name "prod db" contains " "; SSM parameter names use only a-zA-Z0-9_.- and / between levels.'],
    ['prod/db', 'error: The parameter name "prod/db" has levels but does not start with "/"; write "/prod/db".'],
    [
      '/db:2',
      'error: ECS does not accept the version or label selector ":2" in a parameter reference; it always reads the latest version of "/db".',
    ],
    ['', 'error: valueFrom is empty; give the ARN of a Secrets Manager secret or the name or ARN of an SSM parameter.'],
  ])('reports %j', (valueFrom, expected) => {
    const text = withValueFrom(valueFrom);
    expect(messages(text)).toEqual([expected]);
    expect(textAt(text, onlyFindingOf('arn-malformed', text))).toBe(JSON.stringify(valueFrom));
  });

  it.each([
    ['arn:aws:ssm:eu-west-1:111122223333:parameter:/prod/db', 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db'],
    ['arn:aws:ssm:eu-west-1:111122223333:parameter:db', 'arn:aws:ssm:eu-west-1:111122223333:parameter/db'],
    ['arn:aws:ssm:eu-west-1:111122223333:parameter//prod/db', 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db'],
    [
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:username',
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:username::',
    ],
    [
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:username:AWSCURRENT',
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:username:AWSCURRENT:',
    ],
  ])('fixes %j', (valueFrom, fixed) => {
    const text = withValueFrom(valueFrom);
    const finding = onlyFindingOf('arn-malformed', text);
    expect(finding.severity).toBe('error');
    expect(applyFix(text, finding)).toBe(withValueFrom(fixed));
    expect(findingsOf('arn-malformed', withValueFrom(fixed))).toEqual([]);
  });

  it.each([
    ['arn:aws:ssm:eu-west-1:111122223333:parameter:/prod/db', true],
    ['arn:aws:ssm:eu-west-1:111122223333:parameter//prod/db', true],
    ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:username', true],
    // Offline, "prod/db" may as well name a Secrets Manager secret: --fix leaves the choice to the user.
    ['prod/db', undefined],
  ])('marks the fix of %j safe for --fix: %s', (valueFrom, safe) => {
    const finding = onlyFindingOf('arn-malformed', withValueFrom(valueFrom));
    expect(finding.fixes?.map((f) => f.safe)).toEqual([safe]);
  });

  it('checks secretOptions the same way', () => {
    expect(messages(withValueFrom('arn:aws:ssm:eu-west-1:111122223333:parameter//x', 'log'))).toHaveLength(1);
  });

  it.each([
    'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf',
    'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf:password::',
    'arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!cluster-4b3e3ef1-3cf5-fSJVrq:username::',
    'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db/password',
    'arn:aws-us-gov:ssm:us-gov-west-1:111122223333:parameter/db',
    'arn:aws:ssm:il-central-1:111122223333:parameter/db',
    '/prod/db/password',
    'gokabot.DATABASE_URL',
    '/aws/reference/secretsmanager/prod/db+x',
    'arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}',
    'arn:aws:secretsmanager:ap-northeast-1:{{must_env `AWS_ACCOUNT_ID`}}:secret:x-06XQOH',
    '${GMSASQLSASECRETPARAM}',
  ])('accepts %j', (valueFrom) => {
    expect(messages(withValueFrom(valueFrom))).toEqual([]);
  });

  it('checks role ARNs', () => {
    const role = (key: string, value: string) =>
      `{"family": "f", "${key}": ${JSON.stringify(value)}, "containerDefinitions": [{"name": "c", "image": "i"}]}`;
    expect(messages(role('taskRoleArn', 'arn:aws:iam::111122223333:user/bob'))).toEqual([
      'error: taskRoleArn: This IAM ARN names "user/bob", not a role; a role ARN ends in role/<name>.',
    ]);
    expect(messages(role('executionRoleArn', 'arn:aws:iam:eu-west-1:111122223333:role/x'))).toEqual([
      'error: executionRoleArn: IAM ARNs have an empty region field; remove "eu-west-1".',
    ]);
    expect(messages(role('executionRoleArn', 'arn:aws:sts::111122223333:assumed-role/x/y'))).toEqual([
      'error: executionRoleArn: A role ARN is an IAM ARN (arn:aws:iam::<account>:role/<name>); this one is of the service "sts".',
    ]);
    expect(messages(role('executionRoleArn', 'arn:aws:iam::ACCOUNT_ID:role/x'))).toEqual([
      'error: executionRoleArn: The account "ACCOUNT_ID" in this ARN must be a 12-digit account ID.',
    ]);
    expect(messages(role('executionRoleArn', 'arn:aws:iam::111122223333:role/service-role/x'))).toEqual([]);
    expect(messages(role('executionRoleArn', 'ecsTaskExecutionRole'))).toEqual([]);
    expect(messages(role('executionRoleArn', 'arn:aws:iam::{{account}}:role/x'))).toEqual([]);
  });

  it('leaves registry credentials that are SSM or bare names to registry-credentials-invalid', () => {
    const creds = (value: string) =>
      `{"family": "f", ${ROLE}, "containerDefinitions": [{"name": "c", "image": "i", "repositoryCredentials": {"credentialsParameter": ${JSON.stringify(value)}}}]}`;
    expect(messages(creds('arn:aws:ssm:eu-west-1:111122223333:parameter/x'))).toEqual([]);
    expect(messages(creds('reg'))).toEqual([]);
    expect(messages(creds('arn:aws:kms:eu-west-1:111122223333:key/x'))).toEqual([
      'error: This is an ARN of the service "kms"; credentialsParameter takes a Secrets Manager secret ARN.',
    ]);
  });
});
