// The built server over --stdio with a Terraform file, as an editor sends it (language id
// terraform), with the local AWS endpoint for ARNs: the parser is loaded when the file opens, and
// diagnostics, fixes and completions are written in HCL.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLocalAws } from '../helpers/localAws';
import { startClient, type LspClient } from '../helpers/lspClient';

const URI = 'file:///work/infra/ecs.tf';
const TF = `resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "nginx"
      secrets = [
        { name = "DB", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/redis-urll" },
        { name = "CACHE", valueFrom = "" },
      ]
    }
  ])
}
`;

const fake = useLocalAws((account) => {
  account.secrets = [{ name: 'prod/db' }];
  account.parameters = [{ name: '/prod/redis-url', type: 'SecureString' }];
});

describe('language server with Terraform', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await startClient({ env: fake.env() });
  });
  afterAll(async () => expect(await client?.stop()).toBe(0));
  const catalogLoaded = () => client.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'reference-not-found'));
  const fix = async (code: string) => {
    const { diagnostics } = await catalogLoaded();
    const diagnostic = diagnostics.find((d) => d.code === code)!;
    const [action] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    return action.edit!;
  };
  const applied = (edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(URI, 'terraform', 1, TF), edits);

  it('publishes diagnostics at their place in the .tf file, checked against the account', async () => {
    await client.open(URI, TF, 1, 'terraform');
    const { diagnostics } = await catalogLoaded();
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
      ['execution-role-missing', 10, 6],
      ['reference-not-found', 11, 35],
      ['arn-malformed', 12, 38],
    ]);
  });

  it('fixes in HCL: the execution role in the resource (a snippet for this client), a parameter name in jsonencode', async () => {
    const role = (await fix('execution-role-missing')).documentChanges![0] as {
      edits: { range: TextEdit['range']; snippet?: { value: string } }[];
    };
    expect(role.edits.map((e) => [e.range.start.line, e.snippet?.value])).toEqual([
      [2, '  execution_role_arn = "arn:aws:iam::111122223333:role/${1:ecsTaskExecutionRole}"\n'],
    ]);
    expect(applied((await fix('reference-not-found')).changes![URI] as TextEdit[])).toBe(TF.replace('redis-urll', 'redis-url'));
  });

  it('completes an ARN in an empty valueFrom as an HCL string', async () => {
    await catalogLoaded();
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 12, character: 39 },
    })) as CompletionList;
    expect(list.items.map((i) => [i.label, i.textEdit!.newText])).toEqual([
      ['prod/db', fake.secretArn('prod/db')],
      ['prod/db:json-key::', `${fake.secretArn('prod/db')}:\${1:json-key}::`],
      ['/prod/redis-url', fake.parameterArn('/prod/redis-url')],
    ]);
  });
});
