// npm run bench: every workload of docs/performance.md in one run, with the baseline measured in the
// same process: vscode-json-languageservice validating and completing with AWS's ECS task-definition
// JSON schema (read from ../shared/bench, never copied here), and one jsonc-parser parse as the
// lower bound. YAML task definitions and CloudFormation templates are measured against what YAML
// users have: yaml-language-server validating with the same schema, and one `yaml` parse as the lower
// bound. Terraform is measured against one tree-sitter parse of the same text, and the Terraform
// parser's start-up in new processes. Prints a table and writes bench/results.json. `--smoke` runs
// each workload a few times only, to prove the benchmark works (CI); the figures then mean nothing.
// `--only GROUP,...` runs some groups of workloads (while working on one), and writes no results.json.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseTree } from 'jsonc-parser';
import type { LanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseAllDocuments, Scalar, stringify } from 'yaml';
import { getLanguageService as getYamlLanguageService, type LanguageService as YamlLanguageService } from 'yaml-language-server';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { CachingCatalog } from '../server/src/catalog/cachingCatalog';
import { AwsAccountCatalog } from '../server/src/catalog/awsAccountCatalog';
import { createTaskDefinitionService, type CatalogAccess, type CatalogEntry } from '../server/src/service';
import { hclParser, installHclParser } from '../server/src/service/formats/terraform/hclParser';
import type * as HclBundle from '../server/src/hcl/hclBundle';
import { FakeAws } from '../test/helpers/fakeAws';
import { isolatedAwsEnv } from '../test/helpers/awsEnv';
import { jsonBaselineService } from './jsonBaseline';

// The bundle runs from bench/out.
const root = join(__dirname, '../..');
const smoke = process.argv.includes('--smoke');
// `--only processes,terraform`: just those groups of workloads (the names are the keys of `steps` in main).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? undefined : (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const ITERATIONS = smoke ? 3 : 40;
const SCHEMA_FILE = join(root, '../shared/bench/ecs-intellisense-schema-v1.4.0.json');
const CORPUS = join(root, '../shared/corpus/files');
const OPTIONS = { reportSyntaxErrors: true };
// A 1 MB YAML iteration (ours, the parse and the baseline) takes most of a second: the smoke run
// measures one, which proves the workload runs.
const YAML_ITERATIONS = smoke ? 1 : ITERATIONS / 2;

interface Row {
  workload: string;
  unit: string;
  median: number;
  p95: number;
  max: number;
  baseline?: { name: string; median: number };
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
}
const rows: Row[] = [];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

function time(fn: () => void, iterations = ITERATIONS): number[] {
  fn(); // warm-up: the first run compiles the code paths
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

function record(workload: string, samples: number[], extra: Partial<Row> = {}): Row {
  const row: Row = { workload, unit: 'ms', ...stats(samples), ...extra };
  if (row.baseline) row.ratio = row.median / row.baseline.median;
  rows.push(row);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Documents

function taskDefinition(containers: number, secretsPerContainer: number): string {
  const account = '111122223333';
  return JSON.stringify(
    {
      family: 'bench',
      executionRoleArn: `arn:aws:iam::${account}:role/exec`,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '1024',
      memory: '2048',
      containerDefinitions: Array.from({ length: containers }, (_, c) => ({
        name: `app-${c}`,
        image: `${account}.dkr.ecr.eu-west-1.amazonaws.com/app-${c}:1.0.${c}`,
        essential: c === 0,
        portMappings: [{ containerPort: 8000 + c, protocol: 'tcp' }],
        environment: [{ name: 'PORT', value: String(8000 + c) }],
        secrets: Array.from({ length: secretsPerContainer }, (_, s) =>
          s % 2 === 0
            ? {
                name: `APP_${c}_SECRET_VALUE_${s}`,
                valueFrom: `arn:aws:secretsmanager:eu-west-1:${account}:secret:bench/team-services/app-${c}/database-credentials-${s}-AbCdEf:password::`,
              }
            : {
                name: `APP_${c}_PARAMETER_VALUE_${s}`,
                valueFrom: `arn:aws:ssm:eu-west-1:${account}:parameter/bench/team-services/app-${c}/configuration-value-${s}`,
              },
        ),
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': `/ecs/app-${c}`, 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'app' },
        },
      })),
    },
    null,
    4,
  );
}

/**
 * A task definition as `register-task-definition --cli-input-yaml` input: the JSON workloads'
 * content, written the way `yaml` writes it. No line width: a folded ARN would be a quoted string
 * continued over two lines, which nobody writes by hand.
 */
function taskDefinitionYaml(containers: number, secretsPerContainer: number): string {
  return stringify(JSON.parse(taskDefinition(containers, secretsPerContainer)), { lineWidth: 0 });
}

/** A CloudFormation intrinsic: its short form (`!Sub ...`) in YAML, its long form (`{"Fn::Sub": ...}`) in JSON. */
class Intrinsic {
  constructor(
    readonly tag: '!Ref' | '!Sub' | '!GetAtt',
    readonly argument: string,
  ) {}
  toJSON(): unknown {
    if (this.tag === '!Ref') return { Ref: this.argument };
    if (this.tag === '!GetAtt') return { 'Fn::GetAtt': this.argument.split('.') };
    return { 'Fn::Sub': this.argument };
  }
}
const ref = (name: string) => new Intrinsic('!Ref', name);
const sub = (text: string) => new Intrinsic('!Sub', text);
const getAtt = (attribute: string) => new Intrinsic('!GetAtt', attribute);

/**
 * A CloudFormation template of one stack: the roles, log group and secret its services share, and
 * `taskDefinitions` task definitions in CloudFormation's PascalCase, as YAML (short-form tags) and
 * as JSON (long-form intrinsics) of the same content. References are a mix of what templates hold:
 * literal ARNs, `!Sub` ARNs built from the stack's region and account, and `!Ref`s of the secret.
 */
function cloudFormationTemplate(taskDefinitions: number, containers: number, secretsPerContainer: number): { yaml: string; json: string } {
  const account = '111122223333';
  const assumedBy = (service: string) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
  const secret = (t: number, c: number, s: number) => {
    const name = `SERVICE_${t}_APP_${c}_${s % 4 === 1 || s % 4 === 2 ? 'PARAMETER' : 'SECRET'}_${s}`;
    switch (s % 4) {
      case 0:
        return {
          Name: name,
          ValueFrom: `arn:aws:secretsmanager:eu-west-1:${account}:secret:stack/service-${t}/app-${c}/credentials-${s}-AbCdEf:password::`,
        };
      case 1:
        return { Name: name, ValueFrom: `arn:aws:ssm:eu-west-1:${account}:parameter/stack/service-${t}/app-${c}/configuration-${s}` };
      case 2:
        return {
          Name: name,
          ValueFrom: sub(`arn:aws:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/stack/service-${t}/app-${c}/setting-${s}`),
        };
      default:
        return { Name: name, ValueFrom: s % 8 === 3 ? ref('DatabaseSecret') : sub(`\${DatabaseSecret}:username::`) };
    }
  };
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Benchmark: the ECS services of one stack',
    Parameters: {
      ImageTag: { Type: 'String', Default: '1.0.0' },
      Stage: { Type: 'String', AllowedValues: ['staging', 'production'], Default: 'staging' },
    },
    Resources: {
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumedBy('ecs-tasks.amazonaws.com'),
          ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'],
        },
      },
      TaskRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: assumedBy('ecs-tasks.amazonaws.com') } },
      LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: sub('/ecs/${AWS::StackName}'), RetentionInDays: 30 } },
      DatabaseSecret: {
        Type: 'AWS::SecretsManager::Secret',
        Properties: {
          Name: sub('${AWS::StackName}/database'),
          GenerateSecretString: { SecretStringTemplate: '{"username":"app"}', GenerateStringKey: 'password' },
        },
      },
      ...Object.fromEntries(
        Array.from({ length: taskDefinitions }, (_, t) => [
          `Service${t}TaskDefinition`,
          {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: {
              Family: sub(`\${AWS::StackName}-service-${t}`),
              ExecutionRoleArn: getAtt('ExecutionRole.Arn'),
              TaskRoleArn: getAtt('TaskRole.Arn'),
              NetworkMode: 'awsvpc',
              RequiresCompatibilities: ['FARGATE'],
              Cpu: '1024',
              Memory: '2048',
              ContainerDefinitions: Array.from({ length: containers }, (_, c) => ({
                Name: `app-${c}`,
                Image: sub(`\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/service-${t}/app-${c}:\${ImageTag}`),
                Essential: c === 0,
                PortMappings: [{ ContainerPort: 8000 + c, Protocol: 'tcp' }],
                Environment: [
                  { Name: 'PORT', Value: String(8000 + c) },
                  { Name: 'STAGE', Value: ref('Stage') },
                  { Name: 'PUBLIC_URL', Value: sub(`https://service-${t}.\${AWS::Region}.example.com`) },
                ],
                Secrets: Array.from({ length: secretsPerContainer }, (_, s) => secret(t, c, s)),
                LogConfiguration: {
                  LogDriver: 'awslogs',
                  Options: {
                    'awslogs-group': ref('LogGroup'),
                    'awslogs-region': ref('AWS::Region'),
                    'awslogs-stream-prefix': `service-${t}`,
                  },
                },
              })),
            },
          },
        ]),
      ),
    },
  };
  // A node in place of a value is written as is: an intrinsic becomes a scalar with its short tag.
  const tagged = (_key: unknown, value: unknown) =>
    value instanceof Intrinsic ? Object.assign(new Scalar(value.argument), { tag: value.tag }) : value;
  const yaml = stringify(template, tagged, { lineWidth: 0 });
  return { yaml, json: JSON.stringify(template, null, 2) };
}

function baselineService(): LanguageService | undefined {
  return existsSync(SCHEMA_FILE) ? jsonBaselineService(SCHEMA_FILE) : undefined;
}

/**
 * What YAML users have: yaml-language-server (the Red Hat YAML extension's server) with the same
 * schema, in-process through its language service, as the JSON baseline is. The schema is read
 * again rather than shared with the JSON baseline: a service may keep and annotate the object it is
 * given. Nothing is fetched: the one schema is given inline.
 */
function yamlBaselineService(): YamlLanguageService | undefined {
  if (!existsSync(SCHEMA_FILE)) return undefined;
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  const service = getYamlLanguageService({
    schemaRequestService: (uri) => Promise.reject(new Error(`the benchmark fetches no schema (${uri})`)),
    workspaceContext: { resolveRelativePath: (path) => path },
  });
  service.configure({ validate: true, schemas: [{ uri: 'file:///ecs-intellisense-schema.json', fileMatch: ['*.yaml'], schema }] });
  return service;
}

/**
 * Fails the run when a document does not hold the task definitions it was written with: a YAML or
 * template document the service stopped recognising would be timed as a cheap no-op.
 */
function expectSubjects(doc: TextDocument, expected: number): void {
  const found = createTaskDefinitionService().parse(doc, {}).subjects.length;
  if (found !== expected) throw new Error(`${doc.uri}: expected ${expected} task definitions, the service found ${found}`);
}

async function timeAsync(fn: () => Promise<number>, iterations = ITERATIONS): Promise<number[]> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push(await fn());
  return samples;
}

// ---------------------------------------------------------------------------------------------
// Workloads

async function fullAnalysis(baseline: LanguageService | undefined) {
  const text = taskDefinition(10, 500);
  const service = createTaskDefinitionService();
  const doc = TextDocument.create('file:///big/taskdef.json', 'json', 1, text);
  const samples = { ours: [] as number[], parse: [] as number[], baseline: [] as number[], validateOnly: [] as number[] };
  const iterations = Math.max(3, ITERATIONS / 2);
  // Interleaved, so that the machine's state (GC, other load) falls on all three alike.
  collectGarbage();
  for (let i = -1; i < iterations; i++) {
    let start = performance.now();
    // A new version each time: nothing cached, the whole document is parsed and checked.
    service.analyze(TextDocument.create('file:///big/taskdef.json', 'json', i + 2, text), {}, OPTIONS);
    const ours = performance.now() - start;
    start = performance.now();
    parseTree(text);
    const parse = performance.now() - start;
    let full = NaN;
    let validateOnly = NaN;
    if (baseline) {
      start = performance.now();
      const json = baseline.parseJSONDocument(doc);
      const parsed = performance.now();
      await baseline.doValidation(doc, json);
      full = performance.now() - start;
      validateOnly = performance.now() - parsed;
    }
    if (i < 0) continue; // warm-up
    samples.ours.push(ours);
    samples.parse.push(parse);
    samples.baseline.push(full);
    samples.validateOnly.push(validateOnly);
  }
  const parse = stats(samples.parse);
  const row = record(`1. Full analysis, ${(text.length / 1e6).toFixed(2)} MB (10 containers x 500 secrets)`, samples.ours, {
    baseline: baseline ? { name: 'JSON LS schema validation (its parse + validate)', median: stats(samples.baseline).median } : undefined,
    target: "median <= the baseline's schema validation, and <= 2x one jsonc-parser parse",
  });
  row.note = `one jsonc-parser parse: ${parse.median.toFixed(1)} ms (ours / parse = ${(row.median / parse.median).toFixed(2)})${baseline ? `; of the baseline, validation alone (after its parse): ${stats(samples.validateOnly).median.toFixed(1)} ms` : ''}`;
  row.met = row.median <= 2 * parse.median && (!row.baseline || row.median <= row.baseline.median);
}

/**
 * A full collection between workloads (node runs with --expose-gc), so that one workload's garbage
 * is not collected during the next one's measurements. Not between iterations: a collection there
 * shrinks the young generation and slows what follows.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function reanalysis() {
  for (const [label, containers, secrets, target] of [
    ['5 KB', 1, 15, 5],
    ['120 KB', 5, 100, 15],
  ] as const) {
    const text = taskDefinition(containers, secrets);
    const service = createTaskDefinitionService();
    let doc = TextDocument.create(`file:///edit/${label}.json`, 'json', 1, text);
    service.analyze(doc, {}, OPTIONS);
    const at = text.indexOf('"PORT"') + 2;
    let flip = false;
    collectGarbage();
    const samples = time(() => {
      flip = !flip;
      const position = doc.positionAt(at);
      doc = TextDocument.update(
        doc,
        [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: flip ? 'X' : 'O' }],
        doc.version + 1,
      );
      service.analyze(doc, {}, OPTIONS);
    }, ITERATIONS * 2);
    const row = record(`2. Re-analysis after a one-character edit, ${label} (${(text.length / 1024).toFixed(0)} KB)`, samples, {
      target: `p95 < ${target} ms`,
    });
    row.met = row.p95 < target;
  }
}

function bigCatalog(): CatalogAccess {
  const account = '111122223333';
  const secrets: CatalogEntry[] = Array.from({ length: 10_000 }, (_, i) => ({
    kind: 'secret',
    name: `team-${i % 50}/service-${i}/db`,
    arn: `arn:aws:secretsmanager:eu-west-1:${account}:secret:team-${i % 50}/service-${i}/db-AbCd${String(i % 100).padStart(2, '0')}`,
    region: 'eu-west-1',
    accountId: account,
    description: `Database credentials of service ${i}`,
  }));
  const parameters: CatalogEntry[] = Array.from({ length: 10_000 }, (_, i) => ({
    kind: 'parameter',
    name: `/team-${i % 50}/service-${i}/config`,
    arn: `arn:aws:ssm:eu-west-1:${account}:parameter/team-${i % 50}/service-${i}/config`,
    region: 'eu-west-1',
    accountId: account,
    parameterType: 'SecureString',
  }));
  const snapshot = { account, region: 'eu-west-1', partition: 'aws', complete: true, secrets, parameters };
  return { account, defaultRegion: 'eu-west-1', snapshot: () => snapshot };
}

async function completion(baseline: LanguageService | undefined) {
  const text = taskDefinition(1, 15).replace(/"valueFrom": "arn:aws:ssm:[^"]*configuration-value-1"/, '"valueFrom": "service-12"');
  const doc = TextDocument.create('file:///complete/taskdef.json', 'json', 1, text);
  const offset = text.indexOf('"service-12"') + 11;
  const position = doc.positionAt(offset);
  const service = createTaskDefinitionService();
  const options = { ...OPTIONS, catalog: bigCatalog() };
  const caps = { snippets: true, markdown: true, lazyDocumentation: true };
  collectGarbage();
  const typed = time(() => void service.complete(doc, {}, position, caps, options), ITERATIONS * 2);
  collectGarbage();
  const emptyDoc = TextDocument.create('file:///complete/empty.json', 'json', 1, text.replace('"service-12"', '""'));
  const emptyPosition = emptyDoc.positionAt(text.indexOf('"service-12"') + 1);
  const empty = time(() => void service.complete(emptyDoc, {}, emptyPosition, caps, options), ITERATIONS * 2);
  let baselineRow: Row['baseline'];
  if (baseline) {
    const json = baseline.parseJSONDocument(doc);
    const samples = await timeAsync(async () => {
      const start = performance.now();
      await baseline.doComplete(doc, position, json);
      return performance.now() - start;
    }, ITERATIONS * 2);
    baselineRow = { name: 'JSON LS completion at the same position', median: stats(samples).median };
  }
  for (const [label, samples] of [
    ['"service-12" typed', typed],
    ['empty string', empty],
  ] as const) {
    const row = record(`3. Completion in valueFrom, 10,000 secrets + 10,000 parameters, ${label}`, samples, {
      baseline: baselineRow,
      target: 'p95 < 5 ms; median <= the baseline',
    });
    row.met = row.p95 < 5 && (!row.baseline || row.median <= row.baseline.median);
    if (row.baseline && row.median > row.baseline.median) {
      row.note = 'the baseline offers nothing in a valueFrom string (its schema only says "string"), so its time is that of doing nothing';
    }
  }
}

async function catalogLoad() {
  const fake = await new FakeAws().start();
  fake.secrets = Array.from({ length: 10_000 }, (_, i) => ({ name: `s/${i}` }));
  fake.parameters = Array.from({ length: 10_000 }, (_, i) => ({ name: `/p/${i}` }));
  const saved = process.env;
  process.env = isolatedAwsEnv(fake.env());
  const samples: number[] = [];
  const firstPages: number[] = [];
  let requests = '';
  for (let i = 0; i < (smoke ? 1 : 3); i++) {
    fake.requests.length = 0;
    const catalog = new CachingCatalog(new AwsAccountCatalog(), { ttlMs: 1e9, retryAfterMs: 1e9 });
    const start = performance.now();
    let firstPage = 0;
    catalog.onDidChange(() => {
      const access = catalog.access({});
      const snapshot = access?.snapshot(access.defaultRegion);
      if (!firstPage && snapshot && snapshot.secrets.length && snapshot.parameters.length) firstPage = performance.now() - start;
    });
    await catalog.load({});
    samples.push(performance.now() - start);
    firstPages.push(firstPage);
    requests = `${fake.calls('ListSecrets').length} ListSecrets + ${fake.calls('DescribeParameters').length} DescribeParameters + ${fake.calls('GetCallerIdentity').length} GetCallerIdentity`;
    catalog.dispose();
  }
  process.env = saved;
  await fake.stop();
  const row = record('4. Catalog load, 10,000 secrets + 10,000 parameters, local endpoint', samples, {
    target: 'exactly 100 ListSecrets + 200 DescribeParameters, both at once, first results after the first page of each',
    note: `${requests}; first page of each service usable after ${stats(firstPages).median.toFixed(0)} ms`,
  });
  row.met = requests.startsWith('100 ListSecrets + 200 DescribeParameters');
}

/** Memory and start-up of the real server process, over LSP. */
async function serverProcess() {
  const fake = await new FakeAws().start();
  fake.secrets = Array.from({ length: 10_000 }, (_, i) => ({ name: `s/${i}` }));
  fake.parameters = Array.from({ length: 10_000 }, (_, i) => ({ name: `/p/${i}` }));
  const startups: number[] = [];
  let memory: { rss: number; heapUsed: number } | undefined;
  for (let i = 0; i < (smoke ? 1 : 5); i++) {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'server/out/server.js'), '--stdio'], {
      env: isolatedAwsEnv(fake.env()),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let ready: () => void = () => undefined;
    const catalogReady = new Promise<void>((resolve) => (ready = resolve));
    connection.onNotification('ecsTaskDef/catalogStatus', (s: { state: string }) => {
      if (s.state === 'ready') ready();
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
    });
    startups.push(performance.now() - started);
    if (i === 0) {
      connection.sendNotification('initialized', {});
      const text = taskDefinition(5, 100);
      for (let d = 0; d < 20; d++)
        connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri: `file:///mem/taskdef-${d}.json`, languageId: 'json', version: 1, text },
        });
      await catalogReady;
      await connection.sendRequest('textDocument/completion', {
        textDocument: { uri: 'file:///mem/taskdef-0.json' },
        position: { line: 20, character: 10 },
      });
      memory = (await connection.sendRequest('ecsTaskDef/serverStats')) as { rss: number; heapUsed: number };
    }
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    await new Promise((r) => child.on('exit', r));
    connection.dispose();
  }
  await fake.stop();
  const mb = (n: number) => n / 1024 / 1024;
  const row = record('5. Server memory: 10,000 + 10,000 catalog, 20 open 120 KB documents', [mb(memory!.rss)], {
    unit: 'MB RSS',
    target: 'RSS < 150 MB',
    note: `heap used ${mb(memory!.heapUsed).toFixed(1)} MB`,
  });
  row.met = row.median < 150;
  record('6. Start-up: process start to initialize response', startups, { target: 'report' });
}

/**
 * Process start to the first diagnostics of a 2 KB task definition (one finding, so that diagnostics
 * are published): with AWS off, and with AWS on against the local endpoint, where the first
 * diagnostics are the offline ones and the account's list follows.
 */
async function serverFirstDiagnostics() {
  const fake = await new FakeAws().start();
  fake.secrets = [{ name: 'app/db' }];
  fake.parameters = [{ name: '/app/config' }];
  const text = taskDefinition(1, 4).replace(':parameter/', ':parameter:');
  const uri = 'file:///first/taskdef.json';
  for (const [label, settings] of [
    ['AWS off (ecsTaskDef.aws.enabled false)', { aws: { enabled: false } }],
    ['AWS on, local endpoint', {}],
  ] as const) {
    const samples: number[] = [];
    for (let i = -1; i < (smoke ? 1 : 10); i++) {
      const started = performance.now();
      const child = spawn(process.execPath, [join(root, 'server/out/server.js'), '--stdio'], {
        env: isolatedAwsEnv(fake.env()),
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      const published = new Promise<number>((resolve) =>
        connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
          if (p.uri === uri && p.diagnostics.length) resolve(performance.now() - started);
        }),
      );
      connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
      connection.listen();
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
      });
      connection.sendNotification('initialized', {});
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
      const ms = await published;
      if (i >= 0) samples.push(ms); // the first run warms the file cache
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      await new Promise((r) => child.on('exit', r));
      connection.dispose();
    }
    record(`6. Start-up: process start to the first diagnostics of a 2 KB task definition, ${label}`, samples, {
      target: 'report (no slower than before the AWS SDK moved to aws.js)',
    });
  }
  await fake.stop();
}

function bundleSizes() {
  const kb = (file: string) => (existsSync(file) ? statSync(file).size / 1024 : NaN);
  const vsix = existsSync(join(root, 'ecs-taskdef.vsix')) ? 'ecs-taskdef.vsix' : undefined;
  const sizes = {
    'server/out/server.js': kb(join(root, 'server/out/server.js')),
    'server/out/lint.js': kb(join(root, 'server/out/lint.js')),
    'server/out/aws.js': kb(join(root, 'server/out/aws.js')),
    'client/out/extension.js': kb(join(root, 'client/out/extension.js')),
    ...(vsix ? { [vsix]: kb(join(root, vsix)) } : {}),
  };
  for (const [file, size] of Object.entries(sizes)) {
    const row = record(`6. Bundle size: ${file}`, [size], { unit: 'KB', target: file.endsWith('.vsix') ? '< 3 MB' : 'report' });
    if (file.endsWith('.vsix')) row.met = size < 3072;
  }
  if (!vsix) rows[rows.length - 1].note = 'no ecs-taskdef.vsix: run `npm run package` first to measure it';
}

async function corpusLint(baseline: LanguageService | undefined) {
  if (!existsSync(CORPUS)) {
    rows.push({
      workload: '7. CLI over ../shared/corpus',
      unit: 'ms',
      median: NaN,
      p95: NaN,
      max: NaN,
      note: 'skipped: ../shared/corpus is not there',
    });
    return;
  }
  const files = readdirSync(CORPUS).map((f) => join(CORPUS, f));
  const run = () =>
    new Promise<number>((resolve) => {
      const start = performance.now();
      const child = spawn(process.execPath, [join(root, 'server/out/lint.js'), '--offline', '--exit-zero', '--format', 'json', ...files], {
        stdio: 'ignore',
        env: isolatedAwsEnv(),
      });
      child.on('exit', () => resolve(performance.now() - start));
    });
  const samples = await timeAsync(run, smoke ? 1 : 5);
  let baselineRow: Row['baseline'];
  if (baseline) {
    const docs = files.map((f) => TextDocument.create(`file:///c/${f}`, 'json', 1, readFileSync(f, 'utf8')));
    const baselineSamples = await timeAsync(
      async () => {
        const start = performance.now();
        for (const doc of docs) await baseline.doValidation(doc, baseline.parseJSONDocument(doc));
        return performance.now() - start;
      },
      smoke ? 1 : 5,
    );
    baselineRow = { name: 'JSON LS validating the same files in-process (no process start)', median: stats(baselineSamples).median };
  }
  const service = createTaskDefinitionService();
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const inProcess = stats(
    time(
      () => texts.forEach((t, i) => service.analyze(TextDocument.create(`file:///c/${i}.json`, 'json', 1, t), { forced: true }, OPTIONS)),
      smoke ? 1 : 10,
    ),
  );
  record(`7. CLI over the corpus (${files.length} files, including process start)`, samples, {
    baseline: baselineRow,
    target: 'report',
    note: `analysis alone, in-process: ${inProcess.median.toFixed(1)} ms in all, ${(inProcess.median / files.length).toFixed(2)} ms per file`,
  });
}

// ---------------------------------------------------------------------------------------------
// Whole processes: the linter against the baseline as a process

/** The linter as `npx ecs-taskdef-lint` runs it: the package's bin script, which loads out/lint.js. */
const LINT_BIN = join(root, 'server/bin/ecs-taskdef-lint');
/** bench/baselineProcess.ts, bundled beside this benchmark. */
const BASELINE_PROCESS = join(__dirname, 'baselineProcess.js');

/** Runs `node ...args` to its end, output discarded; its wall time in ms. An exit status other than 0 fails the run. */
function wallTime(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: isolatedAwsEnv() });
    let stderr = '';
    let ms = NaN;
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', () => (ms = performance.now() - start));
    child.on('close', (code) =>
      code === 0 ? resolve(ms) : reject(new Error(`node ${args.slice(0, 6).join(' ')}... exited with ${code}: ${stderr}`)),
    );
  });
}

/**
 * Ours and the baseline process on the same files, interleaved (which one goes first alternates),
 * so that the machine's state falls on both alike. The ratio is the median of the paired ratios.
 */
async function versusBaselineProcess(label: string, files: string[], iterations: number) {
  const ours = [LINT_BIN, '--offline', '--exit-zero', '--format', 'json', ...files];
  const baseline = [BASELINE_PROCESS, SCHEMA_FILE, ...files];
  collectGarbage();
  // Warm-up: the files and both bundles in the page cache.
  await wallTime(ours);
  await wallTime(baseline);
  const samples = { ours: [] as number[], baseline: [] as number[], ratios: [] as number[] };
  for (let i = 0; i < iterations; i++) {
    let a: number, b: number;
    if (i % 2 === 0) {
      a = await wallTime(ours);
      b = await wallTime(baseline);
    } else {
      b = await wallTime(baseline);
      a = await wallTime(ours);
    }
    samples.ours.push(a);
    samples.baseline.push(b);
    samples.ratios.push(a / b);
  }
  const row = record(label, samples.ours, {
    baseline: { name: 'baseline process: JSON LS + AWS schema validating the same files', median: stats(samples.baseline).median },
    target: 'median of the paired ratios <= 1.0',
  });
  row.ratio = stats(samples.ratios).median;
  row.met = row.ratio <= 1;
  row.note = `${iterations} runs of each, interleaved; ratio of the medians ${(row.median / row.baseline!.median).toFixed(2)}`;
}

async function wholeProcesses() {
  if (!existsSync(SCHEMA_FILE)) {
    for (const n of [11, 12, 13])
      rows.push({
        workload: `${n}. Whole process`,
        unit: 'ms',
        median: NaN,
        p95: NaN,
        max: NaN,
        note: `skipped: ${SCHEMA_FILE} is not there`,
      });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-bench-'));
  try {
    const write = (path: string, text: string) => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      return path;
    };
    const small = write(join(dir, 'small/taskdef.json'), taskDefinition(1, 4));
    const big = write(join(dir, 'big/taskdef.json'), taskDefinition(10, 500));
    const count = smoke ? 50 : 1000;
    const each = taskDefinition(4, 105);
    const many = Array.from({ length: count }, (_, i) =>
      write(join(dir, `many/taskdef-${i}.json`), each.replace('"family": "bench"', `"family": "bench-${i}"`)),
    );
    // A baseline that matched no schema would be timed as a parse: it must find the type error here.
    const wrong = write(join(dir, 'wrong/taskdef.json'), taskDefinition(1, 4).replace('"cpu": "1024"', '"cpu": true'));
    const checked = JSON.parse(execFileSync(process.execPath, [BASELINE_PROCESS, SCHEMA_FILE, wrong], { encoding: 'utf8' }));
    if (!checked[0]?.diagnostics.length) throw new Error(`the baseline process reported nothing in ${wrong}: is the schema applied?`);
    const kb = (n: number) => `${(n / 1024).toFixed(n < 10_240 ? 1 : 0)} KB`;
    await versusBaselineProcess(`11. Whole process, one ${kb(statSync(small).size)} task definition (start-up)`, [small], smoke ? 2 : 20);
    await versusBaselineProcess(
      `12. Whole process, one ${(statSync(big).size / 1e6).toFixed(2)} MB task definition`,
      [big],
      smoke ? 1 : 15,
    );
    await versusBaselineProcess(
      `13. Whole process, ${count.toLocaleString('en')} task definitions of ${kb(each.length)} in one run${smoke ? ' (1,000 in the full run)' : ''}`,
      many,
      smoke ? 1 : 5,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// YAML and CloudFormation workloads

/** The milliseconds a call takes. */
function elapsed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

async function yamlFullAnalysis(baseline: YamlLanguageService | undefined) {
  const text = taskDefinitionYaml(10, 600);
  const uri = 'file:///big/taskdef.yaml';
  expectSubjects(TextDocument.create(uri, 'yaml', 1, text), 1);
  const service = createTaskDefinitionService();
  const samples = { ours: [] as number[], parse: [] as number[], baseline: [] as number[] };
  // Interleaved, as in workload 1. Each side gets a new version each time: yaml-language-server
  // caches its parse per URI and version, as our service does.
  collectGarbage();
  for (let i = -1; i < YAML_ITERATIONS; i++) {
    const version = i + 2;
    const ours = elapsed(() => service.analyze(TextDocument.create(uri, 'yaml', version, text), {}, OPTIONS));
    const parse = elapsed(() => parseAllDocuments(text));
    let validation = NaN;
    if (baseline) {
      const start = performance.now();
      await baseline.doValidation(TextDocument.create(uri, 'yaml', version, text), false);
      validation = performance.now() - start;
    }
    if (i < 0) continue; // warm-up (and the baseline's schema compilation)
    samples.ours.push(ours);
    samples.parse.push(parse);
    samples.baseline.push(validation);
  }
  const label = `8. YAML full analysis, ${(text.length / 1e6).toFixed(2)} MB --cli-input-yaml (10 containers x 600 secrets)`;
  const vsBaseline = record(`${label}, against yaml-language-server`, samples.ours, {
    baseline: baseline
      ? { name: 'yaml-language-server doValidation with the AWS schema (its parse + validate)', median: stats(samples.baseline).median }
      : undefined,
    target: "median <= the baseline's (ratio <= 1.0)",
  });
  if (vsBaseline.baseline) vsBaseline.met = vsBaseline.median <= vsBaseline.baseline.median;
  const vsParse = record(`${label}, against one yaml parse`, samples.ours, {
    baseline: { name: 'one yaml parseAllDocuments', median: stats(samples.parse).median },
    target: 'median <= 2x one yaml parse (ratio <= 2.0)',
  });
  vsParse.met = vsParse.ratio! <= 2;
}

async function cloudFormationFullAnalysis() {
  const { yaml, json } = cloudFormationTemplate(20, 4, 80);
  const yamlUri = 'file:///big/template.yaml';
  const jsonUri = 'file:///big/template.json';
  expectSubjects(TextDocument.create(yamlUri, 'yaml', 1, yaml), 20);
  expectSubjects(TextDocument.create(jsonUri, 'json', 1, json), 20);
  const service = createTaskDefinitionService();
  const samples = { yaml: [] as number[], parse: [] as number[], json: [] as number[] };
  collectGarbage();
  for (let i = -1; i < YAML_ITERATIONS; i++) {
    const version = i + 2;
    const ours = elapsed(() => service.analyze(TextDocument.create(yamlUri, 'yaml', version, yaml), {}, OPTIONS));
    const parse = elapsed(() => parseAllDocuments(yaml));
    const asJson = elapsed(() => service.analyze(TextDocument.create(jsonUri, 'json', version, json), {}, OPTIONS));
    if (i < 0) continue; // warm-up
    samples.yaml.push(ours);
    samples.parse.push(parse);
    samples.json.push(asJson);
  }
  const label = `9. CloudFormation YAML full analysis, ${(yaml.length / 1e6).toFixed(2)} MB, 20 task definitions (4 containers x 80 secrets each)`;
  const vsParse = record(`${label}, against one yaml parse`, samples.yaml, {
    baseline: { name: 'one yaml parseAllDocuments', median: stats(samples.parse).median },
    target: 'median <= 2x one yaml parse (ratio <= 2.0)',
  });
  vsParse.met = vsParse.ratio! <= 2;
  record(`${label}, against our JSON path`, samples.yaml, {
    baseline: {
      name: `our analysis of the same template as JSON (${(json.length / 1e6).toFixed(2)} MB)`,
      median: stats(samples.json).median,
    },
    target: 'report',
  });
}

function cloudFormationReanalysis() {
  const { yaml: text } = cloudFormationTemplate(2, 4, 80);
  const uri = 'file:///edit/template.yaml';
  const service = createTaskDefinitionService();
  let doc = TextDocument.create(uri, 'yaml', 1, text);
  expectSubjects(doc, 2);
  service.analyze(doc, {}, OPTIONS);
  // The same edit as workload 2: one character of an environment variable's name, flipped.
  const at = text.indexOf('Name: PORT') + 'Name: '.length + 1;
  let flip = false;
  const samples = { edit: [] as number[], parse: [] as number[] };
  collectGarbage();
  for (let i = -1; i < ITERATIONS * 2; i++) {
    flip = !flip;
    const position = doc.positionAt(at);
    const edited = TextDocument.update(
      doc,
      [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: flip ? 'X' : 'O' }],
      doc.version + 1,
    );
    doc = edited;
    const edit = elapsed(() => service.analyze(edited, {}, OPTIONS));
    // The floor, interleaved: one parse of the text just analysed.
    const editedText = edited.getText();
    const parse = elapsed(() => parseAllDocuments(editedText));
    if (i < 0) continue; // warm-up
    samples.edit.push(edit);
    samples.parse.push(parse);
  }
  const label = `${(text.length / 1024).toFixed(0)} KB CloudFormation YAML, 2 task definitions`;
  const row = record(`10. Re-analysis after a one-character edit, ${label}`, samples.edit, { target: 'p95 < 15 ms' });
  row.met = row.p95 < 15;
  record(`10. One yaml parse of the same ${label} (the floor)`, samples.parse, { target: 'report' });
}

// ---------------------------------------------------------------------------------------------
// Terraform workloads

/** The Terraform parser as it ships: server/out/hcl.js and its two WebAssembly modules beside it (`npm run package` builds them). */
const HCL_OUT = {
  bundle: join(root, 'server/out/hcl.js'),
  runtime: join(root, 'server/out/tree-sitter.wasm'),
  grammar: join(root, 'server/out/tree-sitter-terraform.wasm'),
};

/** A Terraform expression written as it is (`aws_iam_role.execution.arn`); in a JSON heredoc, an interpolation. */
class Reference {
  constructor(readonly expression: string) {}
}

/** A value in HCL's native syntax, as `terraform fmt` lays it out: one attribute a line, `=` aligned; small flat objects in a list on one line. */
function hcl(value: unknown, indent: string, inList = false): string {
  if (value instanceof Reference) return value.expression;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object' || value === null) return String(value);
  const inner = `${indent}  `;
  const scalar = (v: unknown) => typeof v !== 'object' || v === null || v instanceof Reference;
  if (Array.isArray(value)) {
    if (value.every(scalar)) return `[${value.map((v) => hcl(v, inner)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${hcl(v, inner, true)},\n`).join('')}${indent}]`;
  }
  const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k));
  const entries = Object.entries(value);
  if (inList && entries.length <= 3 && entries.every(([, v]) => scalar(v)))
    return `{ ${entries.map(([k, v]) => `${key(k)} = ${hcl(v, inner)}`).join(', ')} }`;
  // `=` aligned over each run of attributes on consecutive lines; a value over several lines ends the run.
  const lines: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(...run.map(([k]) => k.length));
    for (const [k, v] of run) lines.push(`${inner}${k.padEnd(width)} = ${v}\n`);
    run = [];
  };
  for (const [k, v] of entries) {
    const written = hcl(v, inner);
    run.push([key(k), written]);
    if (written.includes('\n')) flush();
  }
  if (run.length) flush();
  return `{\n${lines.join('')}${indent}}`;
}

/**
 * A Terraform configuration of `taskDefinitions` `aws_ecs_task_definition` resources (`containers`
 * containers × `secretsPerContainer` secrets each), beside what they use (variables, locals, the
 * execution role, a log group, a database secret) and an `aws_ecs_service` each. `container_definitions`
 * is `jsonencode([...])` in HCL's syntax, except every fifth resource, which holds a `<<-EOF` JSON
 * heredoc, the other form found in the wild. References are a mix of literal ARNs, template strings
 * (`"${local.registry}/..."`) and bare references to other resources.
 */
function terraformConfiguration(taskDefinitions: number, containers: number, secretsPerContainer: number): string {
  const account = '111122223333';
  const secret = (t: number, c: number, s: number) => {
    const name = `SERVICE_${t}_APP_${c}_${s % 4 === 1 || s % 4 === 2 ? 'PARAMETER' : 'SECRET'}_${s}`;
    switch (s % 4) {
      case 0:
        return {
          name,
          valueFrom: `arn:aws:secretsmanager:eu-west-1:${account}:secret:platform/service-${t}/app-${c}/credentials-${s}-AbCdEf:password::`,
        };
      case 1:
        return { name, valueFrom: `arn:aws:ssm:eu-west-1:${account}:parameter/platform/service-${t}/app-${c}/configuration-${s}` };
      case 2:
        return { name, valueFrom: `arn:aws:ssm:\${var.region}:\${local.account_id}:parameter/platform/service-${t}/app-${c}/setting-${s}` };
      default:
        return {
          name,
          valueFrom:
            s % 8 === 3 ? new Reference('aws_secretsmanager_secret.database.arn') : '${aws_secretsmanager_secret.database.arn}:username::',
        };
    }
  };
  const containerDefinitions = (t: number) =>
    Array.from({ length: containers }, (_, c) => ({
      name: `app-${c}`,
      image: `\${local.registry}/service-${t}/app-${c}:\${var.image_tag}`,
      essential: c === 0,
      cpu: 256,
      memory: 512,
      portMappings: [{ containerPort: 8000 + c, hostPort: 8000 + c, protocol: 'tcp' }],
      environment: [
        { name: 'PORT', value: String(8000 + c) },
        { name: 'STAGE', value: new Reference('var.stage') },
        { name: 'PUBLIC_URL', value: `https://service-${t}.\${var.region}.example.com` },
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'UPSTREAM_URL', value: `http://service-${(t + 1) % taskDefinitions}.internal:${8000 + c}` },
      ],
      secrets: Array.from({ length: secretsPerContainer }, (_, s) => secret(t, c, s)),
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': new Reference('aws_cloudwatch_log_group.services.name'),
          'awslogs-region': new Reference('var.region'),
          'awslogs-stream-prefix': `service-${t}`,
        },
      },
    }));
  /** The JSON heredoc form: the same content, references as interpolations. */
  const heredoc = (value: unknown) => {
    const json = JSON.stringify(value, (_key, v: unknown) => (v instanceof Reference ? `\${${v.expression}}` : v), 2);
    return `<<-EOF\n${json.replace(/^/gm, '    ')}\n  EOF`;
  };
  const blocks = [
    `variable "region" {\n  type    = string\n  default = "eu-west-1"\n}`,
    `variable "stage" {\n  type    = string\n  default = "staging"\n}`,
    `variable "image_tag" {\n  type = string\n}`,
    `locals {\n  account_id = "${account}"\n  registry   = "${account}.dkr.ecr.eu-west-1.amazonaws.com"\n}`,
    `resource "aws_iam_role" "execution" {\n  name               = "ecs-execution"\n  assume_role_policy = ${hcl(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      '  ',
    ).replace(/^\{/, 'jsonencode({')})\n}`,
    `resource "aws_cloudwatch_log_group" "services" {\n  name              = "/ecs/platform"\n  retention_in_days = 30\n}`,
    `resource "aws_secretsmanager_secret" "database" {\n  name = "platform/database"\n}`,
  ];
  for (let t = 0; t < taskDefinitions; t++) {
    const asHeredoc = t % 5 === 4;
    blocks.push(
      [
        `resource "aws_ecs_task_definition" "service_${t}" {`,
        `  family                   = "platform-service-${t}"`,
        `  execution_role_arn       = ${t % 2 ? 'aws_iam_role.execution.arn' : `"arn:aws:iam::${account}:role/ecs-execution"`}`,
        `  task_role_arn            = "arn:aws:iam::${account}:role/service-${t}-task"`,
        `  network_mode             = "awsvpc"`,
        `  requires_compatibilities = ["FARGATE"]`,
        `  cpu                      = "1024"`,
        `  memory                   = "2048"`,
        ``,
        `  runtime_platform {`,
        `    operating_system_family = "LINUX"`,
        `    cpu_architecture        = "${t % 3 ? 'X86_64' : 'ARM64'}"`,
        `  }`,
        ``,
        `  container_definitions = ${asHeredoc ? heredoc(containerDefinitions(t)) : `jsonencode(${hcl(containerDefinitions(t), '  ')})`}`,
        ``,
        `  tags = {`,
        `    Service = "service-${t}"`,
        `    Stage   = var.stage`,
        `  }`,
        `}`,
      ].join('\n'),
      [
        `resource "aws_ecs_service" "service_${t}" {`,
        `  name            = "service-${t}"`,
        `  cluster         = "platform"`,
        `  task_definition = aws_ecs_task_definition.service_${t}.arn`,
        `  desired_count   = 2`,
        `  launch_type     = "FARGATE"`,
        ``,
        `  network_configuration {`,
        `    subnets         = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]`,
        `    security_groups = ["sg-0a1b2c3d4e5f60001"]`,
        `  }`,
        `}`,
      ].join('\n'),
    );
  }
  return `# Benchmark: the ECS services of one platform, in one configuration.\n\n${blocks.join('\n\n')}\n`;
}

/** The Terraform parser, created in this process from the shipped bundle and installed in the core, as the server does at the first `.tf`. */
async function installTerraformParser(): Promise<void> {
  if (hclParser()) return;
  // A separate bundle, found by path, as server.js finds it (hcl/loadHclParser.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = require(HCL_OUT.bundle) as typeof HclBundle;
  installHclParser(await bundle.createTerraformParser(readFileSync(HCL_OUT.runtime), readFileSync(HCL_OUT.grammar)));
}

async function terraformFullAnalysis() {
  await installTerraformParser();
  const parser = hclParser()!;
  const text = terraformConfiguration(50, 4, 24);
  const uri = 'file:///big/main.tf';
  expectSubjects(TextDocument.create(uri, 'terraform', 1, text), 50);
  const service = createTaskDefinitionService();
  const samples = { ours: [] as number[], parse: [] as number[] };
  collectGarbage();
  // Interleaved, as in workload 1; a new version each time, so that nothing is cached.
  for (let i = -1; i < YAML_ITERATIONS; i++) {
    const ours = elapsed(() => service.analyze(TextDocument.create(uri, 'terraform', i + 2, text), {}, OPTIONS));
    const parse = elapsed(() => parser.parse(text)!.delete());
    if (i < 0) continue; // warm-up
    samples.ours.push(ours);
    samples.parse.push(parse);
  }
  const heredocs = (text.match(/<<-EOF/g) ?? []).length;
  const row = record(
    `14. Terraform full analysis, ${(text.length / 1e6).toFixed(2)} MB .tf, 50 task definitions (4 containers x 24 secrets each; ${50 - heredocs} jsonencode, ${heredocs} JSON heredocs), against one tree-sitter parse`,
    samples.ours,
    {
      baseline: { name: 'one tree-sitter parse (web-tree-sitter, Terraform grammar)', median: stats(samples.parse).median },
      target: 'median <= 2x one tree-sitter parse (ratio <= 2.0)',
    },
  );
  row.met = row.ratio! <= 2;
}

/**
 * What the first `.tf` costs and start-up without one does not: loading the Terraform parser
 * (requiring hcl.js, reading its two WebAssembly modules, compiling and instantiating them), each
 * sample in a new process so that nothing is warm; then the language server with a preload that
 * records the modules it loaded (Node's require.cache) at exit, once with a JSON task definition
 * open (hcl.js must not be among them) and once with a `.tf` (it must, which proves the record sees it).
 */
async function terraformStartup() {
  const script = `
    const { performance } = require('node:perf_hooks');
    const { readFileSync } = require('node:fs');
    const [bundle, runtime, grammar] = process.argv.slice(1);
    (async () => {
      const start = performance.now();
      const hcl = require(bundle);
      const required = performance.now();
      const parser = await hcl.createTerraformParser(readFileSync(runtime), readFileSync(grammar));
      const loaded = performance.now();
      parser.parse('resource "aws_ecs_task_definition" "a" {\\n  family = "a"\\n}\\n').delete();
      const parsed = performance.now();
      process.stdout.write(JSON.stringify({ load: loaded - start, require: required - start, firstParse: parsed - loaded }));
    })();`;
  const child = (): { load: number; require: number; firstParse: number } =>
    JSON.parse(execFileSync(process.execPath, ['-e', script, HCL_OUT.bundle, HCL_OUT.runtime, HCL_OUT.grammar], { encoding: 'utf8' }));
  child(); // warm-up: the files in the page cache
  const loads = Array.from({ length: smoke ? 1 : 10 }, child);
  const kb = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KB`;
  const row = record(
    `15. Terraform parser start-up, in a new process: require hcl.js (${kb(HCL_OUT.bundle)}), read tree-sitter.wasm (${kb(HCL_OUT.runtime)}) and tree-sitter-terraform.wasm (${kb(HCL_OUT.grammar)}), createTerraformParser`,
    loads.map((l) => l.load),
    {
      target: 'report; paid once, when the first .tf opens: server start-up without a .tf loads none of it',
      note: `require of hcl.js alone ${stats(loads.map((l) => l.require)).median.toFixed(1)} ms; the first parse after it ${stats(loads.map((l) => l.firstParse)).median.toFixed(1)} ms`,
    },
  );

  const dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-bench-'));
  try {
    const preload = join(dir, 'recordModules.js');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(process.env.RECORD_MODULES_TO, Object.keys(require.cache).join('\\n')));\n`,
    );
    const loadedModules = async (languageId: string, uri: string, text: string) => {
      const recordTo = join(dir, `modules-${languageId}.txt`);
      const child = spawn(process.execPath, [join(root, 'server/out/server.js'), '--stdio'], {
        env: { ...isolatedAwsEnv(), NODE_OPTIONS: `--require ${preload}`, RECORD_MODULES_TO: recordTo },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      const published = new Promise<void>((resolve) =>
        connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
          if (p.uri === uri && p.diagnostics.length) resolve();
        }),
      );
      connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ aws: { enabled: false } })));
      connection.listen();
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
      });
      connection.sendNotification('initialized', {});
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      await published;
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      await new Promise((r) => child.on('exit', r));
      connection.dispose();
      return readFileSync(recordTo, 'utf8').split('\n');
    };
    // One finding each (a malformed SSM ARN), so that diagnostics are published.
    const withJson = await loadedModules('json', 'file:///first/taskdef.json', taskDefinition(1, 4).replace(':parameter/', ':parameter:'));
    const withTf = await loadedModules(
      'terraform',
      'file:///first/main.tf',
      terraformConfiguration(1, 1, 4).replace(':parameter/', ':parameter:'),
    );
    const withoutTf = !withJson.includes(HCL_OUT.bundle);
    row.met = withoutTf && withTf.includes(HCL_OUT.bundle);
    row.note += `; server.js loaded hcl.js: with a JSON task definition open ${withoutTf ? 'no' : 'YES'}, with a .tf open ${withTf.includes(HCL_OUT.bundle) ? 'yes' : 'NO (the check cannot see it)'}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const steps: Record<string, () => unknown> = {
    full: () => fullAnalysis(baseline),
    reanalysis,
    completion: () => completion(baseline),
    catalog: catalogLoad,
    server: serverProcess,
    'first-diagnostics': serverFirstDiagnostics,
    bundles: bundleSizes,
    corpus: () => corpusLint(baseline),
    processes: wholeProcesses,
    yaml: () => yamlFullAnalysis(yamlBaselineService()),
    cloudformation: cloudFormationFullAnalysis,
    'cloudformation-reanalysis': cloudFormationReanalysis,
    terraform: terraformFullAnalysis,
    'terraform-startup': terraformStartup,
  };
  const unknown = only?.filter((name) => !Object.hasOwn(steps, name));
  if (unknown?.length) throw new Error(`--only: no workload group ${unknown.join(', ')}; the groups are ${Object.keys(steps).join(', ')}`);
  const baseline = baselineService();
  if (!baseline)
    console.log(`Baseline skipped: ${SCHEMA_FILE} is not there, so no ratios to the JSON and YAML language servers are printed.\n`);
  for (const [name, step] of Object.entries(steps)) if (!only || only.includes(name)) await step();

  const fmt = (n: number) => (Number.isNaN(n) ? '-' : n >= 100 ? n.toFixed(0) : n.toFixed(2));
  console.log(
    `${smoke ? 'SMOKE RUN (figures are not meaningful)\n' : ''}Machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${arch()}, Node ${process.version}\n`,
  );
  for (const row of rows) {
    console.log(row.workload);
    console.log(
      `   median ${fmt(row.median)} ${row.unit}   p95 ${fmt(row.p95)}   max ${fmt(row.max)}${row.ratio !== undefined ? `   ratio to baseline ${row.ratio.toFixed(2)} (${row.baseline!.name}: ${fmt(row.baseline!.median)} ms)` : ''}`,
    );
    if (row.note) console.log(`   ${row.note}`);
    if (row.target) console.log(`   target: ${row.target}${row.met === undefined ? '' : row.met ? '  [met]' : '  [NOT met]'}`);
  }
  // A partial run does not replace the record of a whole one.
  if (only) return;
  const out = join(root, 'bench/results.json');
  writeFileSync(
    out,
    JSON.stringify(
      { date: new Date().toISOString(), smoke, node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, rows },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nWrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
