// A local AWS endpoint for tests. It speaks the services' real wire protocols (awsJson1_1 for
// Secrets Manager and SSM, awsQuery with XML for STS and IAM), verifies every request's SigV4
// signature for the right service and region (IAM, a global service: us-east-1), pages like AWS
// (MaxResults limits, empty pages that still carry a NextToken; IAM's MaxItems, Marker and
// IsTruncated), and can be told to throttle, fail, deny, hang or answer slowly. IAM serves GetRole,
// ListRoles and a small policy simulator (SimulatePrincipalPolicy) over the seeded `roles`. The real
// SDK clients reach it through AWS_ENDPOINT_URL with the dummy credentials below.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';

export const TEST_ACCESS_KEY = 'AKIDFAKEAWSTESTKEY01';
export const TEST_SECRET_KEY = 'fake-secret-key-for-local-tests-only';

/** Operations that return secret or parameter values: the product must never call them. */
export const VALUE_READING_OPERATIONS = [
  'GetSecretValue',
  'BatchGetSecretValue',
  'GetParameter',
  'GetParameters',
  'GetParametersByPath',
  'GetParameterHistory',
];

export interface FakeSecret {
  name: string;
  description?: string;
  kmsKeyId?: string;
  rotationEnabled?: boolean;
}

/** One statement of a role's permissions, for the simulator: `*` and `?` are wildcards in both. */
export interface FakeStatement {
  /** e.g. `secretsmanager:GetSecretValue`, `kms:*`; matched case-insensitively. */
  action: string;
  /** e.g. `arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*`; matched case-sensitively. */
  resource: string;
  /**
   * A StringLike condition on one context key: the statement applies only when the request's context
   * gives the key (case-insensitive) with a value matching one of `values`; a key not given at all is
   * reported in MissingContextValues, as IAM does.
   */
  condition?: { key: string; values: string[] };
}

/** A role of the account: `arn:aws:iam::<account>:role<path><name>`. */
export interface FakeRole {
  name: string;
  /** `/` unless given, e.g. `/service-role/`. */
  path?: string;
  /**
   * The trust policy (AssumeRolePolicyDocument) as an object, served as URL-encoded JSON as IAM does;
   * a string is served URL-encoded as it is (a document that does not parse); undefined, none.
   */
  trust: unknown;
  allow: FakeStatement[];
  deny?: FakeStatement[];
}

/** The IAM operations the product may call; any other (every write among them) is refused. */
export const IAM_READ_OPERATIONS = ['GetRole', 'ListRoles', 'SimulatePrincipalPolicy'];

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const QUERY_VERSIONS: Record<string, string> = { iam: '2010-05-08', sts: '2011-06-15' };

export interface FakeParameter {
  name: string;
  type?: 'String' | 'StringList' | 'SecureString';
  keyId?: string;
  description?: string;
  tier?: string;
}

/** One request as the endpoint saw it. */
export interface RecordedRequest {
  service: 'secretsmanager' | 'ssm' | 'sts' | 'iam' | 'unknown';
  operation: string;
  region: string;
  accessKeyId: string;
  signatureValid: boolean;
  /**
   * The JSON body, or the query's parameters; for IAM, lists are decoded (`ActionNames`,
   * `ResourceArns`: string[]; `ContextEntries`: { ContextKeyName, ContextKeyType, ContextKeyValues }[]).
   */
  body: Record<string, unknown>;
  status: number;
}

/** How the endpoint misbehaves; each counter is used up request by request. Operations are named as on the wire (IAM's too: `SimulatePrincipalPolicy`). */
export interface Behaviour {
  /** Answer the next N requests with ThrottlingException (400). */
  throttle: number;
  /** Answer the next N requests with a 500. */
  serverErrors: number;
  /** Operations (e.g. `ListSecrets`, `SimulatePrincipalPolicy`) answered with AccessDeniedException (IAM and STS: AccessDenied, 403 for IAM). */
  deny: Set<string>;
  /**
   * Operations answered with a bare 403 whose body names no AWS error, as a proxy, a VPC endpoint
   * policy or a gateway in between answers.
   */
  forbidden: Set<string>;
  /** Answer every request with ExpiredTokenException. */
  expired: boolean;
  /** Never answer (until the test stops the endpoint). */
  hang: boolean;
  /** Operations (e.g. `ListSecrets`) left unanswered until `release()`, then answered as usual. */
  hold: Set<string>;
  /** Milliseconds to wait before each answer. */
  delayMs: number;
  /** Put an empty page with a NextToken before every non-empty page. */
  emptyPages: boolean;
  /** Reset the connection of the next N requests without an answer. */
  resets: number;
  /** Answer the next N requests with 200 and a body that is not JSON. */
  malformed: number;
}

const sha256 = class {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret ? createHmac('sha256', toBytes(secret)) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.hash.update(toBytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
};

function wellBehaved(): Behaviour {
  return {
    throttle: 0,
    serverErrors: 0,
    deny: new Set(),
    forbidden: new Set(),
    expired: false,
    hang: false,
    hold: new Set(),
    delayMs: 0,
    emptyPages: false,
    resets: 0,
    malformed: 0,
  };
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export class FakeAws {
  readonly requests: RecordedRequest[] = [];
  readonly behaviour: Behaviour = wellBehaved();
  secrets: FakeSecret[] = [];
  parameters: FakeParameter[] = [];
  roles: FakeRole[] = [];
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();
  private held: (() => void)[] = [];
  private readonly requestWaiters: { operation: string; resolve: (request: RecordedRequest) => void }[] = [];

  constructor(readonly account = '111122223333') {}

  /** `http://127.0.0.1:<port>` once started. */
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Answers the requests `behaviour.hold` kept waiting, and stops holding any. */
  release(): void {
    this.behaviour.hold.clear();
    for (const answer of this.held.splice(0)) answer();
  }

  async stop(): Promise<void> {
    this.release();
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Forgets the requests seen and behaves well again. */
  reset(): void {
    this.release();
    this.requests.length = 0;
    Object.assign(this.behaviour, wellBehaved());
  }

  /** Environment variables that point the SDK at this endpoint with dummy credentials. */
  env(region = 'eu-west-1'): Record<string, string> {
    return { AWS_ENDPOINT_URL: this.url, AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: TEST_SECRET_KEY, AWS_REGION: region };
  }

  /** The requests of one operation. */
  calls(operation: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operation === operation);
  }

  /** The first request for `operation` (e.g. `ListSecrets`): one seen already, else the next to come. */
  requested(operation: string): Promise<RecordedRequest> {
    const seen = this.calls(operation)[0];
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.requestWaiters.push({ operation, resolve }));
  }

  /** Requests for operations that return values: must stay empty. */
  valueReads(): RecordedRequest[] {
    return this.requests.filter((r) => VALUE_READING_OPERATIONS.includes(r.operation));
  }

  /** IAM and STS requests for anything but the read operations the product uses: must stay empty. */
  unexpectedCalls(): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        (r.service === 'iam' && !IAM_READ_OPERATIONS.includes(r.operation)) || (r.service === 'sts' && r.operation !== 'GetCallerIdentity'),
    );
  }

  roleArn(role: FakeRole | string): string {
    const { name, path } = typeof role === 'string' ? { name: role, path: undefined } : role;
    return `arn:aws:iam::${this.account}:role${normalPath(path)}${name}`;
  }

  secretArn(name: string, region = 'eu-west-1'): string {
    return `arn:aws:secretsmanager:${region}:${this.account}:secret:${name}-${suffixOf(name)}`;
  }

  parameterArn(name: string, region = 'eu-west-1'): string {
    return `arn:aws:ssm:${region}:${this.account}:parameter/${name.replace(/^\//, '')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const target = String(req.headers['x-amz-target'] ?? '');
    const auth = String(req.headers.authorization ?? '');
    const scope = /Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
    const [, accessKeyId = '', , region = '', signingService = ''] = scope ?? [];
    let service: RecordedRequest['service'] = 'unknown';
    let operation = '';
    let body: Record<string, unknown> = {};
    if (target.startsWith('secretsmanager.')) [service, operation] = ['secretsmanager', target.slice('secretsmanager.'.length)];
    else if (target.startsWith('AmazonSSM.')) [service, operation] = ['ssm', target.slice('AmazonSSM.'.length)];
    else if (raw.includes('Action=')) {
      // awsQuery: STS and IAM look alike on the wire; the credential scope says which was meant.
      service = signingService === 'iam' ? 'iam' : 'sts';
      const params = new URLSearchParams(raw);
      operation = params.get('Action') ?? '';
      body = service === 'iam' ? queryBody(params) : Object.fromEntries(params);
    }
    if (service === 'secretsmanager' || service === 'ssm') body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    // IAM is global: its requests are signed for us-east-1 (the aws partition), whatever the client's region.
    const signatureValid =
      signingService === service &&
      (service !== 'iam' || region === 'us-east-1') &&
      (await verifySignature(req, raw, auth, region, service));
    const record: RecordedRequest = { service, operation, region, accessKeyId, signatureValid, body, status: 0 };
    this.requests.push(record);
    for (const waiter of this.requestWaiters.filter((w) => w.operation === operation)) {
      this.requestWaiters.splice(this.requestWaiters.indexOf(waiter), 1);
      waiter.resolve(record);
    }

    const b = this.behaviour;
    if (b.hang) {
      this.hanging.add(res);
      return;
    }
    if (b.hold.has(operation)) await new Promise<void>((answer) => this.held.push(answer));
    if (b.resets > 0) {
      b.resets--;
      req.socket.destroy();
      return;
    }
    if (b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
    if (b.malformed > 0 && record.signatureValid) {
      b.malformed--;
      record.status = 200;
      const query = service === 'sts' || service === 'iam';
      res.writeHead(200, { 'content-type': query ? 'text/xml' : 'application/x-amz-json-1.1' });
      res.end(query ? `<${operation}Response><oops` : '{"SecretList": [{"ARN": ');
      return;
    }
    const reply = this.answer(record);
    record.status = reply.status;
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  private answer(record: RecordedRequest): { status: number; headers: Record<string, string>; body: string } {
    const { service, operation, body } = record;
    const b = this.behaviour;
    const query = service === 'sts' || service === 'iam';
    const error = (status: number, type: string, message: string) =>
      query ? xmlError(status, type, message, service === 'iam' ? IAM_NS : STS_NS) : jsonError(status, type, message);
    if (!record.signatureValid)
      return error(
        403,
        query ? 'SignatureDoesNotMatch' : 'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided.',
      );
    if (VALUE_READING_OPERATIONS.includes(operation))
      return error(400, 'ValidationException', `${operation} is not served by this test endpoint`);
    if (query && body.Version !== QUERY_VERSIONS[service])
      return error(400, 'InvalidAction', `Could not find operation ${operation} for version ${String(body.Version)}`);
    if (b.expired)
      return error(
        service === 'iam' ? 403 : 400,
        query ? 'ExpiredToken' : 'ExpiredTokenException',
        'The security token included in the request is expired',
      );
    if (b.throttle > 0) {
      b.throttle--;
      return error(400, query ? 'Throttling' : 'ThrottlingException', 'Rate exceeded');
    }
    if (b.serverErrors > 0) {
      b.serverErrors--;
      return error(500, service === 'iam' ? 'ServiceFailure' : 'InternalServiceError', 'Internal error');
    }
    if (b.deny.has(operation)) {
      return error(
        service === 'iam' ? 403 : 400,
        query ? 'AccessDenied' : 'AccessDeniedException',
        `User: arn:aws:iam::${this.account}:user/test is not authorized to perform: ${service}:${operation}`,
      );
    }
    if (b.forbidden.has(operation))
      return { status: 403, headers: { 'content-type': 'text/html' }, body: '<html><body>Forbidden</body></html>' };
    const region = record.region;
    switch (`${service}.${operation}`) {
      case 'sts.GetCallerIdentity':
        return xml(
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${this.account}:user/test</Arn><UserId>AIDATEST</UserId><Account>${this.account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      case 'secretsmanager.ListSecrets': {
        const page = this.page(body, 100);
        if ('error' in page) return jsonError(400, 'InvalidParameterException', page.error);
        return json({
          SecretList: page.items.map((i) => this.secretJson(this.secrets[i], region)),
          ...(page.next ? { NextToken: page.next } : {}),
        });
      }
      case 'secretsmanager.DescribeSecret': {
        const id = String(body.SecretId ?? '');
        const found = this.secrets.find((s) => s.name === id || this.secretArn(s.name, region) === id);
        return found
          ? json(this.secretJson(found, region))
          : jsonError(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      }
      case 'ssm.DescribeParameters': {
        const filters = (body.ParameterFilters as { Key: string; Values: string[] }[] | undefined) ?? [];
        const nameFilter = filters.find((f) => f.Key === 'Name');
        const list = nameFilter ? this.parameters.filter((p) => nameFilter.Values.includes(p.name)) : this.parameters;
        const page = this.page(body, 50, list.length);
        if ('error' in page) return jsonError(400, 'ValidationException', page.error);
        return json({
          Parameters: page.items.map((i) => this.parameterJson(list[i], region)),
          ...(page.next ? { NextToken: page.next } : {}),
        });
      }
      case 'iam.GetRole': {
        const role = this.role(String(body.RoleName ?? ''));
        if (!role) return error(404, 'NoSuchEntity', `The role with name ${String(body.RoleName)} cannot be found.`);
        return iamXml(operation, `<Role>${this.roleXml(role)}</Role>`);
      }
      case 'iam.ListRoles': {
        const page = iamPage(body, this.roles.length);
        if ('error' in page) return error(400, 'ValidationError', page.error);
        return iamXml(
          operation,
          `<Roles>${page.items.map((i) => `<member>${this.roleXml(this.roles[i])}</member>`).join('')}</Roles>${truncation(page.next)}`,
        );
      }
      case 'iam.SimulatePrincipalPolicy':
        return this.simulate(body, error);
      default:
        return service === 'iam' || service === 'sts'
          ? error(400, 'InvalidAction', `Could not find operation ${operation} for version ${QUERY_VERSIONS[service]}`)
          : error(400, 'UnknownOperationException', `${service}.${operation}`);
    }
  }

  /** Role names are unique regardless of case, and IAM finds a role by any case of its name. */
  private role(name: string): FakeRole | undefined {
    const lower = name.toLowerCase();
    return this.roles.find((r) => r.name.toLowerCase() === lower);
  }

  private roleXml(role: FakeRole): string {
    return (
      `<Path>${escapeXml(normalPath(role.path))}</Path><RoleName>${escapeXml(role.name)}</RoleName>` +
      `<RoleId>${roleId(role.name)}</RoleId><Arn>${escapeXml(this.roleArn(role))}</Arn>` +
      `<CreateDate>2024-01-02T03:04:05Z</CreateDate>` +
      (role.trust === undefined
        ? ''
        : `<AssumeRolePolicyDocument>${encodeURIComponent(typeof role.trust === 'string' ? role.trust : JSON.stringify(role.trust))}</AssumeRolePolicyDocument>`) +
      `<MaxSessionDuration>3600</MaxSessionDuration>`
    );
  }

  /**
   * The policy simulator over one role's statements: for each action × resource, explicitDeny when a
   * deny statement matches, allowed when an allow statement does, else implicitDeny. With more than
   * one resource, each action's result holds one ResourceSpecificResult per resource, as IAM's does.
   */
  private simulate(
    body: Record<string, unknown>,
    error: (status: number, type: string, message: string) => ReturnType<typeof xml>,
  ): ReturnType<typeof xml> {
    const source = String(body.PolicySourceArn ?? '');
    const role = this.roles.find((r) => this.roleArn(r) === source);
    if (!role) return error(404, 'NoSuchEntity', `The principal ${source} does not exist.`);
    const actions = (body.ActionNames as string[] | undefined) ?? [];
    if (!actions.length)
      return error(
        400,
        'ValidationError',
        "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null",
      );
    const given = (body.ResourceArns as string[] | undefined) ?? [];
    const resources = given.length ? given : ['*'];
    const context = new Map(
      ((body.ContextEntries as { ContextKeyName: string; ContextKeyValues: string[] }[] | undefined) ?? []).map((e) => [
        e.ContextKeyName.toLowerCase(),
        e.ContextKeyValues,
      ]),
    );
    const policyId = `${role.name}-policy`;
    const decide = (action: string, resource: string) => {
      const missing = new Set<string>();
      const applies = (s: FakeStatement) => {
        if (!wildcard(s.action, 'i').test(action) || !wildcard(s.resource).test(resource)) return false;
        if (!s.condition) return true;
        const values = context.get(s.condition.key.toLowerCase());
        if (!values) {
          missing.add(s.condition.key);
          return false;
        }
        return values.some((v) => s.condition!.values.some((pattern) => wildcard(pattern).test(v)));
      };
      const denied = (role.deny ?? []).filter(applies);
      const allowed = role.allow.filter(applies);
      const decision = denied.length ? 'explicitDeny' : allowed.length ? 'allowed' : 'implicitDeny';
      const matched = decision === 'explicitDeny' ? denied : decision === 'allowed' ? allowed : [];
      return { decision, matched: matched.map(() => policyId), missing: [...missing] };
    };
    const statementsXml = (ids: string[]) =>
      `<MatchedStatements>${ids
        .map(
          (id, i) =>
            `<member><SourcePolicyId>${escapeXml(id)}</SourcePolicyId><SourcePolicyType>role</SourcePolicyType>` +
            `<StartPosition><Line>1</Line><Column>${1 + i * 100}</Column></StartPosition>` +
            `<EndPosition><Line>1</Line><Column>${100 + i * 100}</Column></EndPosition></member>`,
        )
        .join('')}</MatchedStatements>`;
    const missingXml = (keys: string[]) =>
      `<MissingContextValues>${keys.map((k) => `<member>${escapeXml(k)}</member>`).join('')}</MissingContextValues>`;
    const results = actions.map((action) => {
      const each = resources.map((resource) => ({ resource, ...decide(action, resource) }));
      if (each.length === 1) {
        const [only] = each;
        return (
          `<EvalActionName>${escapeXml(action)}</EvalActionName><EvalResourceName>${escapeXml(only.resource)}</EvalResourceName>` +
          `<EvalDecision>${only.decision}</EvalDecision>${statementsXml(only.matched)}${missingXml(only.missing)}`
        );
      }
      const overall = each.some((r) => r.decision === 'explicitDeny')
        ? 'explicitDeny'
        : each.every((r) => r.decision === 'allowed')
          ? 'allowed'
          : 'implicitDeny';
      return (
        `<EvalActionName>${escapeXml(action)}</EvalActionName><EvalResourceName>*</EvalResourceName>` +
        `<EvalDecision>${overall}</EvalDecision>${statementsXml([...new Set(each.flatMap((r) => r.matched))])}` +
        `${missingXml([...new Set(each.flatMap((r) => r.missing))])}<ResourceSpecificResults>` +
        each
          .map(
            (r) =>
              `<member><EvalResourceName>${escapeXml(r.resource)}</EvalResourceName><EvalResourceDecision>${r.decision}</EvalResourceDecision>` +
              `${statementsXml(r.matched)}${missingXml(r.missing)}</member>`,
          )
          .join('') +
        `</ResourceSpecificResults>`
      );
    });
    const page = iamPage(body, results.length);
    if ('error' in page) return error(400, 'ValidationError', page.error);
    return iamXml(
      'SimulatePrincipalPolicy',
      `<EvaluationResults>${page.items.map((i) => `<member>${results[i]}</member>`).join('')}</EvaluationResults>${truncation(page.next)}`,
    );
  }

  /** Index range of one page; tokens are opaque strings holding the next offset (and whether an empty page came). */
  private page(
    body: Record<string, unknown>,
    max: number,
    total = this.secrets.length,
  ): { items: number[]; next?: string } | { error: string } {
    const size = body.MaxResults === undefined ? max : Number(body.MaxResults);
    if (!Number.isInteger(size) || size < 1 || size > max)
      return {
        error: `1 validation error detected: Value '${String(body.MaxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
      };
    const token = body.NextToken
      ? (JSON.parse(Buffer.from(String(body.NextToken), 'base64').toString()) as { offset: number; empty?: boolean })
      : { offset: 0 };
    const encode = (t: object) => Buffer.from(JSON.stringify(t)).toString('base64');
    if (this.behaviour.emptyPages && !token.empty && token.offset < total)
      return { items: [], next: encode({ offset: token.offset, empty: true }) };
    const end = Math.min(total, token.offset + size);
    const items = Array.from({ length: end - token.offset }, (_, i) => token.offset + i);
    return { items, next: end < total ? encode({ offset: end }) : undefined };
  }

  private secretJson(s: FakeSecret, region: string) {
    return {
      ARN: this.secretArn(s.name, region),
      Name: s.name,
      ...(s.description ? { Description: s.description } : {}),
      ...(s.kmsKeyId ? { KmsKeyId: s.kmsKeyId } : {}),
      RotationEnabled: s.rotationEnabled ?? false,
      LastChangedDate: 1790000000.5,
      CreatedDate: 1780000000,
      SecretVersionsToStages: { 'v-1': ['AWSCURRENT'] },
    };
  }

  private parameterJson(p: FakeParameter, region: string) {
    return {
      Name: p.name,
      ARN: this.parameterArn(p.name, region),
      Type: p.type ?? 'SecureString',
      ...(p.type !== 'String' && p.type !== 'StringList' ? { KeyId: p.keyId ?? 'alias/aws/ssm' } : {}),
      ...(p.description ? { Description: p.description } : {}),
      LastModifiedDate: 1790000000,
      LastModifiedUser: `arn:aws:iam::${this.account}:user/test`,
      Version: 1,
      Tier: p.tier ?? 'Standard',
      DataType: 'text',
    };
  }
}

/** The six "random" characters Secrets Manager would append, derived from the name so tests can predict them. */
export function suffixOf(name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const digest = createHash('sha256').update(name).digest();
  return Array.from(digest.subarray(0, 6), (byte) => alphabet[byte % alphabet.length]).join('');
}

async function verifySignature(req: IncomingMessage, body: string, auth: string, region: string, service: string): Promise<boolean> {
  const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const date = String(req.headers['x-amz-date'] ?? '');
  if (!signed.length || !date || !region || !service) return false;
  const headers: Record<string, string> = {};
  for (const name of signed) headers[name] = String(req.headers[name] ?? '');
  const [host, port] = String(req.headers.host).split(':');
  const signer = new SignatureV4({
    credentials: { accessKeyId: TEST_ACCESS_KEY, secretAccessKey: TEST_SECRET_KEY },
    region,
    service,
    sha256,
  });
  const signingDate = new Date(
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
  );
  const again = await signer.sign(
    { method: req.method ?? 'POST', protocol: 'http:', hostname: host, port: Number(port), path: req.url ?? '/', query: {}, headers, body },
    { signingDate, signableHeaders: new Set(signed) },
  );
  return again.headers.authorization === auth;
}

function json(value: unknown) {
  return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(value) };
}

function jsonError(status: number, type: string, message: string) {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type },
    body: JSON.stringify({ __type: type, message }),
  };
}

function xml(body: string) {
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}

function xmlError(status: number, code: string, message: string, namespace = STS_NS) {
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse xmlns="${namespace}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>req-err</RequestId></ErrorResponse>`,
  };
}

/** An IAM answer: `<{Operation}Response><{Operation}Result>…</…Result><ResponseMetadata>…` in IAM's namespace. */
function iamXml(operation: string, result: string) {
  return xml(
    `<${operation}Response xmlns="${IAM_NS}"><${operation}Result>${result}</${operation}Result><ResponseMetadata><RequestId>req-iam</RequestId></ResponseMetadata></${operation}Response>`,
  );
}

function truncation(next: string | undefined): string {
  return next ? `<IsTruncated>true</IsTruncated><Marker>${next}</Marker>` : '<IsTruncated>false</IsTruncated>';
}

/** One IAM page (MaxItems 1 to 1000, 100 by default; Marker an opaque offset). */
function iamPage(body: Record<string, unknown>, total: number): { items: number[]; next?: string } | { error: string } {
  const size = body.MaxItems === undefined ? 100 : Number(body.MaxItems);
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    return {
      error: `1 validation error detected: Value '${String(body.MaxItems)}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000`,
    };
  const offset = body.Marker
    ? Number(
        Buffer.from(String(body.Marker), 'base64')
          .toString()
          .replace(/^offset:/, ''),
      )
    : 0;
  if (!Number.isInteger(offset) || offset < 0) return { error: 'Invalid Marker.' };
  const end = Math.min(total, offset + size);
  const items = Array.from({ length: end - offset }, (_, i) => offset + i);
  return { items, next: end < total ? Buffer.from(`offset:${end}`).toString('base64') : undefined };
}

/**
 * The query's parameters, with its lists decoded: `X.member.N` → X[N-1], and ContextEntries'
 * members as objects with their own ContextKeyValues list.
 */
function queryBody(params: URLSearchParams): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const lists = new Map<string, Map<number, string>>();
  type Entry = { ContextKeyName?: string; ContextKeyType?: string; values: Map<number, string> };
  const entries = new Map<number, Entry>();
  for (const [key, value] of params) {
    const entry = /^ContextEntries\.member\.(\d+)\.(ContextKeyName|ContextKeyType|ContextKeyValues\.member\.(\d+))$/.exec(key);
    if (entry) {
      const n = Number(entry[1]);
      const e: Entry = entries.get(n) ?? { values: new Map<number, string>() };
      entries.set(n, e);
      if (entry[3]) e.values.set(Number(entry[3]), value);
      else e[entry[2] as 'ContextKeyName' | 'ContextKeyType'] = value;
      continue;
    }
    const member = /^(\w+)\.member\.(\d+)$/.exec(key);
    if (member) {
      const list = lists.get(member[1]) ?? new Map<number, string>();
      lists.set(member[1], list.set(Number(member[2]), value));
      continue;
    }
    body[key] = value;
  }
  const ordered = <T>(map: Map<number, T>) => [...map.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
  for (const [name, list] of lists) body[name] = ordered(list);
  if (entries.size)
    body.ContextEntries = ordered(entries).map((e) => ({
      ContextKeyName: e.ContextKeyName,
      ContextKeyType: e.ContextKeyType,
      ContextKeyValues: ordered(e.values),
    }));
  return body;
}

/** An IAM wildcard pattern (`*` any run of characters, `?` any one) as an anchored regular expression. */
function wildcard(pattern: string, flags = ''): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, flags);
}

function normalPath(path: string | undefined): string {
  if (!path) return '/';
  return `${path.startsWith('/') ? '' : '/'}${path}${path.endsWith('/') ? '' : '/'}`;
}

/** A role id as IAM makes them (AROA and 17 characters), derived from the name. */
function roleId(name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const digest = createHash('sha256').update(`role:${name}`).digest();
  return `AROA${Array.from(digest.subarray(0, 17), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
