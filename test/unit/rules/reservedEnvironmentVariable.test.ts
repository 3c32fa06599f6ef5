import { describe, expect, it } from 'vitest';
import { fakeCatalog } from '../../helpers/fakeCatalog';
import { applyFix, findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'reserved-environment-variable';
const task = (environment: string, secrets = '', logRegion = '') => `{
  "family": "f",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "i",
      "environment": [${environment}],
      "secrets": [${secrets}]${logRegion ? `,\n      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "g", "awslogs-region": "${logRegion}" } }` : ''}
    }
  ]
}`;
const E = (name: string, value = 'x') => `{"name": "${name}", "value": "${value}"}`;
const S = (name: string) => `{"name": "${name}", "valueFrom": "/p/db"}`;
const only = (text: string, options = {}, name?: string) => {
  const findings = findingsOf(RULE, text, options, {}, name);
  expect(findings).toHaveLength(1);
  return findings[0];
};

describe('reserved-environment-variable', () => {
  it('warns on a credentials variable, says what ECS sets it to, and the fix removes the entry', () => {
    const text = task(`${E('PORT', '80')}, ${E('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', '/v2/x')}`);
    const finding = only(text);
    expect([finding.severity, textAt(text, finding)]).toEqual(['warning', '"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"']);
    expect(finding.message).toBe(
      'ECS sets "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" itself, to the path of the task role\'s credentials on the agent\'s endpoint (169.254.170.2); setting it in "environment" of container "web" breaks the task role.',
    );
    expect(finding.fixes?.map((f) => f.title)).toEqual(['Remove "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" from "environment"']);
    expect(applyFix(text, finding)).toBe(task(E('PORT', '80')));
  });

  it('warns on each of the variables ECS sets, in environment and secrets', () => {
    const names = [
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      'AWS_CONTAINER_AUTHORIZATION_TOKEN',
      'ECS_CONTAINER_METADATA_URI',
      'ECS_CONTAINER_METADATA_URI_V4',
      'ECS_AGENT_URI',
      'AWS_EXECUTION_ENV',
    ];
    // With the task's region known, only the region variables are judged against it.
    const text = task(names.map((n) => E(n)).join(', '), S('AWS_DEFAULT_REGION'), 'eu-west-1');
    const findings = findingsOf(RULE, text);
    expect(findings.map((f) => [f.severity, textAt(text, f)])).toEqual([...names, 'AWS_DEFAULT_REGION'].map((n) => ['warning', `"${n}"`]));
    const setting = 'setting it in "environment" of container "web"';
    expect(findings.slice(0, 6).map((f) => f.message)).toEqual([
      `ECS sets "AWS_CONTAINER_CREDENTIALS_FULL_URI" itself, to the URI of a container credentials endpoint, which the AWS SDKs read; ${setting} breaks the task's credentials.`,
      `ECS sets "AWS_CONTAINER_AUTHORIZATION_TOKEN" itself, to the token of the container credentials endpoint; ${setting} breaks the task's credentials.`,
      `ECS sets "ECS_CONTAINER_METADATA_URI" itself, to the container's task metadata endpoint (version 3); ${setting} competes with that value.`,
      `ECS sets "ECS_CONTAINER_METADATA_URI_V4" itself, to the container's task metadata endpoint (version 4); ${setting} competes with that value.`,
      `ECS sets "ECS_AGENT_URI" itself, to the agent's endpoint for the task (task scale-in protection); ${setting} competes with that value.`,
      `ECS sets "AWS_EXECUTION_ENV" itself, to the launch type (AWS_ECS_EC2 or AWS_ECS_FARGATE), which the AWS SDKs report; ${setting} competes with that value.`,
    ]);
    expect(findings[6].message).toBe(
      'ECS sets "AWS_DEFAULT_REGION" itself, to the task\'s region; setting it in "secrets" of container "web" competes with that value.',
    );
    expect(applyFix(text, findings[6])).toBe(task(names.map((n) => E(n)).join(', '), '', 'eu-west-1'));
  });

  it("judges a literal region against the task's: redundant when it agrees, a warning when it does not", () => {
    const agrees = task(E('AWS_REGION', 'eu-west-1'), '', 'eu-west-1');
    const redundant = only(agrees);
    expect([redundant.severity, redundant.message]).toEqual([
      'information',
      '"AWS_REGION" in "environment" of container "web" is redundant: ECS sets it to the task\'s region, eu-west-1.',
    ]);
    expect(applyFix(agrees, redundant)).toBe(task('', '', 'eu-west-1'));

    const disagrees = only(task(E('AWS_DEFAULT_REGION', 'us-east-1'), '', 'eu-west-1'));
    expect([disagrees.severity, disagrees.message]).toEqual([
      'warning',
      '"AWS_DEFAULT_REGION" is "us-east-1" in "environment" of container "web", but the task\'s region is eu-west-1 (its awslogs-region), which ECS sets it to. Remove it unless the container means to call another region.',
    ]);
    const configured = only(task(E('AWS_REGION', 'us-east-1')), { region: 'eu-central-1' });
    expect(configured.message).toContain("but the task's region is eu-central-1 (the configured region)");
    const profile = only(task(E('AWS_REGION', 'us-east-1')), { catalog: fakeCatalog([]) });
    expect(profile.message).toContain("but the task's region is eu-west-1 (the signed-in profile's region)");
    // One container's awslogs-region is the task's.
    const two = task(E('AWS_REGION', 'us-east-1'), '', 'eu-west-1').replace(
      '"containerDefinitions": [',
      '"containerDefinitions": [{ "name": "sidecar", "image": "i" },',
    );
    expect(only(two).message).toContain("but the task's region is eu-west-1 (its awslogs-region)");
    // A region in secrets is not read: its value is fetched at start.
    expect(only(task('', S('AWS_REGION'), 'eu-west-1')).message).toBe(
      'ECS sets "AWS_REGION" itself, to the task\'s region; setting it in "secrets" of container "web" competes with that value.',
    );
  });

  it('says only what ECS sets when the region is unknown or the value a placeholder', () => {
    const generic =
      'ECS sets "AWS_REGION" itself, to the task\'s region; setting it in "environment" of container "web" competes with that value.';
    expect(only(task(E('AWS_REGION', 'us-east-1'))).message).toBe(generic);
    const placeholder = only(task(E('AWS_REGION', '${REGION}'), '', 'eu-west-1'));
    expect([placeholder.severity, placeholder.message]).toEqual(['warning', generic]);
  });

  it('is quiet for other names, lower case and placeholders', () => {
    const text = task(`${E('REGION', 'eu-west-1')}, ${E('aws_region')}, ${E('AWS_REGION_NAME')}, ${E('${NAME}')}`, S('AWS_SECRET'));
    expect(findingsOf(RULE, text)).toEqual([]);
  });

  it('reports in YAML, and the fix removes the entry with its lines', () => {
    const text =
      'family: f\ncontainerDefinitions:\n  - name: web\n    image: i\n    environment:\n      - name: AWS_REGION\n        value: us-east-1\n      - name: PORT\n        value: "80"\n';
    const finding = only(text, { region: 'us-east-1' }, 'taskdef.yaml');
    expect([finding.severity, textAt(text, finding)]).toEqual(['information', 'AWS_REGION']);
    expect(applyFix(text, finding, undefined, 'taskdef.yaml')).toBe(
      'family: f\ncontainerDefinitions:\n  - name: web\n    image: i\n    environment:\n      - name: PORT\n        value: "80"\n',
    );
  });

  it("takes the stack's own region in a template as redundant, in CloudFormation's names", () => {
    const text = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: envoy
          Image: i
          Environment:
            - Name: AWS_REGION
              Value: !Ref AWS::Region
            - Name: ECS_AGENT_URI
              Value: !Ref AgentUri
`;
    const findings = findingsOf(RULE, text, {}, {}, 'template.yaml');
    expect(findings.map((f) => [f.severity, textAt(text, f), f.message])).toEqual([
      [
        'information',
        'AWS_REGION',
        '"AWS_REGION" in "Environment" of container "envoy" is redundant: ECS sets it to the task\'s region, which is the stack\'s region.',
      ],
      [
        'warning',
        'ECS_AGENT_URI',
        'ECS sets "ECS_AGENT_URI" itself, to the agent\'s endpoint for the task (task scale-in protection); setting it in "Environment" of container "envoy" competes with that value.',
      ],
    ]);
    expect(findings[0].fixes?.map((f) => f.title)).toEqual(['Remove "AWS_REGION" from "Environment"']);
    expect(applyFix(text, findings[0], undefined, 'template.yaml')).toBe(
      text.replace('            - Name: AWS_REGION\n              Value: !Ref AWS::Region\n', ''),
    );
  });

  it.each([
    ['!Sub "${AWS::Region}"', 'information'],
    ['!Ref RegionParameter', 'warning'],
    ['!Sub "${AWS::Region}-b"', 'warning'],
    ['!GetAtt Other.Region', 'warning'],
    ['!ImportValue "${AWS::Region}"', 'warning'],
  ])("reads %s as the stack's region or not: %s", (value, severity) => {
    const text = `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: envoy\n          Image: i\n          Environment:\n            - Name: AWS_REGION\n              Value: ${value}\n`;
    expect(findingsOf(RULE, text, {}, {}, 'template.yaml').map((f) => f.severity)).toEqual([severity]);
  });
});
