// The built server under abuse over --stdio: thousands of random edits of real documents with
// requests at random positions after each, requests it cannot answer sensibly, and the end of its
// client. It must never crash, answer every request, and keep every range inside the document.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, Hover, Range } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { LSP_IN_PROCESS, startClient } from '../helpers/lspClient';

const root = join(__dirname, '../..');
const corpus = join(root, '../shared/corpus/files');
const sources = [
  ...readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(root, 'examples', f)),
  ...readdirSync(join(root, 'test/fixtures/taskdefs')).map((f) => join(root, 'test/fixtures/taskdefs', f)),
  ...safeList(corpus)
    .slice(0, 12)
    .map((f) => join(corpus, f)),
];
export const EDITS = Number(process.env.FUZZ_EDITS ?? 2000);

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A small deterministic generator, so that a failure can be replayed with the same seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  'null',
  'true',
  '-1',
  '1e999',
  '"secrets"',
  '"valueFrom": "arn:aws:ssm:eu-west-1:1:parameter//x"',
  '"taskDefinition": {',
  '"containerDefinitions": [',
  'é',
  '😀',
  '\u0000',
  '\\',
  '\n',
  '\r\n',
  '/*',
  '//',
  ' '.repeat(50),
  '[[[[[[[[[[',
  '"family": "f", "family": 1',
];

function inside(range: Range, doc: TextDocument): boolean {
  const lines = doc.lineCount;
  const ok = (p: { line: number; character: number }) =>
    p.line >= 0 &&
    p.line < lines &&
    p.character >= 0 &&
    doc.offsetAt(p) === doc.offsetAt(doc.positionAt(doc.offsetAt(p))) &&
    p.character <= doc.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).length;
  return ok(range.start) && ok(range.end);
}

function rangesOf(value: unknown, found: Range[] = []): Range[] {
  if (Array.isArray(value)) value.forEach((v) => rangesOf(v, found));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.start && o.end && typeof (o.start as { line?: unknown }).line === 'number') found.push(o as unknown as Range);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') rangesOf(v, found);
  }
  return found;
}

describe('server under random edits', () => {
  it(`survives ${EDITS} random edits with requests after each, every range inside the document`, async () => {
    const client = await startClient({ settings: { aws: { enabled: false } } });
    const rng = random(Number(process.env.FUZZ_SEED ?? 20261127));
    let checked = 0;
    /** Every version sent, to check each published diagnostic against the text it was computed on. */
    const versions = new Map<string, TextDocument>();
    for (let edit = 0; edit < EDITS;) {
      const source = rng.pick(sources);
      const uri = `file:///fuzz/${edit}/taskdef.json`;
      let doc = TextDocument.create(uri, 'json', 1, readFileSync(source, 'utf8'));
      versions.set(`${uri}@1`, doc);
      await client.open(uri, doc.getText());
      for (let step = 0; step < 25 && edit < EDITS; step++, edit++) {
        const text = doc.getText();
        const start = rng.int(text.length + 1);
        const end = Math.min(text.length, start + (rng.next() < 0.5 ? 0 : rng.int(40)));
        const kind = rng.int(4);
        const insert =
          kind === 0
            ? ''
            : kind === 1
              ? rng.pick(TOKENS)
              : kind === 2
                ? text.slice(rng.int(text.length), rng.int(text.length))
                : rng.pick(TOKENS).repeat(rng.int(5));
        const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
        doc = TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
        versions.set(`${uri}@${doc.version}`, doc);
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: doc.version },
          contentChanges: [{ range, text: insert }],
        });
        // A position anywhere, sometimes past the end of the document.
        const position = rng.next() < 0.1 ? { line: doc.lineCount + 5, character: 999 } : doc.positionAt(rng.int(doc.getText().length + 1));
        const [completion, hover, actions] = await Promise.all([
          client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }) as Promise<CompletionList | null>,
          client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>,
          client.connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: position, end: position },
            context: { diagnostics: client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? [] },
          }) as Promise<CodeAction[] | null>,
        ]);
        for (const range of rangesOf([completion, hover])) expect(inside(range, doc), JSON.stringify(range)).toBe(true);
        for (const action of actions ?? [])
          for (const range of rangesOf(action.edit)) expect(inside(range, doc), `${action.title} ${JSON.stringify(range)}`).toBe(true);
        checked++;
      }
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    expect(checked).toBe(EDITS);
    // Every diagnostic published lies inside the version it was computed on.
    await client.connection.sendRequest('ecsTaskDef/serverStats');
    for (const publish of client.published.filter((p) => p.version !== undefined)) {
      const doc = versions.get(`${publish.uri}@${publish.version}`)!;
      for (const d of publish.diagnostics as Diagnostic[]) expect(inside(d.range, doc), `${d.code} ${JSON.stringify(d.range)}`).toBe(true);
    }
    expect(client.stderr).toEqual([]);
    expect(await client.stop()).toBe(0);
  }, 600_000);
});

describe('server protocol robustness', () => {
  it('answers requests about documents it never saw, past the end, and changes to unopened ones', async () => {
    const client = await startClient({ settings: { aws: { enabled: false } } });
    const uri = 'file:///never/opened.json';
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: '{}' }],
    });
    expect(
      await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }),
    ).toBeNull();
    expect(
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 9 } }),
    ).toBeNull();
    expect(
      await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      }),
    ).toBeNull();
    const open = 'file:///opened/taskdef.json';
    await client.open(open, '{"containerDefinitions": []}');
    const far = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: open },
      position: { line: 1000, character: 1000 },
    });
    expect(far).toMatchObject({ items: [] });
    expect(
      await client.connection.sendRequest('workspace/executeCommand', {
        command: 'ecsTaskDef.generateExecutionRolePolicy',
        arguments: [uri],
      }),
    ).toBeNull();
    expect(await client.stop()).toBe(0);
  });

  it('answers a cancelled request with an error or a result, and goes on', async () => {
    const client = await startClient({ settings: { aws: { enabled: false } } });
    const uri = 'file:///cancel/taskdef.json';
    await client.open(uri, readFileSync(join(root, 'examples/worker-secrets-mistakes.json'), 'utf8'));
    const { CancellationTokenSource } = await import('vscode-jsonrpc');
    for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/codeAction']) {
      const source = new CancellationTokenSource();
      const params =
        method === 'textDocument/codeAction'
          ? {
              textDocument: { uri },
              range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
              context: { diagnostics: [] },
            }
          : { textDocument: { uri }, position: { line: 1, character: 3 } };
      const request = client.connection.sendRequest(method, params, source.token);
      source.cancel();
      await request.then(
        () => undefined,
        (error: { code?: number }) => expect(error.code).toBe(-32800),
      );
    }
    expect(
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }),
    ).not.toBeNull();
    expect(await client.stop()).toBe(0);
  });

  // A client that dies is a closed pipe to a process of its own, which the in-process server of
  // mutation runs does not have.
  it.skipIf(LSP_IN_PROCESS)('refuses requests after shutdown and exits when its client dies', async () => {
    const client = await startClient({ settings: { aws: { enabled: false } } });
    await client.connection.sendRequest('shutdown');
    const after = await client.connection
      .sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.json' }, position: { line: 0, character: 0 } })
      .then(
        () => 'answered',
        (error: { code?: number }) => error.code,
      );
    expect(after).toBe(-32600);
    await client.connection.sendNotification('exit');

    // The client goes away without shutdown: the server must not outlive it.
    const orphan = await startClient({ settings: { aws: { enabled: false } } });
    const exited = new Promise<number | null>((resolve) => orphan.process!.on('exit', resolve));
    orphan.process!.stdin!.destroy();
    expect(await exited).not.toBeUndefined();
  });
});
