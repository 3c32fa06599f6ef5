import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'fargate-unsupported';

/** A Fargate task definition in JSON: task-level members (JSON text ending in a comma) and one container's extra members. */
const fargate = (task: string, container = '') => `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
${task}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx"${container ? `,\n      ${container}` : ''}
    }
  ]
}
`;
const AWSVPC = '  "networkMode": "awsvpc",';

/** The findings of this rule as [text at the range, message]. */
const run = (text: string, name?: string) => findingsOf(RULE, text, {}, {}, name).map((f) => [textAt(text, f), f.message]);

describe('fargate-unsupported', () => {
  it('reports a networkMode other than awsvpc on its value; the fix sets awsvpc', () => {
    const text = fargate('  "networkMode": "bridge",');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(textAt(text, finding)).toBe('"bridge"');
    expect(finding.message).toBe('Fargate requires "networkMode" "awsvpc", not "bridge".');
    expect(finding.fixes?.map((f) => f.title)).toEqual(['Change to "awsvpc"']);
    expect(applyFix(text, finding)).toBe(fargate(AWSVPC));
  });

  it('reports a missing networkMode at requiresCompatibilities, and a null one at its key', () => {
    expect(run(fargate(''))).toEqual([
      ['"requiresCompatibilities"', 'Fargate requires "networkMode" "awsvpc"; this task has no "networkMode".'],
    ]);
    expect(run(fargate('  "networkMode": null,'))).toEqual([
      ['"networkMode"', 'Fargate requires "networkMode" "awsvpc"; this task has no "networkMode".'],
    ]);
  });

  it('leaves a misspelt mode or a placeholder to the rules that judge them', () => {
    expect(run(fargate('  "networkMode": "awsvpcc",'))).toEqual([]);
    expect(run(fargate('  "networkMode": "${network_mode}",'))).toEqual([]);
  });

  it('reports log drivers Fargate does not run on the driver value', () => {
    expect(run(fargate(AWSVPC, '"logConfiguration": { "logDriver": "json-file" }'))).toEqual([
      ['"json-file"', 'Fargate supports only the awslogs, splunk and awsfirelens log drivers, not "json-file" (container "app").'],
    ]);
    for (const driver of ['awslogs', 'splunk', 'awsfirelens', 'awslog']) {
      expect(run(fargate(AWSVPC, `"logConfiguration": { "logDriver": "${driver}" }`))).toEqual([]);
    }
  });

  it('reports each container member Fargate rejects on its key', () => {
    const members = [
      '"privileged": true',
      '"disableNetworking": true',
      '"links": ["db"]',
      '"hostname": "app"',
      '"dnsServers": ["10.0.0.2"]',
      '"dnsSearchDomains": ["corp"]',
      '"extraHosts": [{ "hostname": "db", "ipAddress": "10.0.0.3" }]',
      '"dockerSecurityOptions": ["no-new-privileges"]',
    ].join(',\n      ');
    expect(run(fargate(AWSVPC, members))).toEqual([
      ['"privileged"', 'Fargate does not run privileged containers: remove "privileged" from container "app".'],
      ['"disableNetworking"', 'Fargate does not support "disableNetworking": remove it from container "app".'],
      ['"links"', 'Fargate tasks use awsvpc, where containers reach each other on localhost: remove "links" from container "app".'],
      ['"hostname"', 'Fargate tasks use awsvpc, which does not take a container hostname: remove "hostname" from container "app".'],
      ['"dnsServers"', 'Fargate does not support "dnsServers": remove it from container "app".'],
      ['"dnsSearchDomains"', 'Fargate does not support "dnsSearchDomains": remove it from container "app".'],
      ['"extraHosts"', 'Fargate does not support "extraHosts": remove it from container "app".'],
      ['"dockerSecurityOptions"', 'Fargate does not support "dockerSecurityOptions": remove it from container "app".'],
    ]);
  });

  it('is quiet for the values ECS reads as unset: false, empty lists, null, placeholders', () => {
    const members = [
      '"privileged": false',
      '"disableNetworking": false',
      '"links": []',
      '"hostname": null',
      '"dnsServers": []',
      '"extraHosts": null',
      '"dockerSecurityOptions": []',
    ].join(',\n      ');
    expect(run(fargate(`${AWSVPC}\n  "placementConstraints": [],\n  "volumes": [],`, members))).toEqual([]);
    expect(run(fargate(AWSVPC, '"hostname": "${HOSTNAME}"'))).toEqual([]);
    // An empty hostname is empty-value's; a list written as an object is type-mismatch's.
    expect(run(fargate(AWSVPC, '"hostname": ""'))).toEqual([]);
    expect(run(fargate(AWSVPC, '"links": { "db": "db" }'))).toEqual([]);
  });

  it('reports Linux parameters Fargate does not support, and capabilities other than SYS_PTRACE', () => {
    const linux =
      '"linuxParameters": { "devices": [{ "hostPath": "/dev/fuse" }], "sharedMemorySize": 64, "tmpfs": [{ "containerPath": "/tmp", "size": 64 }], "maxSwap": 0, "swappiness": 10, "initProcessEnabled": true, "capabilities": { "add": ["SYS_PTRACE", "NET_ADMIN"], "drop": ["ALL"] } }';
    expect(run(fargate(AWSVPC, linux))).toEqual([
      ['"devices"', 'Fargate does not support Linux "devices": remove it from container "app".'],
      ['"sharedMemorySize"', 'Fargate does not support Linux "sharedMemorySize": remove it from container "app".'],
      ['"tmpfs"', 'Fargate does not support Linux "tmpfs": remove it from container "app".'],
      ['"maxSwap"', 'Fargate does not support Linux "maxSwap": remove it from container "app".'],
      ['"swappiness"', 'Fargate does not support Linux "swappiness": remove it from container "app".'],
      ['"NET_ADMIN"', 'Fargate lets a container add only the SYS_PTRACE capability, not "NET_ADMIN" (container "app").'],
    ]);
    expect(run(fargate(AWSVPC, '"linuxParameters": { "initProcessEnabled": true, "capabilities": { "add": ["SYS_PTRACE"] } }'))).toEqual(
      [],
    );
    // Docker's CAP_ spelling, a placeholder and a value of the wrong type (type-mismatch's) are not reported.
    const added = '"linuxParameters": { "capabilities": { "add": ["CAP_SYS_PTRACE", "${EXTRA_CAP}", 7] } }';
    expect(run(fargate(AWSVPC, added))).toEqual([]);
  });

  it('reports GPUs and FireLens configuration from S3 on their values', () => {
    expect(run(fargate(AWSVPC, '"resourceRequirements": [{ "type": "GPU", "value": "1" }]'))).toEqual([
      ['"GPU"', 'Fargate has no GPUs: remove the GPU resource requirement from container "app".'],
    ]);
    const firelens = (type: string) =>
      `"firelensConfiguration": { "type": "fluentbit", "options": { "config-file-type": "${type}", "config-file-value": "arn:aws:s3:::bucket/fluent.conf" } }`;
    expect(run(fargate(AWSVPC, firelens('s3')))).toEqual([
      [
        '"s3"',
        'Fargate reads a FireLens configuration only from a file in the image ("config-file-type": "file"), not from S3 (container "app").',
      ],
    ]);
    expect(run(fargate(AWSVPC, firelens('file')))).toEqual([]);
  });

  it('reports task members Fargate rejects', () => {
    const task = `${AWSVPC}
  "ipcMode": "task",
  "pidMode": "host",
  "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.os-type == linux" }],
  "volumes": [{ "name": "data", "dockerVolumeConfiguration": { "scope": "task", "driver": "local" } }, { "name": "scratch" }],`;
    expect(run(fargate(task))).toEqual([
      ['"ipcMode"', 'Fargate does not support "ipcMode" in a task definition; remove it.'],
      ['"host"', 'Fargate supports only "pidMode" "task", not "host".'],
      ['"placementConstraints"', 'Fargate does not support "placementConstraints" in a task definition; remove it.'],
      ['"dockerVolumeConfiguration"', 'Fargate does not support Docker volumes ("dockerVolumeConfiguration"); use a bind mount or EFS.'],
    ]);
    expect(run(fargate(`${AWSVPC}\n  "pidMode": "task",`))).toEqual([]);
  });

  it('is quiet for tasks not on Fargate', () => {
    const ec2 = fargate('  "networkMode": "bridge",', '"privileged": true,\n      "links": ["db"]').replace('"FARGATE"', '"EC2"');
    expect(run(ec2)).toEqual([]);
    expect(run(ec2.replace('  "networkMode": "bridge",\n', ''))).toEqual([]);
  });

  it('judges describe-task-definition output, where empty lists stand for unset members', () => {
    const described = (mode: string) =>
      `{"taskDefinition": {"family": "web", "requiresCompatibilities": ["FARGATE"], "compatibilities": ["EC2", "FARGATE"], "networkMode": "${mode}", "cpu": "256", "memory": "512", "placementConstraints": [], "volumes": [], "containerDefinitions": [{"name": "app", "image": "nginx", "links": [], "dnsServers": [], "privileged": false}]}}`;
    expect(run(described('awsvpc'))).toEqual([]);
    expect(run(described('host'))).toEqual([['"host"', 'Fargate requires "networkMode" "awsvpc", not "host".']]);
  });

  it('judges YAML task definitions; the fix keeps the YAML style', () => {
    const yaml = (mode: string) =>
      `family: web\nrequiresCompatibilities: [FARGATE]\ncpu: "256"\nmemory: "512"\nnetworkMode: ${mode}\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    privileged: true\n`;
    const text = yaml('bridge');
    const findings = findingsOf(RULE, text, {}, {}, 'taskdef.yaml');
    expect(findings.map((f) => [textAt(text, f), f.message])).toEqual([
      ['bridge', 'Fargate requires "networkMode" "awsvpc", not "bridge".'],
      ['privileged', 'Fargate does not run privileged containers: remove "privileged" from container "app".'],
    ]);
    expect(applyFix(text, findings[0], undefined, 'taskdef.yaml')).toBe(yaml('awsvpc'));
  });

  it("judges CloudFormation templates in CloudFormation's names, with scalars converted", () => {
    const template = (properties: string, container = '') => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: 256
      Memory: 512
${properties}      ContainerDefinitions:
        - Name: app
          Image: nginx
${container}`;
    const text = template('      NetworkMode: "host"\n', '          Privileged: "true"\n          Links: [db]\n');
    const findings = findingsOf(RULE, text, {}, {}, 'template.yaml');
    expect(findings.map((f) => [textAt(text, f), f.message])).toEqual([
      ['"host"', 'Fargate requires "NetworkMode" "awsvpc", not "host".'],
      ['Privileged', 'Fargate does not run privileged containers: remove "Privileged" from container "app".'],
      ['Links', 'Fargate tasks use awsvpc, where containers reach each other on localhost: remove "Links" from container "app".'],
    ]);
    expect(applyFix(text, findings[0], undefined, 'template.yaml')).toBe(
      template('      NetworkMode: "awsvpc"\n', '          Privileged: "true"\n          Links: [db]\n'),
    );
    expect(run(template(''), 'template.yaml')).toEqual([
      ['RequiresCompatibilities', 'Fargate requires "NetworkMode" "awsvpc"; this task has no "NetworkMode".'],
    ]);
    expect(
      run(
        template(
          '      NetworkMode: !Ref Mode\n',
          '          Privileged: !If [IsEc2, true, false]\n          Hostname: !Ref AWS::NoValue\n',
        ),
        'template.yaml',
      ),
    ).toEqual([]);
  });
});
