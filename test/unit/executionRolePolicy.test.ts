// Golden execution role policies: exact text for a range of documents, and structural checks that
// every referenced resource is covered and nothing is broader than needed.
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../server/src/service';
import { fakeCatalog, parameter, secret } from '../helpers/fakeCatalog';
import { doc, service } from '../helpers/taskdef';

const policyOf = (task: object, options: object = {}) =>
  service.executionRolePolicy(doc(JSON.stringify(task)), {}, { reportSyntaxErrors: true, ...options })!;
const resources = (policy: PolicyDocument) => policy.Statement.flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));
const ROLE = 'arn:aws:iam::111122223333:role/exec';
/** A task with the execution role and one `app` container running nginx, with these members. */
const appTask = (container: object) => ({
  family: 'web',
  executionRoleArn: ROLE,
  containerDefinitions: [{ name: 'app', image: 'nginx', ...container }],
});
const LOGS = {
  logDriver: 'awslogs',
  options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'web' },
};

describe('execution role policy', () => {
  it('reads exactly the secrets and parameters referenced, by full ARN', () => {
    const { policy, notes } = policyOf(
      appTask({
        secrets: [
          { name: 'A', valueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf:password::' },
          { name: 'B', valueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf:username::' },
          { name: 'C', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api' },
          { name: 'D', valueFrom: '/prod/redis' },
        ],
        logConfiguration: LOGS,
      }),
    );
    expect(JSON.stringify(policy, null, 2)).toBe(`{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadTaskSecrets",
      "Effect": "Allow",
      "Action": "secretsmanager:GetSecretValue",
      "Resource": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf"
    },
    {
      "Sid": "ReadTaskParameters",
      "Effect": "Allow",
      "Action": "ssm:GetParameters",
      "Resource": [
        "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api",
        "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/redis"
      ]
    },
    {
      "Sid": "WriteAwslogs",
      "Effect": "Allow",
      "Action": [
        "logs:CreateLogStream",
        "logs:PutLogEvents"
      ],
      "Resource": "arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/web:*"
    }
  ]
}`);
    expect(notes).toEqual([
      'The ECR and CloudWatch Logs statements grant what the AWS managed policy AmazonECSTaskExecutionRolePolicy grants, limited to this task; you can attach that managed policy instead of them.',
    ]);
  });

  it('matches a partial ARN with ?????? (never *), and uses the full ARN once the catalog knows it', () => {
    const task = appTask({
      secrets: [{ name: 'A', valueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db' }],
      repositoryCredentials: { credentialsParameter: 'dockerhub' },
    });
    expect(resources(policyOf(task, { region: 'eu-west-1' }).policy)).toEqual([
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:dockerhub-??????',
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-??????',
    ]);
    const catalog = fakeCatalog([secret('prod/db'), secret('dockerhub')]);
    expect(resources(policyOf(task, { catalog }).policy)).toEqual([secret('dockerhub').arn, secret('prod/db').arn].sort());
  });

  it('decrypts with customer-managed keys only, by key ARN, through the services that use them', () => {
    const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const catalog = fakeCatalog([
      secret('prod/db', { kmsKeyId: key }),
      secret('prod/plain'),
      parameter('/prod/token', { kmsKeyId: '0987dcba-09fe-87dc-65ba-ab0987654321' }),
      parameter('/prod/aws-managed', { kmsKeyId: 'alias/aws/ssm' }),
      parameter('/prod/aliased', { kmsKeyId: 'alias/team-key' }),
    ]);
    const { policy } = policyOf(
      appTask({
        secrets: [
          { name: 'A', valueFrom: secret('prod/db').arn },
          { name: 'B', valueFrom: secret('prod/plain').arn },
          { name: 'C', valueFrom: '/prod/token' },
          { name: 'D', valueFrom: '/prod/aws-managed' },
          { name: 'E', valueFrom: '/prod/aliased' },
        ],
      }),
      { catalog },
    );
    const decrypt = policy.Statement.filter((s) => s.Action === 'kms:Decrypt');
    expect(decrypt).toEqual([
      {
        Sid: 'DecryptWithCustomerManagedKeys',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: key,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
      },
      {
        Sid: 'DecryptWithCustomerManagedKeys2',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: [
          'arn:aws:kms:eu-west-1:111122223333:key/*',
          'arn:aws:kms:eu-west-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321',
        ],
        Condition: {
          StringEquals: { 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com' },
          'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/team-key' },
        },
      },
    ]);
    expect(resources(policy).some((r) => r.includes(':alias/'))).toBe(false);
  });

  it('reads both services for /aws/reference/secretsmanager, and other regions by their own ARN', () => {
    const { policy } = policyOf(
      appTask({
        secrets: [
          { name: 'A', valueFrom: '/aws/reference/secretsmanager/prod/legacy' },
          { name: 'B', valueFrom: 'arn:aws:ssm:us-east-1:111122223333:parameter/east/thing' },
        ],
        logConfiguration: LOGS,
      }),
    );
    expect(policy.Statement.slice(0, 2)).toEqual([
      {
        Sid: 'ReadTaskSecrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/legacy-??????',
      },
      {
        Sid: 'ReadTaskParameters',
        Effect: 'Allow',
        Action: 'ssm:GetParameters',
        Resource: [
          'arn:aws:ssm:eu-west-1:111122223333:parameter/aws/reference/secretsmanager/prod/legacy',
          'arn:aws:ssm:us-east-1:111122223333:parameter/east/thing',
        ],
      },
    ]);
  });

  it('covers environment files, private ECR pulls and log group creation', () => {
    const { policy } = policyOf({
      family: 'web',
      executionRoleArn: ROLE,
      requiresCompatibilities: ['FARGATE'],
      containerDefinitions: [
        {
          name: 'app',
          image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.2',
          environmentFiles: [{ type: 's3', value: 'arn:aws:s3:::config-bucket/web/prod.env' }],
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-create-group': 'true' },
          },
        },
        { name: 'sidecar', image: 'public.ecr.aws/aws-observability/aws-otel-collector:latest' },
      ],
    });
    expect(policy.Statement.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      ['ReadEnvironmentFiles', 's3:GetObject', 'arn:aws:s3:::config-bucket/web/prod.env'],
      ['LocateEnvironmentFileBuckets', 's3:GetBucketLocation', 'arn:aws:s3:::config-bucket'],
      ['GetEcrAuthorizationToken', 'ecr:GetAuthorizationToken', '*'],
      [
        'PullPrivateImages',
        ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        'arn:aws:ecr:eu-west-1:111122223333:repository/team/web',
      ],
      ['WriteAwslogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], 'arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/web:*'],
      ['CreateAwslogsGroups', 'logs:CreateLogGroup', 'arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/web:*'],
    ]);
  });

  it('says where the account or region had to be "*"', () => {
    const { policy, notes } = policyOf({
      family: 'web',
      containerDefinitions: [{ name: 'app', image: 'nginx', secrets: [{ name: 'A', valueFrom: '/prod/x' }] }],
    });
    expect(resources(policy)).toEqual(['arn:aws:ssm:*:*:parameter/prod/x']);
    expect(notes[0]).toContain('replace it to narrow the policy');
  });

  it('never grants more than the references: every resource is one the document names', () => {
    const task = appTask({
      secrets: [
        { name: 'A', valueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:a-AbCdEf' },
        { name: 'B', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/b' },
      ],
    });
    const { policy } = policyOf(task);
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe('Allow');
      expect([statement.Action].flat().every((a) => /^(secretsmanager:GetSecretValue|ssm:GetParameters)$/.test(a))).toBe(true);
    }
    expect(resources(policy).every((r) => !r.includes('*'))).toBe(true);
    expect(policy.Statement.map((s) => s.Sid)).toEqual(['ReadTaskSecrets', 'ReadTaskParameters']);
  });
});
