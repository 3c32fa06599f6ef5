// The built server over --stdio with YAML task definitions and CloudFormation templates, as an
// editor sends them (language ids yaml and cloudformation), with the local AWS endpoint for ARNs.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLocalAws } from '../helpers/localAws';
import { startClient, type LspClient } from '../helpers/lspClient';

const YAML_URI = 'file:///work/svc/taskdef.yaml';
const YAML_TASK = `family: svc
containerDefinitions:
  - name: app
    image: nginx
    memory: "512"
    secrets:
      - name: DB
        valueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter:/prod/db
      - name: CACHE
        valueFrom: 
`;

const TEMPLATE_URI = 'file:///work/svc/service.template';
const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ExecutionRoleArn: !GetAtt Role.Arn
      TaskRoleArn: arn:aws:iam::111122223333:role/task
      ContainerDefinitions:
        - Name: app
          Image: !Ref Image
          Secrets:
            - Name: DB
              ValueFrom: !Sub "arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/prod/redis-urll"
            - Name: CACHE
              ValueFrom: 
`;

const fake = useLocalAws((account) => {
  account.secrets = [{ name: 'prod/db' }];
  account.parameters = [{ name: '/prod/redis-url', type: 'SecureString' }];
});

describe('language server with YAML and CloudFormation', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await startClient({ env: fake.env() });
  });
  /** The account's lists have loaded (the local account is seeded before each test) once a reference is found missing. */
  const catalogLoaded = () => client.diagnostics(TEMPLATE_URI, (p) => p.diagnostics.some((d) => d.code === 'reference-not-found'));
  afterAll(async () => expect(await client?.stop()).toBe(0));

  it('publishes diagnostics for a YAML task definition at the right ranges, and applies a fix in YAML', async () => {
    // Opened here, not before all tests: the local account is seeded before each test, and opening
    // a task definition starts the listing.
    await client.open(YAML_URI, YAML_TASK);
    await client.open(TEMPLATE_URI, TEMPLATE, 1, 'cloudformation');
    const { diagnostics } = await client.diagnostics(YAML_URI, (p) => p.diagnostics.length > 0);
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character])).toEqual([
      ['type-mismatch', 4, 12, 17],
      ['execution-role-missing', 5, 4, 11],
      ['arn-malformed', 7, 19, 72],
      // An empty value is null in YAML, which the AWS CLI refuses.
      ['describe-output', 9, 8, 17],
    ]);
    const arn = diagnostics[2];
    const [action] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: YAML_URI },
      range: arn.range,
      context: { diagnostics: [arn] },
    })) as CodeAction[];
    const fixed = TextDocument.applyEdits(
      TextDocument.create(YAML_URI, 'yaml', 1, YAML_TASK),
      action.edit!.changes![YAML_URI] as TextEdit[],
    );
    expect(fixed).toBe(YAML_TASK.replace('parameter:/prod/db', 'parameter/prod/db'));
  });

  it('completes an ARN in an empty YAML valueFrom as a plain scalar', async () => {
    await catalogLoaded();
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: YAML_URI },
      position: { line: 9, character: 19 },
    })) as CompletionList;
    const parameter = list.items.find((i) => i.label === '/prod/redis-url')!;
    expect(parameter.textEdit).toEqual({
      range: { start: { line: 9, character: 19 }, end: { line: 9, character: 19 } },
      newText: fake.parameterArn('/prod/redis-url'),
    });
  });

  it('checks a CloudFormation template (language id cloudformation) against the account, through !Sub', async () => {
    const { diagnostics } = await catalogLoaded();
    const [reference] = diagnostics.filter((d) => d.code === 'reference-not-found');
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.message])).toEqual([
      // An EC2 task (no RequiresCompatibilities) with no memory anywhere.
      [
        'container-memory',
        8,
        'Container "app" has neither "Memory" nor "MemoryReservation", and the task has no task-level "Memory"; ECS rejects it ("At least one of \'memory\' or \'memoryReservation\' must be specified."). Give the container a "MemoryReservation" or "Memory", or the task a "Memory".',
      ],
      [
        'reference-not-found',
        12,
        'Parameter "/prod/redis-urll" was not found in 111122223333/eu-west-1. Check the name or the active profile. Closest: "/prod/redis-url".',
      ],
      // CloudFormation refuses a null property value.
      ['type-mismatch', 14, '"ValueFrom" must be a string, not null.'],
    ]);
    const [action] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: TEMPLATE_URI },
      range: reference.range,
      context: { diagnostics: [reference] },
    })) as CodeAction[];
    const fixed = TextDocument.applyEdits(
      TextDocument.create(TEMPLATE_URI, 'cloudformation', 1, TEMPLATE),
      action.edit!.changes![TEMPLATE_URI] as TextEdit[],
    );
    expect(fixed).toBe(TEMPLATE.replace('redis-urll', 'redis-url'));
  });

  it('completes ARNs in a template, with the !Sub form for the stack’s own account and region', async () => {
    await catalogLoaded();
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: TEMPLATE_URI },
      position: { line: 14, character: 25 },
    })) as CompletionList;
    expect(list.items.map((i) => [i.label, i.textEdit!.newText])).toEqual([
      ['prod/db', fake.secretArn('prod/db')],
      ['prod/db:json-key::', `"${fake.secretArn('prod/db')}:\${1:json-key}::"`],
      [
        'prod/db (!Sub)',
        `!Sub "arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:${fake.secretArn('prod/db').split(':secret:')[1]}"`,
      ],
      ['/prod/redis-url', fake.parameterArn('/prod/redis-url')],
      ['/prod/redis-url (!Sub)', '!Sub "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/prod/redis-url"'],
    ]);
  });

  it('hovers a CloudFormation member', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: TEMPLATE_URI },
      position: { line: 5, character: 10 },
    })) as Hover;
    expect((hover.contents as { value: string }).value.split('\n')[0]).toBe('**executionRoleArn**: string');
  });
});
