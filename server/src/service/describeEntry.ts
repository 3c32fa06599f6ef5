import type { CatalogEntry } from './catalog';

/** KMS key ids that stand for the AWS managed keys of Secrets Manager and SSM. */
const AWS_MANAGED_KEY = /(^|\/)alias\/aws\/(secretsmanager|ssm)$/;

/** True when the entry is encrypted with a customer-managed KMS key. */
export function usesCustomerManagedKey(entry: CatalogEntry): boolean {
  return entry.kmsKeyId !== undefined && !AWS_MANAGED_KEY.test(entry.kmsKeyId);
}

/**
 * What the catalog knows of a secret or parameter, for hover and completion documentation: kind,
 * name, ARN, type, description, KMS key, last change, rotation or tier. Never a value.
 */
export function describeEntry(entry: CatalogEntry, markdown: boolean): string {
  const code = (s: string) => (markdown ? `\`${s}\`` : s);
  const bold = (s: string) => (markdown ? `**${s}**` : s);
  const lines: string[] = [];
  if (entry.kind === 'secret') {
    lines.push(`${bold('Secrets Manager secret')} ${code(entry.name)}`);
  } else {
    lines.push(`${bold('SSM parameter')} ${code(entry.name)}${entry.parameterType ? ` (${entry.parameterType})` : ''}`);
  }
  if (entry.description) lines.push(entry.description);
  lines.push(`ARN: ${code(entry.arn)}`);
  if (entry.kind === 'parameter' && entry.parameterType) {
    lines.push(
      entry.parameterType === 'SecureString'
        ? 'Value: SecureString, encrypted with KMS'
        : `Value: ${entry.parameterType}, stored in plain text`,
    );
  }
  if (entry.kind === 'secret' || entry.parameterType === 'SecureString') {
    lines.push(
      usesCustomerManagedKey(entry)
        ? `KMS key: customer-managed ${code(entry.kmsKeyId!)} (the execution role needs kms:Decrypt on it)`
        : `KMS key: AWS managed (${code(entry.kind === 'secret' ? 'aws/secretsmanager' : 'aws/ssm')})`,
    );
  }
  if (entry.kind === 'secret')
    lines.push(`Rotation: ${entry.rotationEnabled ? 'on (running tasks keep the value they started with)' : 'off'}`);
  if (entry.tier) lines.push(`Tier: ${entry.tier}`);
  if (entry.lastChanged) lines.push(`Last changed: ${entry.lastChanged.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}`);
  return lines.filter(Boolean).join(markdown ? '\n\n' : '\n');
}
