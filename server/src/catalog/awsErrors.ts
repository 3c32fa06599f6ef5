// Turns AWS SDK failures into one message a user can act on: which command renews the session,
// which IAM action is missing, what could not be reached. Credentials never appear in messages.
import { CatalogUnavailableError } from './accountCatalog';
import { capitalize } from '../service/text';

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

/** What was being done when it failed, for the message. */
export interface FailureContext {
  profile?: string;
  /** The IAM action of the call, e.g. `secretsmanager:ListSecrets`. */
  action: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** Removes anything shaped like an access key id or a long token from a message. */
export function redact(text: string): string {
  return text.replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '$1…').replace(/[A-Za-z0-9/+=]{80,}/g, '…');
}

/** The user-facing error for an SDK failure. */
export function describeAwsError(error: unknown, context: FailureContext): CatalogUnavailableError {
  if (error instanceof CatalogUnavailableError) return error;
  const e = (error ?? {}) as SdkError;
  const name = e.name ?? '';
  const message = redact(e.message ?? String(error));
  const profile = context.profile ? `profile "${context.profile}"` : 'the default credentials';
  const login = context.profile ? `aws sso login --profile ${context.profile}` : 'aws sso login';
  const code = e.code ?? (e.cause as SdkError | undefined)?.code ?? '';

  if (name === 'AbortError' || code === 'ABORT_ERR') return new CatalogUnavailableError('aborted', 'The listing was cancelled.');
  if (/sso/i.test(message) && /expired|invalid|refresh/i.test(message)) {
    return new CatalogUnavailableError('sso-expired', `The AWS SSO session of ${profile} has expired. Run \`${login}\`, then refresh.`);
  }
  if (name === 'TokenProviderError' || name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return new CatalogUnavailableError(
      'no-credentials',
      `No AWS credentials for ${profile}: configure them (aws configure, ${login}, or AWS_PROFILE), or set ecsTaskDef.aws.enabled to false to work offline.`,
    );
  }
  if (/region is missing/i.test(message)) {
    return new CatalogUnavailableError(
      'no-region',
      'No AWS region is configured: set ecsTaskDef.aws.region, AWS_REGION, or a region in the profile.',
    );
  }
  if (['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired'].includes(name)) {
    return new CatalogUnavailableError(
      'expired',
      `The AWS credentials of ${profile} have expired; renew them (for SSO: \`${login}\`), then refresh.`,
    );
  }
  if (
    [
      'UnrecognizedClientException',
      'InvalidClientTokenId',
      'InvalidSignatureException',
      'SignatureDoesNotMatch',
      'IncompleteSignature',
    ].includes(name)
  ) {
    return new CatalogUnavailableError(
      'invalid-credentials',
      `AWS rejected the credentials of ${profile} (${name}); check the access key or profile.`,
    );
  }
  if (
    ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedAccess'].includes(name) ||
    e.$metadata?.httpStatusCode === 403
  ) {
    return new CatalogUnavailableError(
      'access-denied',
      `${capitalize(profile)} may not call ${context.action}; allow that action (Resource "*") to complete and check references.`,
    );
  }
  if (['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded'].includes(name)) {
    return new CatalogUnavailableError('throttled', `AWS is throttling ${context.action}; the list will be retried later.`);
  }
  if (
    NETWORK_CODES.has(code) ||
    NETWORK_CODES.has(name) ||
    name === 'TimeoutError' ||
    name === 'RequestTimeout' ||
    /socket hang up|timed? ?out/i.test(message)
  ) {
    return new CatalogUnavailableError(
      'network',
      `Cannot reach AWS for ${context.action} (${code || name || message}). Check the network, proxy or AWS_ENDPOINT_URL.`,
    );
  }
  return new CatalogUnavailableError('unknown', `${context.action} failed: ${name ? `${name}: ` : ''}${message}`);
}
