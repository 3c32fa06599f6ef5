// npm run test:e2e: the packaged extension in a real VS Code (code-server 4.100.3) with Debian's
// Chromium and playwright-core (installed by test/e2e/installCodeServer.sh): mocha tests inside the
// extension host (the workbench's `payload` mechanism), then a few screen checks that save the
// screenshots the README shows. The language server talks to the local AWS endpoint.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { isolatedAwsEnv } from '../helpers/awsEnv';
import { FakeAws } from '../helpers/fakeAws';
import { runScreenChecks, SCREEN_TASK } from './screenChecks';

const root = join(__dirname, '../../..');
const tools = process.env.E2E_TOOLS ?? join(root, '.e2e-tools');
const PORT = Number(process.env.E2E_PORT ?? 18090);
// `--screenshots DIR` (npm run screenshots: docs/images) says where the screen checks save their pictures.
const flag = process.argv.indexOf('--screenshots');
const screenshots = resolve(flag > 0 ? process.argv[flag + 1] : join(root, 'test/e2e/out/screens'));
const failures = join(root, 'test/e2e/out/failures');
const TASK = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "memory": "512",
      "secrets": [{ "name": "DB", "valueFrom": "/prod/dbpass" }]
    }
  ]
}
`;
// A CloudFormation template in YAML (short tags included) for the extension host tests: one
// `parameter:` ARN, Secrets without an execution role, and an empty `ValueFrom: ` (trailing space
// kept by the `${''}`) to complete.
const CFN_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: The web service
Resources:
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Sub '\${AWS::StackName}-web'
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ContainerDefinitions:
        - Name: app
          Image: !Sub '\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/web:latest'
          Essential: true
          Secrets:
            - Name: API_KEY
              ValueFrom: ${''}
            - Name: DB
              ValueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter:db
Outputs:
  TaskDefinitionArn:
    Value: !Ref TaskDefinition
`;

/** A Terraform resource, with no Terraform extension installed: the extension's own `terraform` language. */
const TERRAFORM = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "nginx"
      secrets = [
        { name = "DB", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter:db" },
        { name = "API_KEY", valueFrom = "" },
      ]
    }
  ])
}
`;

async function main(): Promise<number> {
  const fake = await new FakeAws().start();
  fake.secrets = [{ name: 'prod/db', description: 'Primary database' }];
  fake.parameters = [{ name: '/prod/db-pass' }, { name: '/prod/api-key' }];
  // The execution role the documents name: it exists, ECS tasks may assume it, and it may read them (docs/roles.md).
  fake.roles = [
    {
      name: 'ecsTaskExecutionRole',
      trust: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      allow: [{ action: '*', resource: '*' }],
    },
  ];
  const run = mkdtempSync(join(tmpdir(), 'e2e-'));
  mkdirSync(join(run, 'ud/User'), { recursive: true });
  mkdirSync(join(run, 'ws'));
  writeFileSync(join(run, 'ws/taskdef.json'), TASK);
  writeFileSync(join(run, 'ws/template.yaml'), CFN_TEMPLATE);
  writeFileSync(join(run, 'ws/ecs.tf'), TERRAFORM);
  mkdirSync(join(run, 'screens'));
  writeFileSync(join(run, 'screens/taskdef.json'), SCREEN_TASK);
  mkdirSync(screenshots, { recursive: true });
  rmSync(failures, { recursive: true, force: true });
  mkdirSync(failures, { recursive: true });
  writeFileSync(
    join(run, 'ud/User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'security.workspace.trust.enabled': false,
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'json.schemaDownload.enable': false,
      'chat.disableAIFeatures': true,
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.minimap.enabled': false,
      'editor.fontSize': 14,
      'window.commandCenter': false,
      'workbench.layoutControl.enabled': false,
    }),
  );
  writeFileSync(join(run, 'config.yaml'), `bind-addr: 127.0.0.1:${PORT}\nauth: none\ncert: false\n`);
  const codeServer = join(tools, 'node_modules/.bin/code-server');
  const common = ['--config', join(run, 'config.yaml'), '--user-data-dir', join(run, 'ud'), '--extensions-dir', join(run, 'exts')];
  const env = isolatedAwsEnv({ ...fake.env(), E2E_TOOLS: tools, XDG_CONFIG_HOME: join(run, 'config'), HOME: run });
  execFileSync(codeServer, [...common, '--install-extension', join(root, 'ecs-taskdef.vsix')], { env, stdio: 'inherit' });
  const server = spawn(
    codeServer,
    [
      ...common,
      '--bind-addr',
      `127.0.0.1:${PORT}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      join(run, 'ws'),
    ],
    {
      env,
      detached: true,
      stdio: 'ignore',
    },
  );
  let code: number;
  try {
    for (let i = 0; i < 150; i++) {
      const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    code = await extensionHostTests(run);
    // A richer account for the screenshots; the new window starts a new extension host and server.
    fake.secrets = [
      { name: 'prod/db', description: 'Primary database' },
      { name: 'prod/api-token', description: 'Token for the payments API' },
      { name: 'staging/db' },
      { name: 'shared/datadog' },
    ];
    fake.parameters = ['/prod/db-pass', '/prod/api-key', '/prod/stripe-key', '/prod/redis-url', '/staging/db-pass'].map((name) => ({
      name,
    }));
    const failed = await screenChecks(run);
    if (failed && code === 0) code = 1;
  } finally {
    // code-server keeps extension hosts (and so our language servers) alive for hours after the
    // browser goes, waiting for a reconnection: end its whole process group.
    await stopGroup(server.pid!);
    await fake.stop();
  }
  const leftovers = processesMentioning(run);
  rmSync(run, { recursive: true, force: true });
  if (leftovers.length) throw new Error(`processes left behind:\n${leftovers.join('\n')}`);
  if (fake.valueReads().length) throw new Error('a value-reading operation reached the endpoint');
  console.log(code === 0 ? 'e2e: passed' : 'e2e: FAILED');
  return code;
}

/** SIGTERM to the group, then SIGKILL to whatever is still there after five seconds. */
async function stopGroup(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(-pid, 'SIGKILL');
}

/** Live processes whose command line names the run's folder (code-server, its hosts, our server, Chromium). */
function processesMentioning(folder: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,stat,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(folder) && !/^\s*\d+\s+Z/.test(line));
}

async function extensionHostTests(run: string): Promise<number> {
  const host = `127.0.0.1:${PORT}`;
  const remote = (p: string) => `vscode-remote://${host}${p}`;
  // The extension under test is the one the VSIX installed; the workbench runs tests only for a
  // development path, so that path is the installed folder.
  const installed = join(
    run,
    'exts',
    readdirSync(join(run, 'exts')).find((d) => d.startsWith('ecs-taskdef.ecs-taskdef-'))!,
  );
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(installed)],
    ['extensionTestsPath', remote(join(root, 'test/e2e/exthost/index.js'))],
    ['skipWelcome', 'true'],
  ]);
  const url = `http://${host}/?folder=${encodeURIComponent(remote(join(run, 'ws')))}&payload=${encodeURIComponent(payload)}`;
  return withChromium(run, async (page) => {
    const done = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = (args ?? []).map(String).join(' ');
      if (!/Resolv|socket|Service Worker|builtin extensions|ChatSession|%c/.test(line)) console.log(`[ext ${type}] ${line}`);
    });
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), 180_000)));
    const code = await Promise.race([done, timeout]);
    clearTimeout(timer);
    console.log(`extension host tests exit code: ${code}`);
    return code;
  });
}

/** The screen checks in a fresh window on their own folder; returns how many failed. */
async function screenChecks(run: string): Promise<number> {
  const folder = `vscode-remote://127.0.0.1:${PORT}${join(run, 'screens')}`;
  console.log(`screen checks (screenshots in ${screenshots}):`);
  const results = await withChromium(run, (page) =>
    runScreenChecks(page, `http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(folder)}`, screenshots, failures),
  );
  const failed = results.filter((r) => r.error).length;
  console.log(`screen checks: ${results.length - failed} passed, ${failed} failed`);
  return failed;
}

/** One headless Chromium (Debian's) with a throwaway profile inside the run's folder, closed and removed whatever happens. */
async function withChromium<T>(run: string, body: (page: Page) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(run, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (process.env.VERBOSE) page.on('console', (m: { text(): string }) => console.log('[console]', m.text().slice(0, 300)));
    page.on('pageerror', (e: Error) => console.log('[pageerror]', e.message));
    return await body(page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
