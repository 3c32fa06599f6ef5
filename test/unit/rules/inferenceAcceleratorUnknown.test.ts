import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const task = (accelerators: string, value: string) =>
  JSON.stringify({
    family: 'model',
    ...(accelerators ? { inferenceAccelerators: JSON.parse(accelerators) } : {}),
    containerDefinitions: [{ name: 'app', image: 'model', memory: 512, resourceRequirements: [{ type: 'InferenceAccelerator', value }] }],
  });

describe('inference-accelerator-unknown', () => {
  it('reports a device name the task does not declare, with the close one as a fix', () => {
    const text = task('[{ "deviceName": "device_1", "deviceType": "eia2.medium" }]', 'device_2');
    const finding = onlyFindingOf('inference-accelerator-unknown', text);
    expect(textAt(text, finding)).toBe('"device_2"');
    expect(finding.message).toBe(
      'The InferenceAccelerator requirement "device_2" of container "app" names no device of the task\'s "inferenceAccelerators"; ECS has no accelerator to give it and refuses the task definition. Did you mean "device_1"?',
    );
    expect(applyFix(text, finding, 'Change to "device_1"')).toBe(
      task('[{ "deviceName": "device_1", "deviceType": "eia2.medium" }]', 'device_1'),
    );
  });

  it('reports any device name when the task declares none', () => {
    expect(onlyFindingOf('inference-accelerator-unknown', task('', 'device_1')).message).toContain(
      'names no device: the task has no "inferenceAccelerators"',
    );
  });

  it('accepts a declared device, a placeholder, and a GPU requirement', () => {
    expect(
      findingsOf('inference-accelerator-unknown', task('[{ "deviceName": "device_1", "deviceType": "eia2.medium" }]', 'device_1')),
    ).toEqual([]);
    expect(
      findingsOf('inference-accelerator-unknown', task('[{ "deviceName": "${device}", "deviceType": "eia2.medium" }]', 'device_1')),
    ).toEqual([]);
    expect(findingsOf('inference-accelerator-unknown', task('', '${device}'))).toEqual([]);
    const gpu = JSON.stringify({
      family: 'model',
      containerDefinitions: [{ name: 'app', image: 'model', memory: 512, resourceRequirements: [{ type: 'GPU', value: '1' }] }],
    });
    expect(findingsOf('inference-accelerator-unknown', gpu)).toEqual([]);
  });

  it('offers no fix when no declared device is close', () => {
    const finding = onlyFindingOf(
      'inference-accelerator-unknown',
      task('[{ "deviceName": "device_1", "deviceType": "eia2.medium" }]', 'accelerator-for-the-model'),
    );
    expect(finding.message).toBe(
      'The InferenceAccelerator requirement "accelerator-for-the-model" of container "app" names no device of the task\'s "inferenceAccelerators"; ECS has no accelerator to give it and refuses the task definition.',
    );
    expect(finding.fixes).toBeUndefined();
  });

  it('judges a Terraform resource by its inference_accelerator blocks', () => {
    const tf = (block: string) =>
      `resource "aws_ecs_task_definition" "m" {\n  family = "m"\n${block}  container_definitions = jsonencode([{ name = "app", image = "model", memory = 512, resourceRequirements = [{ type = "InferenceAccelerator", value = "device_1" }] }])\n}\n`;
    expect(findingsOf('inference-accelerator-unknown', tf(''), {}, {}, 'main.tf').map((f) => f.message)).toEqual([
      'The InferenceAccelerator requirement "device_1" of container "app" names no device: the task has no "inference_accelerator"; ECS has no accelerator to give it and refuses the task definition.',
    ]);
    expect(
      findingsOf(
        'inference-accelerator-unknown',
        tf('  inference_accelerator {\n    device_name = "device_1"\n    device_type = "eia2.medium"\n  }\n'),
        {},
        {},
        'main.tf',
      ),
    ).toEqual([]);
  });

  it("judges a container file by the accelerators of the Terraform resource that reads it, in Terraform's name", () => {
    const array =
      '[{ "name": "app", "image": "model", "memory": 512, "resourceRequirements": [{ "type": "InferenceAccelerator", "value": "device_1" }] }]';
    const linkedTask = { resource: 'aws_ecs_task_definition.m', source: 'main.tf', members: { inferenceAccelerators: [] } };
    expect(findingsOf('inference-accelerator-unknown', array, {}, { linkedTask }, 'containers.json').map((f) => f.message)).toEqual([
      'The InferenceAccelerator requirement "device_1" of container "app" names no device: the task has no "inference_accelerator"; ECS has no accelerator to give it and refuses the task definition.',
    ]);
  });
});
