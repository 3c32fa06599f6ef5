// The built server over --stdio on a repository whose GitHub workflow deploys a console export:
// what an editor shows for the file, with and without the client's support for faded text.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import { FULL_CAPABILITIES, startClient, type LspClient } from '../helpers/lspClient';

const EXPORTED = `{
  "taskDefinitionArn": "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3",
  "family": "web",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    { "name": "web", "image": "", "memory": 512, "user": null }
  ],
  "revision": 3
}
`;

const WORKFLOW = `env:
  ECS_TASK_DEFINITION: deploy/task-definition.json
jobs:
  deploy:
    steps:
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: \${{ env.ECS_TASK_DEFINITION }}
          container-name: web
          image: \${{ steps.build.outputs.image }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: \${{ steps.render.outputs.task-definition }}
`;

const WITH_TAGS: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  textDocument: { ...FULL_CAPABILITIES.textDocument, publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] } } },
};

describe('language server: how the file is deployed', () => {
  let uri: string;
  let client: LspClient | undefined;
  beforeAll(() => {
    const repo = mkdtempSync(join(tmpdir(), 'lsp-repo-'));
    mkdirSync(join(repo, '.github/workflows'), { recursive: true });
    mkdirSync(join(repo, 'deploy'));
    writeFileSync(join(repo, '.github/workflows/deploy.yml'), WORKFLOW);
    writeFileSync(join(repo, 'deploy/task-definition.json'), EXPORTED);
    uri = pathToFileURL(join(repo, 'deploy/task-definition.json')).href;
  });
  afterEach(async () => {
    if (client) expect(await client.stop()).toBe(0);
    client = undefined;
  });

  it('shows one information diagnostic and the dropped members faded, where the client renders that', async () => {
    client = await startClient({ capabilities: WITH_TAGS, settings: { aws: { enabled: false } } });
    await client.open(uri, EXPORTED);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.tags])).toEqual([
      ['describe-output', 3, 1, 2, undefined],
      ['describe-output', 4, 1, 2, [1]],
      ['describe-output', 4, 5, 57, [1]],
      ['describe-output', 4, 7, 2, [1]],
    ]);
    expect(diagnostics[0].message).toBe(
      'The deploy action in .github/workflows/deploy.yml drops 2 describe-task-definition output members and 1 null value before it registers the task definition; `aws ecs register-task-definition` would reject them.',
    );
  });

  it('sends no tags to a client that does not render them', async () => {
    client = await startClient({ settings: { aws: { enabled: false } } });
    await client.open(uri, EXPORTED);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(diagnostics).toHaveLength(4);
    expect(diagnostics.every((d) => d.tags === undefined)).toBe(true);
  });

  it('reports what the AWS CLI rejects with "deployedBy": "cli"', async () => {
    client = await startClient({ settings: { aws: { enabled: false }, deployedBy: 'cli' } });
    await client.open(uri, EXPORTED);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.start.line])).toEqual([
      ['describe-output', 1, 1],
      ['empty-value', 1, 5],
      ['describe-output', 1, 5],
      ['describe-output', 1, 7],
    ]);
  });
});
