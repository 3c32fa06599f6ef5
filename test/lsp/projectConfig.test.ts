// The built server over --stdio on a repository with a project config: the editor reports what CI
// reports, and the config file itself is checked as it is typed.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type LspClient } from '../helpers/lspClient';

const TASK = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      // ecs-taskdef-disable-next-line arn-malformed -- rewritten by the pipeline
      "secrets": [{ "name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:/a" }]
    }
  ]
}
`;

describe('language server with a project config', () => {
  let client: LspClient;
  let repo: string;
  const uri = (path: string) => pathToFileURL(join(repo, path)).href;
  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'lsp-config-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'generated'));
    writeFileSync(
      join(repo, '.ecs-taskdef.yaml'),
      'rules:\n  container-memory: off\n  execution-role-missing: warning\nignore: [generated/**]\n',
    );
    client = await startClient({ settings: { aws: { enabled: false }, rules: { 'execution-role-missing': 'information' } } });
  });
  afterAll(async () => expect(await client?.stop()).toBe(0));

  it('applies the config under the user settings, and honours suppression comments', async () => {
    await client.open(uri('web.json'), TASK, 1, 'jsonc');
    const { diagnostics } = await client.diagnostics(uri('web.json'), (p) => p.diagnostics.length > 0);
    // container-memory is off, arn-malformed suppressed; the user's severity wins over the config's.
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.start.line])).toEqual([['execution-role-missing', 3, 7]]);
  });

  it('publishes nothing for a file the config ignores', async () => {
    await client.open(
      uri('generated/web.json'),
      TASK.replace('// ecs-taskdef-disable-next-line arn-malformed -- rewritten by the pipeline', ''),
      1,
      'jsonc',
    );
    // A file opened later and deeper down (its config is looked for in more directories) is
    // published after the ignored one has had its turn.
    await client.open(uri('a/b/c/probe.json'), '{ "family": "p", "containerDefinitions": [ { "name": "a" } ] }');
    await client.diagnostics(uri('a/b/c/probe.json'), (p) => p.diagnostics.length > 0);
    expect(client.published.filter((p) => p.uri === uri('generated/web.json'))).toEqual([]);
  });

  it('checks the config file itself', async () => {
    await client.open(uri('.ecs-taskdef.yaml'), 'rules:\n  arn-malfromed: off\nregion: eu-west-1\n', 1, 'yaml');
    const { diagnostics } = await client.diagnostics(uri('.ecs-taskdef.yaml'), (p) => p.diagnostics.length > 0);
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.message])).toEqual([
      ['invalid-config', 1, 'Unknown rule id "arn-malfromed"; did you mean "arn-malformed"? See docs/rules.md for every rule.'],
      [
        'invalid-config',
        2,
        '"region" is not read from a project config: AWS access and the server are set on each machine (editor settings or command-line flags), never by a repository.',
      ],
    ]);
  });
});
