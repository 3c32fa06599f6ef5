// What the AWS managed policies that execution roles are most often given allow, for reading a role
// written beside the task definition without any AWS call (fileRoles.ts). One place for these facts;
// a managed policy not listed here makes a role's permissions unknown, never a finding.
//
// Sources: the AWS Managed Policy Reference Guide
// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/<name>.html); for the policies
// whose page we could not read there (AmazonECSTaskExecutionRolePolicy, which the AWS Batch user
// guide's execution-role page also prints; CloudWatchLogsFullAccess, CloudWatchAgentServerPolicy,
// AdministratorAccess), the public history of every managed policy's default version in
// github.com/zoph-io/MAMIP. Default versions as of 2026-12, beside each entry. Only the statements
// with an action an execution role is judged on (secretsmanager:, ssm:, kms:, ecr:, logs:, s3:, or
// a wildcard) are kept: the others cannot change a decision (fileDecision looks at no other action).
import type { PlainStatement } from './fileRoles';

const ALL = ['*'];

/** By the policy's path and name, as in `arn:<partition>:iam::aws:policy/<path and name>`. */
export const MANAGED_POLICIES: Readonly<Record<string, readonly PlainStatement[]>> = {
  // v1: ECR pulls and CloudWatch Logs; no secretsmanager:, ssm: or kms: action.
  'service-role/AmazonECSTaskExecutionRolePolicy': [
    {
      effect: 'Allow',
      actions: [
        'ecr:GetAuthorizationToken',
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:BatchGetImage',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ],
      resources: ALL,
      sid: 'AmazonECSTaskExecutionRolePolicy',
    },
  ],
  // v1.
  AmazonSSMReadOnlyAccess: [
    { effect: 'Allow', actions: ['ssm:Describe*', 'ssm:Get*', 'ssm:List*'], resources: ALL, sid: 'AmazonSSMReadOnlyAccess' },
  ],
  // v3.
  AmazonEC2ContainerRegistryReadOnly: [
    {
      effect: 'Allow',
      actions: [
        'ecr:GetAuthorizationToken',
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:GetRepositoryPolicy',
        'ecr:DescribeRepositories',
        'ecr:ListImages',
        'ecr:DescribeImages',
        'ecr:BatchGetImage',
        'ecr:GetLifecyclePolicy',
        'ecr:GetLifecyclePolicyPreview',
        'ecr:ListTagsForResource',
        'ecr:DescribeImageScanFindings',
      ],
      resources: ALL,
      sid: 'AmazonEC2ContainerRegistryReadOnly',
    },
  ],
  // v1 (2024): no ecr:BatchCheckLayerAvailability.
  AmazonEC2ContainerRegistryPullOnly: [
    {
      effect: 'Allow',
      actions: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchImportUpstreamImage'],
      resources: ALL,
      sid: 'AmazonEC2ContainerRegistryPullOnly',
    },
  ],
  // v5: every secret, but no kms:Decrypt (a secret under a customer managed key stays unreadable).
  SecretsManagerReadWrite: [
    {
      effect: 'Allow',
      actions: ['secretsmanager:*', 'kms:DescribeKey', 'kms:ListAliases', 'kms:ListKeys'],
      resources: ALL,
      sid: 'SecretsManagerReadWrite BasePermissions',
    },
    {
      effect: 'Allow',
      actions: ['s3:GetObject'],
      resources: ['arn:aws:s3:::awsserverlessrepo-changesets*', 'arn:aws:s3:::secrets-manager-rotation-apps-*/*'],
      sid: 'SecretsManagerReadWrite S3Permissions',
    },
  ],
  // v8.
  CloudWatchLogsFullAccess: [{ effect: 'Allow', actions: ['logs:*'], resources: ALL, sid: 'CloudWatchLogsFullAccess' }],
  // v3: s3:Get* covers s3:GetObject and s3:GetBucketLocation on every bucket.
  AmazonS3ReadOnlyAccess: [
    { effect: 'Allow', actions: ['s3:Get*', 's3:List*', 's3:Describe*'], resources: ALL, sid: 'AmazonS3ReadOnlyAccess' },
  ],
  // v3: CloudWatch Logs, and ssm:GetParameter (not GetParameters, what ECS calls) on its own parameters only.
  CloudWatchAgentServerPolicy: [
    {
      effect: 'Allow',
      actions: [
        'logs:PutLogEvents',
        'logs:PutRetentionPolicy',
        'logs:DescribeLogStreams',
        'logs:DescribeLogGroups',
        'logs:CreateLogStream',
        'logs:CreateLogGroup',
      ],
      resources: ALL,
      sid: 'CloudWatchAgentServerPolicy CWACloudWatchServerPermissions',
    },
    {
      effect: 'Allow',
      actions: ['ssm:GetParameter'],
      resources: ['arn:aws:ssm:*:*:parameter/AmazonCloudWatch-*'],
      sid: 'CloudWatchAgentServerPolicy CWASSMServerPermissions',
    },
  ],
  // v1.
  AdministratorAccess: [{ effect: 'Allow', actions: ['*'], resources: ALL, sid: 'AdministratorAccess' }],
};

/** The statements of an AWS managed policy ARN we know; undefined for any other ARN. */
export function managedPolicy(arn: string): readonly PlainStatement[] | undefined {
  const match = /^arn:[^:]+:iam::aws:policy\/([\w+=,.@/-]+)$/.exec(arn.replace(/\$\{AWS::Partition\}/, 'aws'));
  return match && Object.hasOwn(MANAGED_POLICIES, match[1]) ? MANAGED_POLICIES[match[1]] : undefined;
}
