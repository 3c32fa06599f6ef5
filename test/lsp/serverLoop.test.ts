// The less common paths of the server loop, driven over --stdio: an edit that arrives while an
// analysis waits on the client's settings, and settings that change while documents are open.
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { describe, expect, it, vi } from 'vitest';
import { SERVER_STATS_REQUEST } from '../../server/src/protocol';
import { startClient, type LspClient } from '../helpers/lspClient';

const URI = 'file:///work/loop/taskdef.json';
/** Findings: type-mismatch (memory as a string), execution-role-missing, arn-malformed. */
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
/** TASK with the memory fixed: no type-mismatch. */
const FIXED = TASK.replace('"memory": "512"', '"memory": 512');

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => [d.code, d.severity]);
const publishedFor = (client: LspClient, uri: string) => client.published.filter((p) => p.uri === uri);
const change = (client: LspClient, version: number, text: string) =>
  client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ text }] });

describe('server loop', () => {
  it('labels findings with the version of the text they were found in, when an edit arrives while settings are awaited', async () => {
    let asked!: () => void;
    const settingsRequested = new Promise<void>((resolve) => (asked = resolve));
    let answer!: () => void;
    const settingsAnswered = new Promise<void>((resolve) => (answer = resolve));
    const client = await startClient({
      answerConfiguration: async (params) => {
        asked();
        await settingsAnswered;
        return params.items.map(() => ({}));
      },
    });
    await client.open(URI, TASK);
    // The analysis of version 1 now waits on the settings; version 2 arrives meanwhile.
    await settingsRequested;
    await change(client, 2, FIXED);
    // A request answered after the change: the server has applied it before the settings come.
    await client.connection.sendRequest(SERVER_STATS_REQUEST);
    answer();
    const second = await client.diagnostics(URI, (p) => p.version === 2);
    // Version 3 is analysed well after the run of version 1 has ended: nothing of it can come later.
    await change(client, 3, TASK);
    const third = await client.diagnostics(URI, (p) => p.version === 3);
    expect(publishedFor(client, URI).map((p) => [p.version, codes(p)])).toEqual([
      [
        2,
        [
          ['execution-role-missing', 1],
          ['arn-malformed', 1],
        ],
      ],
      [
        3,
        [
          ['type-mismatch', 1],
          ['execution-role-missing', 1],
          ['arn-malformed', 1],
        ],
      ],
    ]);
    expect([second.version, third.version]).toEqual([2, 3]);
    expect(await client.stop()).toBe(0);
  });

  it('asks for the settings again on workspace/didChangeConfiguration and re-checks open documents with them', async () => {
    let settings: unknown = {};
    const client = await startClient({ answerConfiguration: (params) => params.items.map(() => settings) });
    await client.open(URI, TASK);
    const first = await client.diagnostics(URI);
    expect(codes(first)).toEqual([
      ['type-mismatch', 1],
      ['execution-role-missing', 1],
      ['arn-malformed', 1],
    ]);
    const requests = client.configurationRequests.length;
    settings = { rules: { 'type-mismatch': 'off', 'arn-malformed': 'warning' } };
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const next = await client.diagnostics(URI, (p) => client.published.indexOf(p) >= before);
    expect([next.version, codes(next)]).toEqual([
      1,
      [
        ['execution-role-missing', 1],
        ['arn-malformed', 2],
      ],
    ]);
    expect(client.configurationRequests.length).toBe(requests + 1);
    expect(await client.stop()).toBe(0);
  });

  // In this process, where the server's timers can be counted: a process that exits takes its
  // timers with it, but a client may wait between shutdown and exit, or never send exit.
  it('leaves no analysis pending at shutdown, and schedules none after it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const client = await startClient({ settings: { aws: { enabled: false } }, inProcess: true });
      await client.open(URI, TASK);
      // The open is answered by an analysis ANALYSIS_DELAY_MS later: a timer until then.
      await client.connection.sendRequest(SERVER_STATS_REQUEST);
      expect(vi.getTimerCount()).toBe(1);
      await client.connection.sendRequest('shutdown');
      await change(client, 2, FIXED);
      // Answered after the change before it: the change has been handled.
      await client.connection.sendRequest(SERVER_STATS_REQUEST);
      expect(vi.getTimerCount()).toBe(0);
      expect(publishedFor(client, URI)).toEqual([]);
      expect(await client.stop()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
