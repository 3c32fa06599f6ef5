// What counts as a template placeholder: a value holding one is not judged as the literal it will
// stop being, in any field of an ARN.
import { describe, expect, it } from 'vitest';
import { firstPlaceholder, isTemplated } from '../../server/src/service/template';
import { findingsOf } from '../helpers/taskdef';

const ARN_WITH = (region: string, account: string) => `arn:aws:ssm:${region}:${account}:parameter/prod/db`;
const task = (valueFrom: string) =>
  `{"family": "f", "executionRoleArn": "arn:aws:iam::111122223333:role/e", "containerDefinitions": [{"name": "a", "image": "b", "secrets": [{"name": "S", "valueFrom": "${valueFrom}"}]}]}`;

describe('template placeholders', () => {
  it.each([
    ['{{ .Region }}', 'mustache / Go'],
    ['${AWS_REGION}', 'shell, Terraform'],
    ['${{ vars.REGION }}', 'GitHub expressions'],
    ['$AWS_REGION', 'envsubst'],
    ['<REGION>', 'CodeDeploy'],
    ['{region}', 'docs'],
    ['__AWS_REGION__', 'sed'],
    ['%AWS_REGION%', 'batch'],
    ['@aws.region@', 'Maven'],
    ['#{Region}', 'Octopus'],
    ['YOUR_REGION', 'docs'],
    ['$$$AWS_REGION$$$', 'ECS agent tests'],
  ])('%s (%s) is a placeholder, in the region and in the account field', (placeholder) => {
    expect(isTemplated(placeholder)).toBe(true);
    // Messages name the placeholder whole, wherever it sits in the value.
    expect(firstPlaceholder(`arn:aws:ssm:${placeholder}-x`)).toBe(placeholder);
    expect(findingsOf('arn-malformed', task(ARN_WITH(placeholder, '111122223333')))).toEqual([]);
    expect(findingsOf('arn-malformed', task(ARN_WITH('eu-west-1', placeholder)))).toEqual([]);
  });

  it.each(['eu-west-1', 'ACCOUNT_ID', 'XXXXXXXXXXXX', 'aws_account_id', 'prod/db', '50%', 'user@example.com', '__init', 'my_region'])(
    '%s is a literal that is judged',
    (value) => {
      expect(isTemplated(value)).toBe(false);
    },
  );

  it('reports a bare word in the account field, which ECS would receive as it is', () => {
    expect(findingsOf('arn-malformed', task(ARN_WITH('eu-west-1', 'ACCOUNT_ID'))).map((f) => f.message)).toEqual([
      'The account "ACCOUNT_ID" in this ARN must be a 12-digit account ID.',
    ]);
  });
});
