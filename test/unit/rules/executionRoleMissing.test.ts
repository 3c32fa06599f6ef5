import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, onlyFindingOf, snippetEditsOf, textAt } from '../../helpers/taskdef';

const withSecrets = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "secrets": [{ "name": "DB", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/db" }]
    }
  ]
}
`;

describe('execution-role-missing', () => {
  it('fires on secrets without executionRoleArn, at the "secrets" key', () => {
    const [finding, ...rest] = findingsOf('execution-role-missing', withSecrets);
    expect(rest).toEqual([]);
    expect(finding.severity).toBe('error');
    expect(textAt(withSecrets, finding)).toBe('"secrets"');
    expect(finding.range).toEqual({ start: { line: 6, character: 6 }, end: { line: 6, character: 15 } });
    expect(finding.message).toBe(
      'Container "app" has "secrets" to fetch, which ECS does with the task\'s execution role, but the task has no "executionRoleArn".',
    );
  });

  it("inserts executionRoleArn after family with the file's indentation", () => {
    const finding = onlyFindingOf('execution-role-missing', withSecrets);
    expect(applyFix(withSecrets, finding)).toBe(
      withSecrets.replace(
        '"family": "web",\n',
        '"family": "web",\n  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",\n',
      ),
    );
  });

  it('offers the role ARN as a snippet with the task account from taskRoleArn', () => {
    const text = withSecrets.replace('"family": "web",', '"family": "web",\n  "taskRoleArn": "arn:aws:iam::444455556666:role/app",');
    const finding = onlyFindingOf('execution-role-missing', text);
    const [edit] = snippetEditsOf(text, finding)!;
    expect(edit.snippet).toContain('"executionRoleArn": "arn:aws:iam::444455556666:role/${1:ecsTaskExecutionRole}"');
    expect(applyFix(text, finding)).toContain(
      '"taskRoleArn": "arn:aws:iam::444455556666:role/app",\n  "executionRoleArn": "arn:aws:iam::444455556666:role/ecsTaskExecutionRole",\n',
    );
  });

  it('keeps tab indentation', () => {
    const text = withSecrets.replace(/^( +)/gm, (s) => '\t'.repeat(s.length / 2));
    const finding = onlyFindingOf('execution-role-missing', text);
    expect(applyFix(text, finding)).toContain(
      '\t"family": "web",\n\t"executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",\n\t"containerDefinitions"',
    );
  });

  it.each([
    [
      'log secretOptions',
      '"logConfiguration": {"logDriver": "splunk", "secretOptions": [{"name": "splunk-token", "valueFrom": "tok"}]}',
      '"secretOptions"',
      'has log "secretOptions" to fetch',
    ],
    [
      'repositoryCredentials',
      '"repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reg-AbCdEf"}',
      '"repositoryCredentials"',
      'pulls with "repositoryCredentials"',
    ],
    [
      'environmentFiles',
      '"environmentFiles": [{"value": "arn:aws:s3:::bucket/app.env", "type": "s3"}]',
      '"environmentFiles"',
      'loads "environmentFiles" from S3',
    ],
  ])('fires on %s', (_, member, key, reason) => {
    const text = `{"family": "f", "containerDefinitions": [{"name": "c", "image": "i", ${member}}]}`;
    const finding = onlyFindingOf('execution-role-missing', text);
    expect(textAt(text, finding)).toBe(key);
    expect(finding.message).toContain(reason);
  });

  it('fires on Fargate with awslogs or a private ECR image, not on EC2', () => {
    const fargate = (container: string, compat = 'FARGATE') =>
      `{"family": "f", "requiresCompatibilities": ["${compat}"], "containerDefinitions": [${container}]}`;
    const awslogs = '{"name": "c", "image": "nginx", "logConfiguration": {"logDriver": "awslogs", "options": {}}}';
    const ecr = '{"name": "c", "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1"}';
    expect(textAt(fargate(awslogs), onlyFindingOf('execution-role-missing', fargate(awslogs)))).toBe('"awslogs"');
    expect(textAt(fargate(ecr), onlyFindingOf('execution-role-missing', fargate(ecr)))).toBe(
      '"111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1"',
    );
    expect(onlyFindingOf('execution-role-missing', fargate(awslogs)).message).toBe(
      'Container "c" logs with awslogs on Fargate, which ECS does with the task\'s execution role, but the task has no "executionRoleArn".',
    );
    expect(onlyFindingOf('execution-role-missing', fargate(ecr)).message).toBe(
      'Container "c" pulls a private ECR image on Fargate, which ECS does with the task\'s execution role, but the task has no "executionRoleArn".',
    );
    expect(findingsOf('execution-role-missing', fargate(awslogs, 'EC2'))).toEqual([]);
    expect(findingsOf('execution-role-missing', fargate(awslogs.replace('awslogs', 'splunk')))).toEqual([]);
    // Only the registry host makes an image ECR's: a path that mentions it does not.
    expect(findingsOf('execution-role-missing', fargate(ecr.replace('111122223333.dkr', 'mirror.example.com/111122223333.dkr')))).toEqual(
      [],
    );
    expect(findingsOf('execution-role-missing', fargate('{"name": "c", "image": "public.ecr.aws/nginx/nginx"}'))).toEqual([]);
  });

  it('names the Terraform resource whose container file this is when it has no execution role', () => {
    const containers = '[{"name": "app", "image": "nginx", "secrets": [{"name": "DB", "valueFrom": "/prod/db"}]}]';
    const linkedTask = { resource: 'aws_ecs_task_definition.web', source: '../main.tf', members: {} };
    const finding = onlyFindingOf('execution-role-missing', containers, {}, { linkedTask });
    expect(finding.message).toBe(
      'Container "app" has "secrets" to fetch, which ECS does with the task\'s execution role, but aws_ecs_task_definition.web (../main.tf), whose container definitions these are, has no "execution_role_arn".',
    );
    const withRole = { ...linkedTask, members: { executionRoleArn: 'arn:aws:iam::111122223333:role/exec' } };
    expect(findingsOf('execution-role-missing', containers, {}, { linkedTask: withRole })).toEqual([]);
  });

  it('counts the other places in one finding', () => {
    const text = `{"family": "f", "containerDefinitions": [
      {"name": "a", "image": "i", "secrets": [{"name": "X", "valueFrom": "x"}]},
      {"name": "b", "image": "i", "secrets": [{"name": "Y", "valueFrom": "y"}]}]}`;
    const findings = findingsOf('execution-role-missing', text);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('Container "a" has "secrets" to fetch (and 1 more place)');
  });

  it.each([
    ['empty', '""'],
    ['null', 'null'],
  ])('fires when executionRoleArn is %s: that names no role', (_, value) => {
    const text = withSecrets.replace('"family": "web",\n', `"family": "web",\n  "executionRoleArn": ${value},\n`);
    const findings = findingsOf('execution-role-missing', text);
    expect(findings).toHaveLength(1);
    expect(textAt(text, findings[0])).toBe('"secrets"');
    expect(findings[0].range).toEqual({ start: { line: 7, character: 6 }, end: { line: 7, character: 15 } });
    expect(findings[0].message).toBe(
      'Container "app" has "secrets" to fetch, which ECS does with the task\'s execution role, but the task has no "executionRoleArn".',
    );
  });

  it('does not fire when the role is there, even as an unreadable placeholder', () => {
    expect(
      findingsOf(
        'execution-role-missing',
        withSecrets.replace('"family": "web",', '"family": "web", "executionRoleArn": "ecsTaskExecutionRole",'),
      ),
    ).toEqual([]);
    expect(
      findingsOf('execution-role-missing', withSecrets.replace('"family": "web",', '"family": "web", "executionRoleArn": $ROLE,')),
    ).toEqual([]);
    // Empty lists and null credentials fetch nothing.
    for (const members of [
      '"secrets": []',
      '"logConfiguration": {"logDriver": "splunk", "secretOptions": []}',
      '"repositoryCredentials": null',
      '"environmentFiles": []',
    ]) {
      const text = `{"family": "f", "containerDefinitions": [{"name": "c", "image": "i", ${members}}]}`;
      expect(findingsOf('execution-role-missing', text), members).toEqual([]);
    }
  });
});

describe('execution-role-missing on CRLF files', () => {
  it('keeps CRLF line endings and tabs in the inserted line', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(`${__dirname}/../../fixtures/taskdefs/crlf-tabs.json`, 'utf8');
    const finding = onlyFindingOf('execution-role-missing', text);
    expect(applyFix(text, finding)).toBe(
      text.replace(
        '\t"family": "batch",\r\n',
        '\t"family": "batch",\r\n\t"executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",\r\n',
      ),
    );
  });
});
