// Whether an environment variable holds a credential in plain text: by its name (PASSWORD, TOKEN,
// API_KEY, ...) with a real-looking value, by a value in a known credential format whatever the
// name, or by a `Password=`-style pair of a connection string in the value. Tuned on the corpus:
// template placeholders and dummy values are not credentials.
//
// Stand-ins are judged by which half of a credential a value is. A secret (a password, a key) is a
// stand-in only when the whole value is one (`changeme`, `xxx`, `<...>`): a real secret may contain
// any word, so `wJalr...EXAMPLEKEY` is still reported. An access key ID is the non-secret half of an
// AWS key pair: leaking a fake one costs nothing, so there the stand-ins count inside the value too
// (AWS documents its examples as `AKIAIOSFODNN7EXAMPLE`; `AKIAXXXXXXXXXXXXXXXX` is another).
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
  /^(abc|changeme|change[-_ ]?me|placeholder|dev|local|password|passwd|secret|token|todo|tbd|none|null|nil|undefined|dummy|example|sample|test|default|\*+|x+|\.+|-+)$/i;

/** An AWS access key ID; its 16 characters after the prefix are what a stand-in fills. */
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)([A-Z0-9]{16})\b/g;

/** Credential formats worth flagging whatever the variable is called (the access key ID is judged apart). */
const CREDENTIAL_FORMATS: { name: string; pattern: RegExp }[] = [
  { name: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { name: 'a bearer token', pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{20,}/ },
  { name: 'a connection string with a password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@[^\s/]+/i },
  { name: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36}\b/ },
  { name: 'a Slack token', pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/ },
  { name: 'a Stripe secret key', pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}/ },
];

/**
 * The pairs of a `key=value;...` connection string (ADO.NET, ODBC, Npgsql, Azure Storage and Service
 * Bus) whose value is the secret, by key in lower case; the phrase names what the pair holds.
 */
const CONNECTION_STRING_SECRETS: Record<string, string> = {
  password: 'a password',
  pwd: 'a password',
  accountkey: 'an account key',
  sharedaccesskey: 'a shared access key',
};
/** One `key=value` pair: at the start or after `;`; a quoted value may hold `;`. */
const CONNECTION_STRING_PAIR = /(?:^|;)\s*([A-Za-z][A-Za-z ]*?)\s*=\s*("[^"]*"|'[^']*'|[^;]*)/g;

/** Why a value looks like a plaintext credential, or undefined when it does not. */
export function plaintextCredentialReason(name: string, value: string): string | undefined {
  if (value.trim() === '' || value.startsWith('arn:')) return undefined;
  const templated = isTemplated(value);
  if (!templated) {
    const keyIds = [...value.matchAll(ACCESS_KEY_ID)].map((m) => m[1]);
    if (keyIds.some((key) => !isStandInKeyId(key))) return 'its value is an AWS access key ID';
    // Nothing but a stand-in access key ID, whatever the variable is called (AWS_ACCESS_KEY).
    if (keyIds.length && /^(?:AKIA|ASIA)[A-Z0-9]{16}$/.test(value.trim())) return undefined;
    for (const format of CREDENTIAL_FORMATS) if (format.pattern.test(value)) return `its value is ${format.name}`;
  }
  // Pair by pair: a placeholder for the host leaves a literal password a password.
  const pair = connectionStringSecret(value);
  if (pair) return `its value is a connection string with ${pair}`;
  if (templated || !nameSaysCredential(name)) return undefined;
  if (isStandIn(name, value) || /^(true|false|\d{1,5})$/i.test(value.trim())) return undefined;
  return 'its name says it is a credential';
}

/** True for a whole secret value that stands for "fill me in": `changeme`, `xxx`, `YOUR_API_KEY`. */
function isStandIn(name: string, value: string): boolean {
  return DUMMY_VALUES.test(value.trim()) || isPlaceholderWord(name, value);
}

/** True for the 16 characters of a stand-in access key ID: `IOSFODNN7EXAMPLE` (AWS's documentation), `XXXXXXXXXXXXXXXX`. */
function isStandInKeyId(key: string): boolean {
  return DUMMY_VALUES.test(key) || key.endsWith('EXAMPLE');
}

/** What the first secret pair of a connection string holds (`a password in "Password="`), when its value is a real one. */
function connectionStringSecret(value: string): string | undefined {
  if (!value.includes('=')) return undefined;
  for (const [, key, raw] of value.matchAll(CONNECTION_STRING_PAIR)) {
    const what = CONNECTION_STRING_SECRETS[key.toLowerCase()];
    if (!what) continue;
    const secret = /^(["']).*\1$/s.test(raw) ? raw.slice(1, -1) : raw.trim();
    if (secret === '' || isTemplated(secret) || isStandIn(key, secret)) continue;
    return `${what} in "${key}="`;
  }
  return undefined;
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
