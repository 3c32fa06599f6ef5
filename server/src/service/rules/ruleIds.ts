/** Every rule id. An id is stable forever and never reused for another rule. */
export const RULE_IDS = [
  'invalid-json',
  'unknown-property',
  'type-mismatch',
  'invalid-enum-value',
  'missing-required',
  'execution-role-missing',
  'arn-malformed',
  'cross-account-reference',
  'registry-credentials-invalid',
  'short-parameter-name',
  'secret-name-conflict',
  'value-from-in-environment',
  'describe-output',
  'reference-not-found',
  'secret-name-as-parameter',
  'partial-secret-arn',
  'kms-key-permission',
  'plaintext-secret',
  'analysis-limited',
  'invalid-yaml',
  'fargate-cpu-memory',
  'fargate-unsupported',
  'no-essential-container',
  'container-name-duplicate',
  'container-reference-unknown',
  'volume-unknown',
  'awsvpc-port-mapping',
] as const;

/** A rule id, e.g. `execution-role-missing`. */
export type RuleId = (typeof RULE_IDS)[number];
