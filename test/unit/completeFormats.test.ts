// Completion and hover in YAML task definitions and CloudFormation templates, at a `|` cursor: the
// text after accepting an item is what the user sees.
import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../helpers/fakeCatalog';
import { accept, complete, hover } from '../helpers/taskdef';

const catalog = fakeCatalog([secret('prod/db'), parameter('/prod/api-key')]);
const CAPS = { snippets: true, markdown: true };
const YAML_TASK = 'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n';
const TEMPLATE =
  'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn: arn:aws:iam::111122223333:role/t\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx\n';

/** The text after accepting the item with this label (which must be offered exactly once). */
function accepted(textWithCursor: string, name: string, label: string): string {
  const { list, text } = complete(textWithCursor, CAPS, {}, name, { catalog });
  const items = list.items.filter((i) => i.label === label);
  expect(
    items.map((i) => i.label),
    `${label} among ${list.items.map((i) => i.label).join(', ')}`,
  ).toEqual([label]);
  return accept(text, items[0]);
}

describe('completion in YAML task definitions', () => {
  it('inserts an ARN in valueFrom as a plain scalar, replacing what is typed', () => {
    const text = `${YAML_TASK}    secrets:\n      - name: A\n        valueFrom: pro|\n`;
    expect(accepted(text, 'taskdef.yaml', 'prod/db')).toBe(
      `${YAML_TASK}    secrets:\n      - name: A\n        valueFrom: arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-proddb\n`,
    );
    // The JSON-key form ends in a colon, which a plain scalar cannot: it is quoted.
    expect(accepted(text, 'taskdef.yaml', 'prod/db:json-key::')).toBe(
      `${YAML_TASK}    secrets:\n      - name: A\n        valueFrom: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-proddb:\${1:json-key}::"\n`,
    );
  });

  it("offers a secret's members in a new item of a list written at its key's indentation", () => {
    const text = `${YAML_TASK}    secrets:\n    - name: A\n      valueFrom: /prod/a\n    - |\n`;
    const { list } = complete(text, CAPS, {}, 'taskdef.yaml', { catalog });
    expect(list.items.map((i) => i.label).sort()).toEqual(['name', 'valueFrom']);
    const first = `${YAML_TASK}    secrets:\n    - |\n`;
    expect(accepted(first, 'taskdef.yaml', 'valueFrom')).toBe(`${YAML_TASK}    secrets:\n    - valueFrom: $1\n`);
  });

  it('keeps the quotes of a quoted value, and completes an empty one', () => {
    expect(accepted(`${YAML_TASK}    secrets:\n      - name: A\n        valueFrom: "/prod/a|"\n`, 'taskdef.yaml', '/prod/api-key')).toBe(
      `${YAML_TASK}    secrets:\n      - name: A\n        valueFrom: "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api-key"\n`,
    );
    expect(accepted(`${YAML_TASK}    secrets:\n      - name: A\n        valueFrom: |\n`, 'taskdef.yaml', '/prod/api-key')).toBe(
      `${YAML_TASK}    secrets:\n      - name: A\n        valueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api-key\n`,
    );
  });

  it('completes a key being typed on its own line, with a YAML value snippet', () => {
    expect(accepted(`${YAML_TASK}    ima|\n`, 'taskdef.yaml', 'memory')).toBe(`${YAML_TASK}    memory: \${1:0}\n`);
    expect(accepted(`${YAML_TASK}    |\n`, 'taskdef.yaml', 'logConfiguration')).toBe(`${YAML_TASK}    logConfiguration:\n      $1\n`);
    expect(accepted(`${YAML_TASK}    |\n`, 'taskdef.yaml', 'secrets')).toBe(`${YAML_TASK}    secrets:\n      - $1\n`);
    expect(accepted(`${YAML_TASK}|\n`, 'taskdef.yaml', 'networkMode')).toBe(`${YAML_TASK}networkMode: \${1|awsvpc,bridge,host,none|}\n`);
  });

  it('offers only the members not yet present, in the mapping the indentation says', () => {
    const labels = (text: string) => complete(text, CAPS, {}, 'taskdef.yaml').list.items.map((i) => i.label);
    expect(labels(`${YAML_TASK}    secrets:\n      - name: A\n        |\n`)).toEqual(['valueFrom']);
    expect(labels(`${YAML_TASK}    secrets:\n      - |\n`).sort()).toEqual(['name', 'valueFrom']);
    expect(labels(`${YAML_TASK}    logConfiguration:\n      |\n`).sort()).toEqual(['logDriver', 'options', 'secretOptions']);
    expect(labels(`${YAML_TASK}|\n`)).not.toContain('family');
  });

  it('completes enum values as plain scalars', () => {
    expect(accepted(`${YAML_TASK}networkMode: aw|\n`, 'taskdef.yaml', 'awsvpc')).toBe(`${YAML_TASK}networkMode: awsvpc\n`);
  });

  it('hovers a member and a reference', () => {
    const member = hover(`${YAML_TASK}    secrets:\n      - name: A\n        value|From: x\n`, true, 'taskdef.yaml');
    expect((member!.contents as { value: string }).value.split('\n')[0]).toBe('**valueFrom**: string (required)');
    const reference = hover(`${YAML_TASK}    secrets:\n      - name: A\n        valueFrom: /prod/api-|key\n`, true, 'taskdef.yaml', {
      catalog,
    });
    expect((reference!.contents as { value: string }).value.split('\n')[0]).toBe('**SSM parameter** `/prod/api-key` (SecureString)');
  });
});

describe('completion in CloudFormation templates', () => {
  it("offers CloudFormation's names with a YAML snippet", () => {
    expect(accepted(`${TEMPLATE}          Mem|\n`, 'template.yaml', 'Memory')).toBe(`${TEMPLATE}          Memory: \${1:0}\n`);
    expect(accepted(`${TEMPLATE}      |\n`, 'template.yaml', 'ExecutionRoleArn')).toBe(`${TEMPLATE}      ExecutionRoleArn: $1\n`);
    expect(accepted(`${TEMPLATE}          LogConfiguration:\n            LogDriver: |\n`, 'template.yaml', 'awslogs')).toBe(
      `${TEMPLATE}          LogConfiguration:\n            LogDriver: awslogs\n`,
    );
  });

  it('inserts the ARN as a plain scalar, or as a !Sub with the pseudo parameters for the stack’s own account and region', () => {
    const text = `${TEMPLATE}          Secrets:\n            - Name: A\n              ValueFrom: api|\n`;
    expect(accepted(text, 'template.yaml', '/prod/api-key')).toBe(
      `${TEMPLATE}          Secrets:\n            - Name: A\n              ValueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api-key\n`,
    );
    expect(accepted(text, 'template.yaml', '/prod/api-key (!Sub)')).toBe(
      `${TEMPLATE}          Secrets:\n            - Name: A\n              ValueFrom: !Sub "arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/prod/api-key"\n`,
    );
  });

  it('writes the !Sub form in JSON as Fn::Sub', () => {
    const json =
      '{"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "a", "Secrets": [{"Name": "A", "ValueFrom": "api|"}]}]}}}}';
    expect(accepted(json, 'template.json', '/prod/api-key (!Sub)')).toBe(
      '{"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "a", "Secrets": [{"Name": "A", "ValueFrom": { "Fn::Sub": "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/prod/api-key" }}]}]}}}}',
    );
  });

  it('offers nothing outside the task definition resources', () => {
    expect(complete('Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    |\n', CAPS, {}, 'template.yaml').list.items).toEqual([]);
  });
});
