import { describe, expect, it } from 'vitest';
import { entry, externalSecret, providerClass, store } from '../../helpers/manifests';
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

  // One field off the shapes the rule accepts without looking closer (WELL_FORMED_* in arnMalformed.ts).
  const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf';
  const PARAMETER = 'arn:aws:ssm:eu-west-1:111122223333:parameter/db';
  it.each([
    [`x:${SECRET}`, `The parameter name "x:${SECRET}" contains ":"; SSM parameter names use only a-zA-Z0-9_.- and / between levels.`],
    [SECRET.replace('eu-west-1', 'eu-1-1'), 'The region "eu-1-1" is not a region name such as us-east-1.'],
    [SECRET.replace('eu-west-1', 'eu-west-x'), 'The region "eu-west-x" is not a region name such as us-east-1.'],
    [SECRET.replace('111122223333', 'abcdefghijkl'), 'The account "abcdefghijkl" in this ARN must be a 12-digit account ID.'],
    [`${SECRET}::::::`, 'This ARN has 6 fields after the secret name; the JSON-key form has exactly 3: json-key:version-stage:version-id.'],
    [`x:${PARAMETER}`, `The parameter name "x:${PARAMETER}" contains ":"; SSM parameter names use only a-zA-Z0-9_.- and / between levels.`],
    [PARAMETER.replace('eu-west-1', 'eu-1-1'), 'The region "eu-1-1" is not a region name such as us-east-1.'],
    [PARAMETER.replace('eu-west-1', 'eu-west-x'), 'The region "eu-west-x" is not a region name such as us-east-1.'],
    [PARAMETER.replace('111122223333', 'abcdefghijkl'), 'The account "abcdefghijkl" in this ARN must be a 12-digit account ID.'],
    [`${PARAMETER}/%%`, 'The parameter name "/db/%%" contains "%"; SSM parameter names use only a-zA-Z0-9_.- and / between levels.'],
    [
      PARAMETER.replace('/db', '/%%'),
      'The parameter name "%%" contains "%"; SSM parameter names use only a-zA-Z0-9_.- and / between levels.',
    ],
  ])('reports %j, one field off a well-formed ARN', (valueFrom, expected) => {
    expect(messages(withValueFrom(valueFrom))).toEqual([`error: ${expected}`]);
  });

  it('warns of a secret name with characters Secrets Manager does not allow', () => {
    expect(messages(withValueFrom(SECRET.replace('db-AbCdEf', '%%')))).toEqual([
      'warning: The secret name "%%" has characters Secrets Manager does not allow (letters, digits and /_+=.@!- only).',
    ]);
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
    expect(finding.fixes).toMatchObject([{ kind: 'replaceText', preferred: true }]);
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
    'arn:aws:${Service}:eu-west-1:111122223333:secret:db',
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
    // A broken SSM ARN too; and a JSON-key tail is registry-credentials-invalid's, broken ARN or not.
    expect(messages(creds('arn:aws:ssm:eu-west-1:1111:parameter/x'))).toEqual([]);
    expect(messages(creds('arn:aws:secretsmanager:eu-west-x:111122223333:secret:reg-AbCdEf:username'))).toEqual([
      'error: The region "eu-west-x" is not a region name such as us-east-1.',
    ]);
  });

  describe('in Kubernetes manifests', () => {
    const withStore = (service: string, key: string) => `${store('sm', service)}---\n${externalSecret('sm', entry(JSON.stringify(key)))}`;
    const manifestMessages = (text: string, name = 'secrets.yaml') =>
      findingsOf('arn-malformed', text, {}, {}, name).map((f) => `${f.severity}: ${f.message}`);

    it("checks an External Secrets store's role, on its value", () => {
      const text = `${store('sm', 'SecretsManager')}      role: arn:aws:iam::111122223333:user/bob\n`;
      const finding = onlyFindingOf('arn-malformed', text, {}, {}, 'store.yaml');
      expect(finding.message).toBe('role: This IAM ARN names "user/bob", not a role; a role ARN ends in role/<name>.');
      expect(textAt(text, finding)).toBe('arn:aws:iam::111122223333:user/bob');
      expect(manifestMessages(`${store('sm', 'SecretsManager')}      role: "arn:aws:iam::{{ .Values.account }}:user/bob"\n`)).toEqual([]);
      expect(manifestMessages(`${store('sm', 'SecretsManager')}      role: arn:aws:iam::111122223333:role/eso\n`)).toEqual([]);
    });

    it('checks an ExternalSecret key written as an ARN, by the service it names', () => {
      const text = withStore('SecretsManager', SECRET.replace('111122223333', '1111'));
      const finding = onlyFindingOf('arn-malformed', text, {}, {}, 'secrets.yaml');
      expect(finding.message).toBe('The account "1111" in this ARN must be a 12-digit account ID.');
      expect(textAt(text, finding)).toBe(JSON.stringify(SECRET.replace('111122223333', '1111')));
      expect(manifestMessages(withStore('ParameterStore', PARAMETER.replace('parameter/', 'parameter:')))).toEqual([
        'error: An SSM parameter ARN has "parameter/" before the name, not "parameter:".',
      ]);
      expect(manifestMessages(withStore('ParameterStore', 'arn:aws:s3:::bucket/x'))).toEqual([
        'error: This is an ARN of the service "s3"; this key takes a Secrets Manager secret or SSM parameter ARN.',
      ]);
      expect(manifestMessages(withStore('ParameterStore', 'arn:aws:ssm:{{ .Values.region }}:1111:parameter:db'))).toEqual([]);
      expect(manifestMessages(withStore('SecretsManager', SECRET))).toEqual([]);
    });

    it("fixes an ExternalSecret key's parameter: as in a task definition", () => {
      const text = withStore('ParameterStore', PARAMETER.replace('parameter/', 'parameter:'));
      const finding = onlyFindingOf('arn-malformed', text, {}, {}, 'secrets.yaml');
      expect(applyFix(text, finding, undefined, 'secrets.yaml')).toBe(withStore('ParameterStore', PARAMETER));
    });

    it("reports ECS's JSON-key tail on a key, naming the reader's own selector", () => {
      expect(manifestMessages(withStore('SecretsManager', `${SECRET}:username::`))).toEqual([
        'error: This ARN ends in ECS\'s JSON-key form ":username::". The External Secrets Operator reads the key as the secret\'s ID, which names no secret with that tail; select the JSON key with `property` instead.',
      ]);
      const csi = providerClass([`- objectName: "${SECRET}:username"`]);
      expect(manifestMessages(csi, 'spc.yaml')).toEqual([
        'error: This ARN ends in ECS\'s JSON-key form ":username". The Secrets Store CSI provider reads the key as the secret\'s ID, which names no secret with that tail; select the JSON key with `jmesPath` instead.',
      ]);
    });

    it('checks a SecretProviderClass objectName written as an ARN', () => {
      const bad = SECRET.replace('eu-west-1', 'eu-west-x');
      const text = providerClass([`- objectName: "${bad}"`, '  objectType: secretsmanager']);
      const finding = onlyFindingOf('arn-malformed', text, {}, {}, 'spc.yaml');
      expect(finding.message).toBe('The region "eu-west-x" is not a region name such as us-east-1.');
      expect(textAt(text, finding)).toBe(JSON.stringify(bad));
    });
  });
});
