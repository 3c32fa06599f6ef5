import { describe, expect, it } from 'vitest';
import { analyze, findingsOf, textAt } from '../../helpers/taskdef';

const hcl = (text: string) => findingsOf('invalid-hcl', text, {}, {}, 'main.tf');
const at = (text: string) => hcl(text).map((f) => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, textAt(text, f), f.message]);

const resource = (containers: string) =>
  `resource "aws_ecs_task_definition" "web" {\n  family = "web"\n  container_definitions = ${containers}\n}\n`;

describe('invalid-hcl', () => {
  it('reports a key given twice in a jsonencode object, at the second one', () => {
    const text = resource(
      'jsonencode([{\n    name = "web"\n    image = "nginx"\n    environment = []\n    environment = [{ name = "A", value = "1" }]\n  }])',
    );
    expect(at(text)).toEqual([
      ['7:5', 'environment', 'Invalid HCL: "environment" is given twice in this object; only one of the values is kept.'],
    ]);
  });

  it('reports a block that is never closed at its brace, and still checks the blocks before it', () => {
    const text =
      'resource "aws_ecs_task_definition" "web" {\n  family = "web"\n  network_mode = "awsvpc"\n  container_definitions = jsonencode([{ name = "web", image = "nginx", memory = 512, portMappings = [{ containerPort = 80, hostPort = 8080 }] }])\n}\n\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n';
    const findings = analyze(text, {}, {}, 'main.tf');
    expect(findings.map((f) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1])).toEqual([
      ['awsvpc-port-mapping', 4, 135],
      ['invalid-hcl', 7, 33],
    ]);
    expect(findings[1].message).toBe('Invalid HCL: This block is never closed: a "}" is missing.');
  });

  it('reports JSON errors inside a container_definitions heredoc where they are', () => {
    const text = resource('<<EOF\n[\n  { "name": "web" "image": "nginx" }\n]\nEOF');
    expect(at(text)).toEqual([['5:19', '"image"', 'Invalid HCL: In the container_definitions JSON: A comma is missing here.']]);
  });

  it('reads an interpolation outside a JSON string in a heredoc as a value, not an error', () => {
    const text = resource('<<EOF\n[\n  { "name": "web", "image": "nginx", "memory": ${var.memory} }\n]\nEOF');
    expect(hcl(text)).toEqual([]);
  });

  it('says nothing about a broken .tf file without a task definition', () => {
    expect(hcl('resource "aws_s3_bucket" "b" {\n  bucket =\n')).toEqual([]);
  });

  it('is for Terraform only: a broken JSON file that names the resource type gets invalid-json', () => {
    const json = '{ "family": "aws_ecs_task_definition", "containerDefinitions": [ ';
    expect(analyze(json).map((f) => f.ruleId)).toEqual(['invalid-json']);
  });

  it('never hangs or throws on a block that is never closed', () => {
    const text = 'resource "aws_ecs_task_definition" "web" {\n  family = "web"\n  container_definitions = jsonencode([{ name = "web"\n';
    expect(at(text)).toEqual([['1:42', '{', 'Invalid HCL: This block is never closed: a "}" is missing.']]);
  });
});
