// Whether an environment variable holds a credential in plain text: by its name (PASSWORD, TOKEN,
// API_KEY, ...) with a real-looking value, or by a value in a known credential format whatever the
// name. Tuned on the corpus: template placeholders and dummy values are not credentials.
import { isTemplated } from './template';

/** Name words that mean "this is a credential". */
const CREDENTIAL_WORDS = new Set([
  'PASSWORD',
  'PASSWD',
  'PWD',
  'PASS',
  'SECRET',
  'TOKEN',
  'APIKEY',
  'PASSPHRASE',
  'CREDENTIAL',
  'CREDENTIALS',
  'PRIVATEKEY',
]);
/** Adjacent name words that together mean a credential. */
const CREDENTIAL_PAIRS = new Set([
  'API KEY',
  'ACCESS KEY',
  'PRIVATE KEY',
  'SECRET KEY',
  'AUTH KEY',
  'SIGNING KEY',
  'ENCRYPTION KEY',
  'MASTER KEY',
  'CLIENT SECRET',
  'SESSION KEY',
  'LICENSE KEY',
]);
/** Name words that make it about a credential rather than the credential itself. */
const METADATA_WORDS = new Set([
  'EXPIRATION',
  'EXPIRY',
  'EXPIRES',
  'TTL',
  'TIMEOUT',
  'LENGTH',
  'TYPE',
  'ALGORITHM',
  'ALG',
  'NAME',
  'ARN',
  'FILE',
  'PATH',
  'DIR',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'PORT',
  'HEADER',
  'FIELD',
  'PARAM',
  'PARAMETER',
  'REGION',
  'ENABLED',
  'REQUIRED',
  'POLICY',
  'PROVIDER',
  'ISSUER',
  'AUDIENCE',
  'LIFETIME',
  'MAX',
  'MIN',
  'COUNT',
  'LIMIT',
  'DURATION',
  'SECONDS',
  'MINUTES',
  'HOURS',
  'DAYS',
  'ID',
  'USER',
  'USERNAME',
  'LOGIN',
  'EMAIL',
  'VERSION',
  'ROTATION',
  'RESET',
  'HASH',
  'SALT',
  'ROUNDS',
  'COST',
  'STRENGTH',
]);
/** Values that stand for "fill me in". */
const DUMMY_VALUES =
  /^(changeme|change[-_ ]?me|placeholder|dev|local|password|passwd|secret|token|todo|tbd|none|null|nil|undefined|dummy|example|sample|test|default|\*+|x+|\.+|-+)$/i;

/** Credential formats worth flagging whatever the variable is called. */
const CREDENTIAL_FORMATS: { name: string; pattern: RegExp }[] = [
  { name: 'an AWS access key ID', pattern: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { name: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { name: 'a bearer token', pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{20,}/ },
  { name: 'a connection string with a password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@[^\s/]+/i },
  { name: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36}\b/ },
  { name: 'a Slack token', pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/ },
  { name: 'a Stripe secret key', pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}/ },
];

/** Why a value looks like a plaintext credential, or undefined when it does not. */
export function plaintextCredentialReason(name: string, value: string): string | undefined {
  if (value.trim() === '' || value.startsWith('arn:') || isTemplated(value)) return undefined;
  for (const format of CREDENTIAL_FORMATS) if (format.pattern.test(value)) return `its value is ${format.name}`;
  if (!nameSaysCredential(name)) return undefined;
  if (DUMMY_VALUES.test(value.trim()) || isPlaceholderWord(name, value) || /^(true|false|\d{1,5})$/i.test(value.trim())) return undefined;
  return 'its name says it is a credential';
}

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/** True when the variable name says it holds a credential (and not something about one). */
export function nameSaysCredential(name: string): boolean {
  const parts = words(name);
  if (parts.some((w) => METADATA_WORDS.has(w))) return false;
  if (parts.some((w) => CREDENTIAL_WORDS.has(w))) return true;
  return parts.some((w, i) => i > 0 && CREDENTIAL_PAIRS.has(`${parts[i - 1]} ${w}`));
}

/** `MY_ACCESS_TOKEN`, `YOUR_API_KEY`: an upper-case stand-in that names the variable, not a value. */
function isPlaceholderWord(name: string, value: string): boolean {
  if (!/^[A-Z][A-Z0-9_]*$/.test(value)) return false;
  return /^(MY|YOUR|THE|SOME)_/.test(value) || value.includes(name.toUpperCase()) || words(value).some((w) => CREDENTIAL_WORDS.has(w));
}
