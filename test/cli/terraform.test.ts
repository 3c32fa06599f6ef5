// ecs-taskdef-lint over Terraform: .tf files found in a directory, a JSON file that a resource reads
// with file() judged with that resource's execution role and network mode, and --fix writing HCL.
// The built bundle, real files, as CI runs it (hcl.js and the .wasm files beside lint.js).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint as runLinter } from '../helpers/lintRun';

const lint = (args: string[], cwd: string) => runLinter(['--offline', ...args], { cwd });

const CONTAINERS = JSON.stringify(
  [
    {
      name: 'web',
      image: 'nginx',
      memory: 512,
      portMappings: [{ containerPort: 80, hostPort: 8080 }],
      secrets: [{ name: 'DB', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/db' }],
    },
  ],
  null,
  2,
);

function repository(resourceBody: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-tf-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'infra', 'tasks'), { recursive: true });
  writeFileSync(
    join(dir, 'infra', 'ecs.tf'),
    `resource "aws_ecs_task_definition" "web" {\n  family = "web"\n${resourceBody}  container_definitions = file("\${path.module}/tasks/web.json")\n}\n`,
  );
  writeFileSync(join(dir, 'infra', 'tasks', 'web.json'), CONTAINERS);
  return dir;
}

describe('ecs-taskdef-lint and Terraform', () => {
  it('judges a container file with the resource that reads it, named in the message', async () => {
    const dir = repository('  network_mode = "awsvpc"\n');
    const run = await lint(['.'], dir);
    expect(run.stdout.split('\n').filter((l) => l.includes(': error '))).toEqual([
      'infra/tasks/web.json:9:21: error awsvpc-port-mapping: Container "web" maps "hostPort" 8080 to "containerPort" 80, but with "network_mode" "awsvpc" the two must match (or "hostPort" be left out); ECS rejects the task definition ("When networkMode=awsvpc, the host ports and container ports in port mappings must match.").',
      'infra/tasks/web.json:12:5: error execution-role-missing: Container "web" has "secrets" to fetch, which ECS does with the task\'s execution role, but aws_ecs_task_definition.web (../ecs.tf), whose container definitions these are, has no "execution_role_arn".',
    ]);
    expect(run.status).toBe(1);
  });

  it('takes a role given by reference in the resource as present', async () => {
    const dir = repository('  execution_role_arn = aws_iam_role.exec.arn\n');
    const run = await lint(['--format', 'json', 'infra/tasks/web.json'], dir);
    expect((JSON.parse(run.stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('fixes a .tf file in place, writing HCL and touching nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-tf-'));
    const text =
      'resource "aws_ecs_task_definition" "web" {\r\n  family             = "web"\r\n  execution_role_arn = "arn:aws:iam::111122223333:role/exec"\r\n  container_definitions = jsonencode([{\r\n    name   = "web"\r\n    image  = "nginx"\r\n    memory = 512\r\n    secrets = [{ name = "DB", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter:db" }]\r\n  }])\r\n}\r\n';
    writeFileSync(join(dir, 'main.tf'), text);
    const run = await lint(['--fix', 'main.tf'], dir);
    expect(readFileSync(join(dir, 'main.tf'), 'utf8')).toBe(text.replace('parameter:db', 'parameter/db'));
    expect(run.status).toBe(0);
  });

  it('skips a .tf file without a task definition, broken or not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-tf-'));
    writeFileSync(join(dir, 'bucket.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket =\n');
    const run = await lint(['.'], dir);
    expect(run.stdout).toBe('0 errors, 0 warnings, 0 information in 0 task definition files.\n');
    expect(run.status).toBe(0);
  });
});
