// The built server over --stdio, driven as any LSP client would drive it.
import { execFileSync, spawnSync } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Command, CompletionList, Diagnostic, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER, startClient, type LspClient } from '../helpers/lspClient';

const TASK = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "memory": "512",
      "secrets": [
        { "name": "DB", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:/prod/db" }
      ]
    }
  ]
}
`;

describe('language server over stdio', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await startClient({ settings: { account: '111122223333' } });
  });
  afterAll(async () => {
    if (client) expect(await client.stop()).toBe(0);
  });

  it('publishes diagnostics with codes, ranges, links and fixes in data', async () => {
    const uri = 'file:///work/app/taskdef.json';
    await client.open(uri, TASK);
    const { diagnostics, version } = await client.diagnostics(uri);
    expect(version).toBe(1);
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character])).toEqual([
      ['type-mismatch', 1, 6, 16],
      ['execution-role-missing', 1, 7, 6],
      ['arn-malformed', 1, 8, 37],
    ]);
    const [, role] = diagnostics;
    expect(role.source).toBe('ecs-taskdef');
    expect(role.codeDescription!.href).toMatch(/docs\/rules\/execution-role-missing\.md$/);
    expect(client.configurationRequests).toContainEqual({ items: [{ scopeUri: uri, section: 'ecsTaskDef' }] });
  });

  it('applies a quick fix as a workspace edit', async () => {
    const uri = 'file:///work/app/taskdef.json';
    const { diagnostics } = await client.diagnostics(uri);
    const arn = diagnostics.find((d) => d.code === 'arn-malformed')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: arn.range,
      context: { diagnostics: [arn] },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['Write "parameter/"']);
    const edits = actions[0].edit!.changes![uri] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, TASK), edits);
    expect(fixed).toBe(TASK.replace('parameter:/prod/db', 'parameter/prod/db'));
  });

  it('inserts executionRoleArn as a snippet edit for clients that support it', async () => {
    const uri = 'file:///work/app/taskdef.json';
    const { diagnostics } = await client.diagnostics(uri);
    const role = diagnostics.find((d) => d.code === 'execution-role-missing')!;
    const [action] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: role.range,
      context: { diagnostics: [role] },
    })) as CodeAction[];
    const change = action.edit!.documentChanges![0] as { edits: { snippet?: { value: string } }[] };
    expect(change.edits[0].snippet!.value).toBe('  "executionRoleArn": "arn:aws:iam::111122223333:role/${1:ecsTaskExecutionRole}",\n');
  });

  it('re-analyses after an incremental change', async () => {
    const uri = 'file:///work/app/taskdef.json';
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 6, character: 16 }, end: { line: 6, character: 21 } }, text: '512' }],
    });
    const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 2);
    expect(diagnostics.map((d) => d.code)).toEqual(['execution-role-missing', 'arn-malformed']);
  });

  it('completes property names and enum values', async () => {
    const uri = 'file:///work/app/complete.json';
    await client.open(uri, '{"containerDefinitions": [], "networkMode": ""}');
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 45 },
    })) as CompletionList;
    expect(list.items.map((i) => i.label)).toEqual(['awsvpc', 'bridge', 'host', 'none']);
    expect(list.items[0].textEdit).toEqual({
      range: { start: { line: 0, character: 44 }, end: { line: 0, character: 46 } },
      newText: '"awsvpc"',
    });
  });

  it('answers hover', async () => {
    const uri = 'file:///work/app/taskdef.json';
    const result = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 7, character: 9 },
    })) as Hover;
    expect((result.contents as { value: string }).value).toMatch(/^\*\*secrets\*\*: array of Secret/);
  });

  it('publishes nothing for JSON files that are not task definitions', async () => {
    await client.open('file:///work/app/package.json', '{"name": "app", "version": "1.0.0"}');
    await client.open('file:///work/app/after.json', '{"containerDefinitions": [{}]}');
    await client.diagnostics('file:///work/app/after.json');
    expect(client.published.filter((p) => p.uri.endsWith('package.json'))).toEqual([]);
    const list = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: 'file:///work/app/package.json' },
      position: { line: 0, character: 1 },
    });
    expect((list as CompletionList).items).toEqual([]);
  });

  it('clears diagnostics when a document is closed', async () => {
    const uri = 'file:///work/app/after.json';
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
  });

  it('writes nothing to stderr in normal operation', () => {
    expect(client.stderr).toEqual([]);
  });
});

describe('language server with a minimal client', () => {
  it('reads settings from initializationOptions when the client has no workspace/configuration', async () => {
    const client = await startClient({
      capabilities: {},
      initializationOptions: { ecsTaskDef: { rules: { 'type-mismatch': 'off', 'arn-malformed': 'warning' } } },
    });
    const uri = 'file:///minimal/taskdef.json';
    await client.open(uri, TASK);
    const { diagnostics } = await client.diagnostics(uri);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['execution-role-missing', 1],
      ['arn-malformed', 2],
    ]);
    expect(client.configurationRequests).toEqual([]);
    // Without markdown support, hover is plain text.
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 7, character: 9 },
    })) as Hover;
    expect(hover.contents).toMatchObject({ kind: 'plaintext' });
    expect((hover.contents as { value: string }).value).toMatch(/^secrets: array of Secret/);
    // Without snippet support, completion inserts plain text.
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 5, character: 8 },
    })) as CompletionList;
    expect(list.items.every((i) => i.insertTextFormat !== 2)).toBe(true);
    // Without CodeAction literal support, a quick fix is a Command; running it makes the server
    // send the edit with workspace/applyEdit.
    const [command] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    })) as Command[];
    expect(command).toMatchObject({ title: 'Add "executionRoleArn"', command: 'ecsTaskDef.applyEdit' });
    const applied: WorkspaceEdit[] = [];
    client.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      applied.push(params.edit);
      return { applied: true };
    });
    expect(
      await client.connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: command.arguments }),
    ).toBe(true);
    expect(applied[0].changes![uri][0].newText).toBe('  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",\n');
    expect(await client.stop()).toBe(0);
  });
});

describe('server command line', () => {
  it('prints its version and help, and refuses to start without a transport', () => {
    expect(execFileSync(process.execPath, [SERVER, '--version']).toString().trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(execFileSync(process.execPath, [SERVER, '--help']).toString()).toContain('--stdio');
    const bare = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('choose a transport');
    expect(bare.stdout).toBe('');
  });
});

export type { Diagnostic };

describe('language server with a UTF-8 client', () => {
  const text =
    '{\n  "family": "café-😀", "cpu": 256,\n  "containerDefinitions": [{ "name": "app", "image": "nginx", "essential": "true" }]\n}\n';
  /** A UTF-8 (byte) column of line 1 as a string index. */
  const index = (line: string, bytes: number) => {
    let i = 0;
    let b = 0;
    for (const char of line) {
      if (b >= bytes) break;
      b += Buffer.byteLength(char);
      i += char.length;
    }
    return i;
  };

  it('negotiates UTF-8 and counts bytes in every range, both ways', async () => {
    const client = await startClient({
      capabilities: {
        general: { positionEncodings: ['utf-8', 'utf-16'] },
        textDocument: {
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          hover: { contentFormat: ['markdown'] },
        },
      },
      settings: { aws: { enabled: false } },
    });
    const uri = 'file:///utf8/taskdef.json';
    await client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri);
    const line = text.split('\n')[1];
    const bytes = Buffer.byteLength(line.slice(0, line.indexOf('256')));
    const cpu = diagnostics.find((d) => d.code === 'type-mismatch' && d.range.start.line === 1)!;
    expect(cpu.range).toEqual({ start: { line: 1, character: bytes }, end: { line: 1, character: bytes + 3 } });
    expect(index(line, cpu.range.start.character)).toBe(line.indexOf('256'));

    const [fix] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: cpu.range,
      context: { diagnostics: [cpu] },
    })) as CodeAction[];
    const [edit] = fix.edit!.changes![uri];
    expect(edit).toEqual({ range: cpu.range, newText: '"256"' });

    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: bytes + 1 },
    })) as Hover;
    expect(hover.range).toEqual(cpu.range);
    expect(await client.stop()).toBe(0);
  });
});
