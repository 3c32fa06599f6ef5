// Completion and hover in Terraform files, at a `|` cursor: the text after accepting an item is what
// the user sees, written in HCL (or in JSON inside a container_definitions heredoc).
import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../helpers/fakeCatalog';
import { accept, complete, hover } from '../helpers/taskdef';

const catalog = fakeCatalog([secret('prod/db'), parameter('/prod/api-key')]);
const CAPS = { snippets: true, markdown: true };
const HEAD = 'resource "aws_ecs_task_definition" "web" {\n  family = "web"\n';
const containers = (inner: string) =>
  `${HEAD}  container_definitions = jsonencode([\n    {\n      name  = "web"\n      image = "nginx"\n${inner}    }\n  ])\n}\n`;

/** The text after accepting the item with this label (which must be offered exactly once). */
function accepted(textWithCursor: string, label: string): string {
  const { list, text } = complete(textWithCursor, CAPS, {}, 'main.tf', { catalog });
  const items = list.items.filter((i) => i.label === label);
  expect(
    items.map((i) => i.label),
    `${label} among ${list.items.map((i) => i.label).join(', ')}`,
  ).toEqual([label]);
  return accept(text, items[0]);
}

const hoverText = (text: string, options = {}) => JSON.stringify(hover(text, true, 'main.tf', options)?.contents ?? null);
const labels = (text: string) => complete(text, CAPS, {}, 'main.tf', { catalog }).list.items.map((i) => i.label);

describe('completion in Terraform', () => {
  it('inserts a secret ARN in valueFrom as an HCL string, replacing what is typed', () => {
    const text = containers('      secrets = [{ name = "A", valueFrom = "pro|" }]\n');
    expect(accepted(text, 'prod/db')).toBe(
      containers('      secrets = [{ name = "A", valueFrom = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-proddb" }]\n'),
    );
  });

  it('inserts a parameter ARN in a heredoc as JSON', () => {
    const heredoc = (value: string) =>
      `${HEAD}  container_definitions = <<EOF\n[{ "name": "web", "image": "nginx", "secrets": [{ "name": "A", "valueFrom": "${value}" }] }]\nEOF\n}\n`;
    expect(accepted(heredoc('/prod/a|'), '/prod/api-key')).toBe(heredoc('arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api-key'));
  });

  it('completes container members being typed, with HCL value snippets', () => {
    expect(accepted(containers('      ess|\n'), 'essential')).toBe(containers('      essential = ${1|true,false|}\n'));
    expect(accepted(containers('      |\n'), 'secrets')).toBe(containers('      secrets = [$1]\n'));
    expect(accepted(containers('      |\n'), 'logConfiguration')).toBe(containers('      logConfiguration = { $1 }\n'));
  });

  it('completes resource-level attributes by their snake_case names', () => {
    const text = `${HEAD}  netw|\n}\n`;
    expect(accepted(text, 'network_mode')).toBe(`${HEAD}  network_mode = "\${1|awsvpc,bridge,host,none|}"\n}\n`);
    expect(labels(`${HEAD}  |\n}\n`)).toContain('execution_role_arn');
    expect(labels(`${HEAD}  |\n}\n`)).not.toContain('family');
    expect(labels(`${HEAD}  |\n}\n`)).not.toContain('executionRoleArn');
  });

  it('completes the first attribute of a new resource, which tree-sitter cannot read yet', () => {
    const fresh = 'resource "aws_ecs_task_definition" "web" {\n  netw|\n}\n';
    expect(accepted(fresh, 'network_mode')).toBe(
      'resource "aws_ecs_task_definition" "web" {\n  network_mode = "${1|awsvpc,bridge,host,none|}"\n}\n',
    );
  });

  it('offers only the members not yet present in an object constructor', () => {
    expect(labels(containers('      secrets = [{ name = "A", | }]\n'))).toEqual(['valueFrom']);
  });

  it('completes enum values as HCL strings', () => {
    const text = `${HEAD}  network_mode = "|"\n}\n`;
    expect(accepted(text, 'awsvpc')).toBe(`${HEAD}  network_mode = "awsvpc"\n}\n`);
  });

  it('completes nothing outside task definition resources', () => {
    expect(labels('resource "aws_s3_bucket" "b" {\n  |\n}\n')).toEqual([]);
  });
});

describe('hover in Terraform', () => {
  it('shows a member by its Terraform name', () => {
    const text = `${HEAD}  network_m|ode = "awsvpc"\n}\n`;
    expect(hoverText(text)).toContain('network');
  });

  it('shows what the catalog knows of a reference', () => {
    const text = containers('      secrets = [{ name = "A", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/ap|i-key" }]\n');
    expect(hoverText(text, { catalog })).toContain('/prod/api-key');
  });
});
