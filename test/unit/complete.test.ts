import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../helpers/fakeCatalog';
import { accept, complete } from '../helpers/taskdef';

const labels = (textWithCursor: string) => complete(textWithCursor).list.items.map((i) => i.label);

describe('completion of property names', () => {
  it('offers the task members not yet present, required ones first, at the root', () => {
    const { list } = complete('{\n  "|",\n  "containerDefinitions": []\n}');
    const names = list.items.map((i) => i.label);
    expect(names).toContain('executionRoleArn');
    expect(names).not.toContain('containerDefinitions');
    expect(list.items.find((i) => i.label === 'networkMode')!.detail).toBe('NetworkMode (string)');
    const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(sorted[0].label).toBe('family');
    expect(sorted[0].detail).toBe('string (required)');
  });

  it('inserts the name with a value snippet of the right type, replacing the typed key', () => {
    const { list, text } = complete('{"family": "f", "containerDefinitions": [{"name": "c", "me|"}]}');
    const memory = list.items.find((i) => i.label === 'memory')!;
    expect(accept(text, memory)).toBe('{"family": "f", "containerDefinitions": [{"name": "c", "memory": ${1:0}}]}');
    const secrets = list.items.find((i) => i.label === 'secrets')!;
    expect(accept(text, secrets)).toBe('{"family": "f", "containerDefinitions": [{"name": "c", "secrets": [$1]}]}');
    const network = complete('{"containerDefinitions": [], "|"}');
    expect(
      accept(
        network.text,
        network.list.items.find((i) => i.label === 'networkMode')!,
      ),
    ).toBe('{"containerDefinitions": [], "networkMode": "${1|awsvpc,bridge,host,none|}"}');
  });

  it('inserts only the name when the key already has a value', () => {
    const { list, text } = complete('{"containerDefinitions": [], "netw|": "awsvpc"}');
    expect(
      accept(
        text,
        list.items.find((i) => i.label === 'networkMode')!,
      ),
    ).toBe('{"containerDefinitions": [], "networkMode": "awsvpc"}');
  });

  it('offers plain text to clients without snippets', () => {
    const { list, text } = complete('{"containerDefinitions": [], "|"}', { snippets: false, markdown: false });
    expect(
      accept(
        text,
        list.items.find((i) => i.label === 'cpu')!,
      ),
    ).toBe('{"containerDefinitions": [], "cpu": ""}');
    expect(list.items[0].insertTextFormat).toBe(1);
  });

  it('works at any depth: secrets entries, log configuration, port mappings', () => {
    expect(labels('{"containerDefinitions": [{"secrets": [{"|"}]}]}')).toEqual(['name', 'valueFrom']);
    expect(labels('{"containerDefinitions": [{"logConfiguration": {|}}]}')).toEqual(['logDriver', 'options', 'secretOptions']);
    expect(labels('{"containerDefinitions": [{"portMappings": [{"containerPort": 80, "|"}]}]}')).toContain('protocol');
  });

  it('works inside describe output and container-definition arrays', () => {
    expect(labels('{"taskDefinition": {"containerDefinitions": [{"|"}]}}')).toContain('image');
    expect(complete('[{"name": "a", "|"}]', undefined, { containerDefinitionsFile: true }).list.items.map((i) => i.label)).toContain(
      'secrets',
    );
  });

  it('keeps completing while a new key above another has no comma yet', async () => {
    const { service, cursor } = await import('../helpers/taskdef');
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const before = '{\n  "family": "web",\n  "containerDefinitions": []\n}';
    const uri = 'file:///typing/taskdef.json';
    service.parse(TextDocument.create(uri, 'json', 1, before), {});
    const { text, offset } = cursor('{\n  "family": "web",\n  "ne|"\n  "containerDefinitions": []\n}');
    const doc = TextDocument.create(uri, 'json', 2, text);
    const items = service
      .complete(doc, {}, doc.positionAt(offset), { snippets: true, markdown: true }, { reportSyntaxErrors: true })
      .items.map((i) => i.label);
    expect(items).toContain('networkMode');
    expect(items).not.toContain('family');
  });

  it('offers nothing outside task definitions or for unknown objects', () => {
    expect(labels('{"name": "pkg", "|"}')).toEqual([]);
    expect(labels('{"containerDefinitions": [{"dockerLabels": {"|"}}]}')).toEqual([]);
  });
});

describe('completion of values', () => {
  it('offers enum values and replaces the whole string', () => {
    const { list, text } = complete('{"containerDefinitions": [], "networkMode": "aw|s"}');
    expect(list.items.map((i) => i.label)).toEqual(['awsvpc', 'bridge', 'host', 'none']);
    expect(accept(text, list.items[0])).toBe('{"containerDefinitions": [], "networkMode": "awsvpc"}');
  });

  it('inserts quoted values where no string is typed yet', () => {
    const { list, text } = complete('{"containerDefinitions": [{"logConfiguration": {"logDriver": |}}]}');
    expect(
      accept(
        text,
        list.items.find((i) => i.label === 'awslogs')!,
      ),
    ).toBe('{"containerDefinitions": [{"logConfiguration": {"logDriver": "awslogs"}}]}');
  });

  it('offers enum values inside arrays and booleans', () => {
    expect(labels('{"containerDefinitions": [], "requiresCompatibilities": ["|"]}')).toEqual([
      'EC2',
      'EXTERNAL',
      'FARGATE',
      'MANAGED_INSTANCES',
    ]);
    expect(labels('{"containerDefinitions": [{"essential": |}]}')).toEqual(['true', 'false']);
    expect(labels('{"containerDefinitions": [{"image": "|"}]}')).toEqual([]);
  });
});

describe('completion of references while the catalog loads', () => {
  const task = (valueFrom: string) =>
    `{"containerDefinitions": [{"name": "c", "image": "i", "secrets": [{"name": "A", "valueFrom": "${valueFrom}"}]}]}`;
  const entries = [secret('prod/db'), parameter('/prod/url')];

  it('says the list is incomplete while the lists are still arriving, so that the client asks again', () => {
    const { list } = complete(task('|'), undefined, {}, undefined, { catalog: fakeCatalog(entries, { complete: false }) });
    expect([list.isIncomplete, list.items.map((i) => i.label)]).toEqual([true, ['prod/db', 'prod/db:json-key::', '/prod/url']]);
    const loaded = complete(task('|'), undefined, {}, undefined, { catalog: fakeCatalog(entries) }).list;
    expect(loaded.isIncomplete).toBe(false);
  });

  it('says the list is incomplete for a region whose lists have not loaded yet', () => {
    const { list } = complete(task('arn:aws:ssm:us-east-1:|'), undefined, {}, undefined, { catalog: fakeCatalog(entries) });
    expect([list.isIncomplete, list.items]).toEqual([true, []]);
  });
});
