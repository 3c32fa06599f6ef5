import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const RULE = 'container-reference-unknown';

/** A JSON task definition: container "app" with these members, and container "envoy". */
const task = (appMembers: string, envoyName = '"envoy"') => `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      ${appMembers}
    },
    { "name": ${envoyName}, "image": "envoyproxy/envoy" }
  ]
}
`;
const run = (text: string, name?: string, hints = {}) => findingsOf(RULE, text, {}, hints, name).map((f) => [textAt(text, f), f.message]);

describe('container-reference-unknown', () => {
  it('reports a dependsOn naming no container; the fix changes it to the close name', () => {
    const text = task('"dependsOn": [ { "containerName": "enovy", "condition": "HEALTHY" } ]');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(textAt(text, finding)).toBe('"enovy"');
    expect(finding.message).toBe(
      '"enovy" in "dependsOn" of container "app" names no container of this task; ECS rejects the task definition (a container cannot depend on one that does not exist). Did you mean "envoy"?',
    );
    expect(finding.fixes?.map((f) => f.title)).toEqual(['Change to "envoy"']);
    expect(applyFix(text, finding)).toBe(task('"dependsOn": [ { "containerName": "envoy", "condition": "HEALTHY" } ]'));
  });

  it('compares case-sensitively, as ECS does, and offers the name as written', () => {
    const text = task('"volumesFrom": [ { "sourceContainer": "Envoy" } ]');
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe(
      '"Envoy" in "volumesFrom" of container "app" names no container of this task; ECS rejects the task definition ("Invalid \'volumesFrom\' setting. Unknown container"). Did you mean "envoy"?',
    );
    expect(applyFix(text, findings[0])).toBe(task('"volumesFrom": [ { "sourceContainer": "envoy" } ]'));
  });

  it('reads links as name or name:alias, and the fix keeps the alias', () => {
    const text = task('"links": [ "envoy", "envy:proxy", "db" ]');
    const findings = findingsOf(RULE, text);
    expect(findings.map((f) => [textAt(text, f), f.message])).toEqual([
      [
        '"envy:proxy"',
        '"envy" in "links" of container "app" names no container of this task; there is no container to link to. Did you mean "envoy"?',
      ],
      ['"db"', '"db" in "links" of container "app" names no container of this task; there is no container to link to.'],
    ]);
    expect(findings[1].fixes).toBeUndefined();
    expect(applyFix(text, findings[0])).toBe(task('"links": [ "envoy", "envoy:proxy", "db" ]'));
  });

  it('reports a container depending on itself; the fix removes that dependency', () => {
    const text = task(
      '"dependsOn": [ { "containerName": "envoy", "condition": "START" }, { "containerName": "app", "condition": "START" } ]',
    );
    const findings = findingsOf(RULE, text);
    expect(findings).toHaveLength(1);
    expect([textAt(text, findings[0]), findings[0].message]).toEqual([
      '"app"',
      'Container "app" depends on itself in "dependsOn"; it would wait for its own start. Remove the dependency.',
    ]);
    expect(findings[0].fixes?.map((f) => f.title)).toEqual(['Remove the dependency on itself']);
    expect(JSON.parse(applyFix(text, findings[0])).containerDefinitions[0].dependsOn).toEqual([
      { containerName: 'envoy', condition: 'START' },
    ]);
  });

  it('splits name:alias in links only: in dependsOn the whole value is the name', () => {
    expect(run(task('"dependsOn": [ { "containerName": "envoy:proxy", "condition": "START" } ]'))).toEqual([
      [
        '"envoy:proxy"',
        '"envoy:proxy" in "dependsOn" of container "app" names no container of this task; ECS rejects the task definition (a container cannot depend on one that does not exist).',
      ],
    ]);
  });

  it('reports a link with no name before its alias as it stands', () => {
    expect(run(task('"links": [ ":db" ]')).map(([at, message]) => [at, message.split(';')[0]])).toEqual([
      ['":db"', '":db" in "links" of container "app" names no container of this task'],
    ]);
  });

  it('takes only a dependsOn on itself for a dependency on itself', () => {
    // volumesFrom and links naming the container itself name a container of the task: not this rule's.
    expect(run(task('"volumesFrom": [ { "sourceContainer": "app" } ], "links": ["app"]'))).toEqual([]);
  });

  it('never suggests the container itself', () => {
    const findings = findingsOf(RULE, task('"dependsOn": [ { "containerName": "appp", "condition": "START" } ]'));
    expect(findings).toHaveLength(1);
    expect(findings[0].fixes).toBeUndefined();
  });

  it('is quiet for names of the task, placeholders, empty names, and when a container name is a placeholder', () => {
    expect(
      run(
        task(
          '"dependsOn": [ { "containerName": "envoy", "condition": "START" } ], "links": ["envoy:proxy"], "volumesFrom": [ { "sourceContainer": "envoy" } ]',
        ),
      ),
    ).toEqual([]);
    expect(
      run(task('"dependsOn": [ { "containerName": "${sidecar}", "condition": "START" }, { "containerName": "", "condition": "START" } ]')),
    ).toEqual([]);
    expect(run(task('"dependsOn": [ { "containerName": "datadog", "condition": "START" } ]', '"${sidecar_name}"'))).toEqual([]);
  });

  it('does not judge while a container is an unquoted placeholder the parser could not read', () => {
    const text = task(
      '"dependsOn": [ { "containerName": "xray", "condition": "START" } ]',
      '"envoy" },\n    $XRAY_CONTAINER_JSON, { "name": "z"',
    );
    expect(text).toContain('$XRAY_CONTAINER_JSON');
    expect(run(text)).toEqual([]);
  });

  it('checks a container-definition array: it is the whole container list of its task', () => {
    const text = '[ { "name": "app", "image": "a", "links": ["db"] } ]';
    const findings = findingsOf(RULE, text, {}, { containerDefinitionsFile: true });
    expect(findings).toHaveLength(1);
    expect(textAt(text, findings[0])).toBe('"db"');
  });

  it('judges a YAML task definition and fixes it in YAML', () => {
    const yaml = (name: string) =>
      `family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n    dependsOn:\n      - containerName: ${name}\n        condition: START\n  - name: envoy\n    image: envoyproxy/envoy\n`;
    const text = yaml('enovy');
    const findings = findingsOf(RULE, text, {}, {}, 'taskdef.yaml');
    expect(findings).toHaveLength(1);
    expect([textAt(text, findings[0]), findings[0].range.start.line]).toEqual(['enovy', 5]);
    expect(applyFix(text, findings[0], undefined, 'taskdef.yaml')).toBe(yaml('envoy'));
  });

  it('judges CloudFormation in its own names, and not while a container is known only at deploy time', () => {
    const template = (extra = '') =>
      `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n          DependsOn:\n            - ContainerName: enovy\n              Condition: START\n          VolumesFrom:\n            - SourceContainer: !Ref Source\n        - Name: envoy\n          Image: envoyproxy/envoy\n${extra}`;
    const text = template();
    const findings = findingsOf(RULE, text, {}, {}, 'template.yaml');
    expect(findings.map((f) => [textAt(text, f), f.message])).toEqual([
      [
        'enovy',
        '"enovy" in "DependsOn" of container "app" names no container of this task; ECS rejects the task definition (a container cannot depend on one that does not exist). Did you mean "envoy"?',
      ],
    ]);
    expect(applyFix(text, findings[0], undefined, 'template.yaml')).toBe(text.replace('ContainerName: enovy', 'ContainerName: envoy'));
    expect(run(template('        - !If [WithSidecar, { Name: enovy, Image: busybox }, !Ref AWS::NoValue]\n'), 'template.yaml')).toEqual([]);
  });
});

describe('container-reference-unknown on the proxy configuration', () => {
  const task = (proxy: string) =>
    JSON.stringify({
      family: 'mesh',
      networkMode: 'awsvpc',
      proxyConfiguration: { type: 'APPMESH', containerName: proxy },
      containerDefinitions: [
        { name: 'app', image: 'app', memory: 256 },
        { name: 'envoy', image: 'envoy', memory: 256 },
      ],
    });

  it('reports a proxy container the task does not have, with the close one as a fix', () => {
    const finding = onlyFindingOf('container-reference-unknown', task('envoi'));
    expect(finding.message).toBe(
      '"envoi" in the proxy configuration\'s "containerName" names no container of this task; the App Mesh proxy must be one of its containers. Did you mean "envoy"?',
    );
    expect(applyFix(task('envoi'), finding, 'Change to "envoy"')).toBe(task('envoy'));
  });

  it('offers no fix when no container name is close', () => {
    const finding = onlyFindingOf('container-reference-unknown', task('mesh-sidecar'));
    expect(finding.message).toBe(
      '"mesh-sidecar" in the proxy configuration\'s "containerName" names no container of this task; the App Mesh proxy must be one of its containers.',
    );
    expect(finding.fixes).toBeUndefined();
  });

  it('accepts the name of one of its containers', () => {
    expect(findingsOf('container-reference-unknown', task('envoy'))).toEqual([]);
  });
});
