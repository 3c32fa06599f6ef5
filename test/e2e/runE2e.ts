// npm run test:e2e: the packaged extension in a real VS Code (code-server 4.100.3) with Debian's
// Chromium and playwright-core, following shared/recipes/real-editors.md: mocha tests inside the
// extension host (the workbench's `payload` mechanism), then a few screen checks that save the
// screenshots the README shows. The language server talks to the local AWS endpoint.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { FakeAws } from '../helpers/fakeAws';

const root = join(__dirname, '../../..');
const tools = process.env.E2E_TOOLS ?? join(root, '.e2e-tools');
const PORT = Number(process.env.E2E_PORT ?? 18090);
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

async function main(): Promise<number> {
  const fake = await new FakeAws().start();
  fake.secrets = [{ name: 'prod/db', description: 'Primary database' }];
  fake.parameters = [{ name: '/prod/db-pass' }, { name: '/prod/api-key' }];
  const run = mkdtempSync(join(tmpdir(), 'e2e-'));
  mkdirSync(join(run, 'ud/User'), { recursive: true });
  mkdirSync(join(run, 'ws'));
  writeFileSync(join(run, 'ws/taskdef.json'), TASK);
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
    }),
  );
  writeFileSync(join(run, 'config.yaml'), `bind-addr: 127.0.0.1:${PORT}\nauth: none\ncert: false\n`);
  const codeServer = join(tools, 'node_modules/.bin/code-server');
  const common = ['--config', join(run, 'config.yaml'), '--user-data-dir', join(run, 'ud'), '--extensions-dir', join(run, 'exts')];
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))),
    ...fake.env(),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    E2E_TOOLS: tools,
    XDG_CONFIG_HOME: join(run, 'config'),
    HOME: run,
  };
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
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
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
  } finally {
    stop();
    await fake.stop();
  }
  if (fake.valueReads().length) throw new Error('a value-reading operation reached the endpoint');
  console.log(code === 0 ? 'extension host tests: passed' : 'extension host tests: FAILED');
  return code;
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
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
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
    const done = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = (args ?? []).map(String).join(' ');
      if (!/Resolv|socket|Service Worker|builtin extensions|ChatSession|%c/.test(line)) console.log(`[ext ${type}] ${line}`);
    });
    if (process.env.VERBOSE) page.on('console', (m: { text(): string }) => console.log('[console]', m.text().slice(0, 300)));
    page.on('pageerror', (e: Error) => console.log('[pageerror]', e.message));
    await page.goto(url);
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), 180_000));
    const code = await Promise.race([done, timeout]);
    console.log(`extension host tests exit code: ${code}`);
    return code;
  } finally {
    await context.close();
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
