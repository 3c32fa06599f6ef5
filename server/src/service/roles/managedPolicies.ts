// What the AWS managed policies that execution roles are most often given allow, for reading a role
// written beside the task definition without any AWS call (fileRoles.ts). One place for these facts;
// a managed policy not listed here makes a role's permissions unknown, never a finding.
import type { PlainStatement } from './fileRoles';

/**
 * By policy name (the last part of `arn:<partition>:iam::aws:policy/...`). Statements as the AWS
 * Managed Policy Reference Guide lists them (AmazonECSTaskExecutionRolePolicy, version 1;
 * AmazonSSMReadOnlyAccess; SecretsManagerReadWrite's Secrets Manager part is not summarised:
 * it is left out, so a role with it is unknown).
 */
export const MANAGED_POLICIES: Readonly<Record<string, readonly PlainStatement[]>> = {
  AmazonECSTaskExecutionRolePolicy: [
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
      resources: ['*'],
      sid: 'AmazonECSTaskExecutionRolePolicy',
    },
  ],
  AmazonSSMReadOnlyAccess: [
    { effect: 'Allow', actions: ['ssm:Describe*', 'ssm:Get*', 'ssm:List*'], resources: ['*'], sid: 'AmazonSSMReadOnlyAccess' },
  ],
};

/** The statements of an AWS managed policy ARN we know; undefined for any other ARN. */
export function managedPolicy(arn: string): readonly PlainStatement[] | undefined {
  const match = /^arn:[^:]+:iam::aws:policy\/(?:service-role\/)?([\w+=,.@-]+)$/.exec(arn.replace(/\$\{AWS::Partition\}/, 'aws'));
  return match ? MANAGED_POLICIES[match[1]] : undefined;
}
