import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'awsvpc-port-mapping';

/** A JSON task definition with this networkMode member (ending in a comma) and these port mappings. */
const task = (networkMode: string, ...mappings: string[]) => `{
  "family": "web",
${networkMode}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "portMappings": [
${mappings.map((m) => `        ${m}`).join(',\n')}
      ]
    }
  ]
}
`;
const AWSVPC = '  "networkMode": "awsvpc",';
const run = (text: string, name?: string, hints = {}) => findingsOf(RULE, text, {}, hints, name).map((f) => [textAt(text, f), f.message]);

describe('awsvpc-port-mapping', () => {
  it('reports a hostPort other than the containerPort with awsvpc; the fix writes the container port', () => {
    const text = task(AWSVPC, '{ "containerPort": 80, "hostPort": 80 }', '{ "containerPort": 8080, "hostPort": 80, "protocol": "tcp" }');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(textAt(text, finding)).toBe('80');
    expect(finding.range.start.line).toBe(9);
    expect(finding.message).toBe(
      'Container "app" maps "hostPort" 80 to "containerPort" 8080, but with "networkMode" "awsvpc" the two must match (or "hostPort" be left out); ECS rejects the task definition ("When networkMode=awsvpc, the host ports and container ports in port mappings must match.").',
    );
    expect(finding.fixes?.map((f) => f.title)).toEqual(['Set "hostPort" to 8080']);
    expect(finding.fixes).toMatchObject([{ kind: 'replaceText', preferred: true }]);
    expect(applyFix(text, finding)).toBe(
      task(AWSVPC, '{ "containerPort": 80, "hostPort": 80 }', '{ "containerPort": 8080, "hostPort": 8080, "protocol": "tcp" }'),
    );
  });

  it('reports hostPort 0 too: with awsvpc it is left out or equal', () => {
    expect(run(task(AWSVPC, '{ "containerPort": 80, "hostPort": 0 }')).map(([at]) => at)).toEqual(['0']);
  });

  it('is quiet without hostPort, in other network modes or none, and for values it cannot read', () => {
    expect(run(task(AWSVPC, '{ "containerPort": 80 }'))).toEqual([]);
    expect(run(task('  "networkMode": "bridge",', '{ "containerPort": 80, "hostPort": 8080 }'))).toEqual([]);
    expect(run(task('', '{ "containerPort": 80, "hostPort": 8080 }'))).toEqual([]);
    expect(run(task('  "networkMode": "${mode}",', '{ "containerPort": 80, "hostPort": 8080 }'))).toEqual([]);
    // A string port is type-mismatch's in the API; a placeholder is not judged.
    expect(run(task(AWSVPC, '{ "containerPort": 80, "hostPort": "8080" }', '{ "containerPort": "${port}", "hostPort": 8080 }'))).toEqual(
      [],
    );
  });

  it('checks describe output, and not a container-definition array, whose network mode is set elsewhere', () => {
    const describeOutput =
      '{ "taskDefinition": { "family": "web", "networkMode": "awsvpc", "containerDefinitions": [ { "name": "app", "image": "nginx", "portMappings": [ { "containerPort": 80, "hostPort": 81 } ] } ] } }';
    expect(run(describeOutput).map(([at]) => at)).toEqual(['81']);
    const array = '[ { "name": "app", "image": "nginx", "portMappings": [ { "containerPort": 80, "hostPort": 81 } ] } ]';
    expect(run(array, undefined, { containerDefinitionsFile: true })).toEqual([]);
  });

  it("judges a container file by the network mode of the Terraform resource that reads it, in Terraform's name", () => {
    const array = '[ { "name": "app", "image": "nginx", "portMappings": [ { "containerPort": 80, "hostPort": 81 } ] } ]';
    const linkedTask = { resource: 'aws_ecs_task_definition.web', source: 'main.tf', members: { networkMode: 'awsvpc' } };
    expect(run(array, undefined, { linkedTask })).toEqual([
      [
        '81',
        'Container "app" maps "hostPort" 81 to "containerPort" 80, but with "network_mode" "awsvpc" the two must match (or "hostPort" be left out); ECS rejects the task definition ("When networkMode=awsvpc, the host ports and container ports in port mappings must match.").',
      ],
    ]);
  });

  it('judges a YAML task definition and fixes it in YAML', () => {
    const yaml = (hostPort: string) =>
      `family: web\nnetworkMode: awsvpc\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    portMappings:\n      - containerPort: 3000\n        hostPort: ${hostPort}\n`;
    const text = yaml('80');
    const findings = findingsOf(RULE, text, {}, {}, 'taskdef.yaml');
    expect(findings).toHaveLength(1);
    expect([textAt(text, findings[0]), findings[0].range.start.line]).toEqual(['80', 7]);
    expect(applyFix(text, findings[0], undefined, 'taskdef.yaml')).toBe(yaml('3000'));
  });

  it("judges CloudFormation in its own names with CloudFormation's string numbers; the fix writes a number", () => {
    const template = (networkMode: string, hostPort: string) =>
      `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: ${networkMode}\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n          PortMappings:\n            - ContainerPort: "80"\n              HostPort: ${hostPort}\n`;
    const text = template('awsvpc', '"8080"');
    const findings = findingsOf(RULE, text, {}, {}, 'template.yaml');
    expect(findings.map((f) => [textAt(text, f), f.message])).toEqual([
      [
        '"8080"',
        'Container "app" maps "HostPort" 8080 to "ContainerPort" 80, but with "NetworkMode" "awsvpc" the two must match (or "HostPort" be left out); ECS rejects the task definition ("When networkMode=awsvpc, the host ports and container ports in port mappings must match.").',
      ],
    ]);
    expect(findings[0].fixes?.map((f) => f.title)).toEqual(['Set "HostPort" to 80']);
    expect(applyFix(text, findings[0], undefined, 'template.yaml')).toBe(template('awsvpc', '80'));
    expect(run(template('awsvpc', '80'), 'template.yaml')).toEqual([]);
    expect(run(template('!Ref NetworkMode', '8080'), 'template.yaml')).toEqual([]);
    expect(run(template('awsvpc', '!Ref HostPort'), 'template.yaml')).toEqual([]);
  });
});
