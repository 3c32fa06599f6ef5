// Terraform: every aws_ecs_task_definition resource is checked, its attributes in snake_case and its
// containers in the API's names, whichever way container_definitions is written; expressions are
// judged only where their literal parts say enough, and fixes are written as HCL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze as analyzeAll, applyFix, complete, service, textAt } from '../../helpers/taskdef';

const analyze = (text: string, options = {}) => analyzeAll(text, options, {}, 'main.tf');
const run = (text: string, options = {}) => analyze(text, options).map((f) => [f.ruleId, textAt(text, f)]);

const resource = (body: string, name = 'web') => `resource "aws_ecs_task_definition" "${name}" {\n${body}}\n`;
const FARGATE = '  family = "web"\n  network_mode = "awsvpc"\n  requires_compatibilities = ["FARGATE"]\n  cpu = 256\n  memory = "512"\n';
const ROLE = '  execution_role_arn = "arn:aws:iam::111122223333:role/exec"\n';
const encoded = (container: string) => `  container_definitions = jsonencode([{ name = "web", image = "nginx", ${container} }])\n`;

describe('Terraform resources', () => {
  it('checks each resource block, and nothing else in the file', () => {
    const text = `variable "x" {}\n${resource(`${FARGATE}${ROLE}${encoded('portMappings = [{ containerPort = 80, hostPort = 81 }]')}`, 'a')}resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n${resource(`${FARGATE}${ROLE}${encoded('essential = false')}`, 'b')}`;
    expect(service.parse(TextDocument.create('file:///m/main.tf', 'terraform', 1, text), {}).subjects.map((s) => s.resource)).toEqual([
      'a',
      'b',
    ]);
    expect(run(text)).toEqual([
      ['awsvpc-port-mapping', 'hostPort = 81'.slice(11)],
      ['no-essential-container', 'essential = false'.slice(12)],
    ]);
  });

  it('accepts Terraform-only attributes, meta-arguments and HCL scalars at the resource level', () => {
    const text = resource(
      `${FARGATE}${ROLE}  count = 1\n  skip_destroy = true\n  tags = { team = "a" }\n  lifecycle {\n    create_before_destroy = true\n  }\n  runtime_platform {\n    operating_system_family = "LINUX"\n    cpu_architecture = "ARM64"\n  }\n${encoded('')}`,
    );
    expect(run(text)).toEqual([]);
  });

  it('checks resource-level values in the API shape, by their Terraform names', () => {
    const text = resource(
      `${FARGATE.replace('"awsvpc"', '"awsvcp"')}${ROLE}  runtime_platform {\n    cpu_architecture = "ARM"\n  }\n${encoded('')}`,
    );
    expect(analyze(text).map((f) => [f.ruleId, f.message])).toEqual([
      ['invalid-enum-value', '"awsvcp" is not a valid network_mode; allowed values: awsvpc, bridge, host, none.'],
      ['invalid-enum-value', '"ARM" is not a valid cpu_architecture; allowed values: ARM64, X86_64.'],
    ]);
  });

  it('reads repeated volume blocks as the task volumes, and a dynamic one as unknown', () => {
    const mount = encoded(
      'mountPoints = [{ sourceVolume = "data", containerPath = "/d" }, { sourceVolume = "cache", containerPath = "/c" }]',
    );
    const volumes = '  volume {\n    name = "data"\n  }\n  volume {\n    name = "logs"\n  }\n';
    expect(run(resource(`${FARGATE}${ROLE}${volumes}${mount}`))).toEqual([['volume-unknown', '"cache"']]);
    const dynamic = '  dynamic "volume" {\n    for_each = var.volumes\n    content {\n      name = volume.key\n    }\n  }\n';
    expect(run(resource(`${FARGATE}${ROLE}${dynamic}${mount}`))).toEqual([]);
  });

  it('counts a role given by reference as present, and reports a missing one with a fix written in HCL', () => {
    const secret = encoded('secrets = [{ name = "A", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/a" }]');
    expect(run(resource(`${FARGATE}  execution_role_arn = aws_iam_role.exec.arn\n${secret}`))).toEqual([]);
    const text = resource(`${FARGATE}${secret}`);
    const [finding] = analyze(text).filter((f) => f.ruleId === 'execution-role-missing');
    expect(finding.message).toContain('execution_role_arn');
    expect(applyFix(text, finding, 'Add "execution_role_arn"', 'main.tf')).toBe(
      resource(
        `  family = "web"\n  execution_role_arn = "arn:aws:iam::111122223333:role/ecsTaskExecutionRole"\n${FARGATE.slice(17)}${secret}`,
      ),
    );
  });

  it('judges a template by its literal parts, and fixes only them', () => {
    const text = resource(
      `${FARGATE}${ROLE}${encoded('secrets = [{ name = "A", valueFrom = "${aws_secretsmanager_secret.api.arn}:password" }, { name = "B", valueFrom = "arn:aws:ssm:${var.region}:${var.account}:parameter:db" }, { name = "C", valueFrom = aws_ssm_parameter.c.arn }]')}`,
    );
    const findings = analyze(text).filter((f) => f.ruleId === 'arn-malformed');
    expect(findings.map((f) => textAt(text, f))).toEqual([
      '"${aws_secretsmanager_secret.api.arn}:password"',
      '"arn:aws:ssm:${var.region}:${var.account}:parameter:db"',
    ]);
    expect(applyFix(text, findings[1], 'Write "parameter/"', 'main.tf')).toContain(
      'valueFrom = "arn:aws:ssm:${var.region}:${var.account}:parameter/db"',
    );
    expect(applyFix(text, findings[0], undefined, 'main.tf')).toContain('valueFrom = "${aws_secretsmanager_secret.api.arn}:password::"');
  });

  it('never takes a template account for another account, nor looks a managed secret up', () => {
    const text = resource(
      `${FARGATE}${ROLE}${encoded('secrets = [{ name = "A", valueFrom = "arn:aws:ssm:eu-west-1:${data.aws_caller_identity.me.account_id}:parameter/a" }, { name = "B", valueFrom = "${aws_secretsmanager_secret.b.arn}" }]')}`,
    );
    expect(run(text)).toEqual([]);
  });

  it('reads a JSON heredoc in place, with interpolations as values', () => {
    const text = resource(
      `${FARGATE}${ROLE}  container_definitions = <<-EOF\n    [{\n      "name": "web", "image": "\${var.image}", "memory": \${var.memory},\n      "secrets": [{ "name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter:db" }]\n    }]\n  EOF\n`,
    );
    const findings = analyze(text);
    expect(findings.map((f) => [f.ruleId, textAt(text, f)])).toEqual([
      ['arn-malformed', '"arn:aws:ssm:eu-west-1:111122223333:parameter:db"'],
    ]);
    expect(applyFix(text, findings[0], 'Write "parameter/"', 'main.tf')).toContain(
      '"valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/db"',
    );
  });

  it('leaves container definitions from file(), templatefile() and locals unjudged', () => {
    for (const value of [
      'file("containers.json")',
      'templatefile("c.json.tpl", { image = var.image })',
      'local.containers',
      '"[${local.web}]"',
    ]) {
      expect(run(resource(`${FARGATE}${ROLE}  container_definitions = ${value}\n`)), value).toEqual([]);
    }
  });

  it('expands a short parameter name inside jsonencode, in the task account and region', () => {
    const text = resource(
      `${FARGATE}${ROLE}${encoded('secrets = [{ name = "A", valueFrom = "/prod/db" }], logConfiguration = { logDriver = "awslogs", options = { "awslogs-region" = "eu-west-1", "awslogs-group" = "/ecs/web", "awslogs-stream-prefix" = "web" } }')}`,
    );
    const [finding] = analyze(text).filter((f) => f.ruleId === 'short-parameter-name');
    expect(applyFix(text, finding, "Expand to the parameter's ARN", 'main.tf')).toBe(
      text.replace('valueFrom = "/prod/db"', 'valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db"'),
    );
  });

  it('finds a plaintext secret in an environment entry', () => {
    const text = resource(`${FARGATE}${ROLE}${encoded('environment = [{ name = "DB_PASSWORD", value = "Tr0ub4dor&3xyzzy" }]')}`);
    expect(run(text)).toEqual([['plaintext-secret', '"Tr0ub4dor&3xyzzy"']]);
  });

  it('generates the execution role policy of the resource at the cursor', () => {
    const text = `${resource(`${FARGATE}${ROLE}${encoded('secrets = [{ name = "A", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/a" }]')}`, 'a')}${resource(`${FARGATE}${ROLE}${encoded('secrets = [{ name = "B", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/b" }]')}`, 'b')}`;
    const d = TextDocument.create('file:///m/policy.tf', 'terraform', 1, text);
    const policy = service.executionRolePolicy(d, {}, { reportSyntaxErrors: true }, d.positionAt(text.lastIndexOf('parameter/b')));
    expect(JSON.stringify(policy?.policy)).toContain('arn:aws:ssm:eu-west-1:111122223333:parameter/b');
    expect(JSON.stringify(policy?.policy)).not.toContain('parameter/a');
  });
});

describe('broken and hostile Terraform', () => {
  const fixtures = ['worker.tf', 'worker.heredoc.tf'].map((name) => readFileSync(join(__dirname, '../../fixtures/formats', name), 'utf8'));

  it('analyses every prefix of a real file, completes at its end, and never throws', () => {
    for (const text of fixtures) {
      for (let end = 0; end <= text.length; end += 13) {
        const prefix = text.slice(0, end);
        expect(() => analyze(prefix), `prefix of ${end}`).not.toThrow();
        expect(() => complete(`${prefix}|`, { snippets: true, markdown: true }, {}, 'main.tf'), `completion after ${end}`).not.toThrow();
      }
    }
  });

  it('reports a heredoc without its end marker, and a missing } in jsonencode, where they are', () => {
    const heredoc = resource(`${FARGATE}${ROLE}  container_definitions = <<EOF\n[{ "name": "web", "image": "nginx" }]\n`);
    expect(analyze(heredoc).map((f) => f.ruleId)).toContain('invalid-hcl');
    const brace = resource(`${FARGATE}${ROLE}  container_definitions = jsonencode([{ name = "web", image = "nginx" ])\n`);
    expect(analyze(brace).map((f) => f.ruleId)).toContain('invalid-hcl');
  });

  it('reports a document nested too deep once instead of parsing it', () => {
    const deep = resource(`  container_definitions = jsonencode(${'['.repeat(300)}${']'.repeat(300)})\n`);
    expect(analyze(deep).map((f) => f.ruleId)).toEqual(['analysis-limited']);
  });
});
