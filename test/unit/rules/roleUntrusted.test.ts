import { describe, expect, it } from 'vitest';
import { toDiagnostic } from '../../../server/src/service';
import { fakeCatalog } from '../../helpers/fakeCatalog';
import { foundRole, roleAccess, roleArn, roleTemplate, trustFor } from '../../helpers/roleChecks';
import { findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const catalog = fakeCatalog([]);
const task = JSON.stringify({
  family: 'app',
  executionRoleArn: roleArn('exec'),
  containerDefinitions: [{ name: 'app', image: 'nginx', memory: 512 }],
});
const run = (trust: unknown) =>
  findingsOf('role-untrusted', task, { catalog, roles: roleAccess({ [roleArn('exec')]: foundRole('exec', trust) }) });

describe('role-untrusted', () => {
  it('reports a role only another service may assume, saying which, with the trust policy ECS needs beside it', () => {
    const finding = onlyFindingOf('role-untrusted', task, {
      catalog,
      roles: roleAccess({ [roleArn('exec')]: foundRole('exec', trustFor('ec2.amazonaws.com')) }),
    });
    expect(textAt(task, finding)).toBe(`"${roleArn('exec')}"`);
    expect(finding.message).toBe(
      'The execution role "exec" (executionRoleArn) cannot be assumed by ECS tasks: its trust policy does not allow ecs-tasks.amazonaws.com to call sts:AssumeRole (it lets "ec2.amazonaws.com" assume it). The task will not start.',
    );
    expect(finding.related?.[0].message).toBe(
      'The trust policy ECS needs: {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    );
    expect(toDiagnostic(finding).code).toBe('role-untrusted');
  });

  it('names every principal the trust policy lets in', () => {
    const [finding] = run({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }, Action: 'sts:AssumeRole' }],
    });
    expect(finding.message).toContain('(it lets "ec2.amazonaws.com", "lambda.amazonaws.com" assume it)');
  });

  it('accepts ecs-tasks among several services, with conditions', () => {
    const trust = trustFor('ec2.amazonaws.com', 'ecs-tasks.amazonaws.com');
    (trust.Statement[0] as Record<string, unknown>).Condition = { StringEquals: { 'aws:SourceAccount': '111122223333' } };
    expect(run(trust)).toEqual([]);
  });

  it('reports a trust policy whose deny for ECS tasks wins, and one that lets no one in', () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Deny', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    };
    expect(run(trust).map((f) => f.ruleId)).toEqual(['role-untrusted']);
    expect(run({ Version: '2012-10-17', Statement: [] })[0].message).toContain('(it lets no one assume it)');
  });
});

describe('role-untrusted for a role written in the file, offline', () => {
  it('reports a template role whose trust policy is for EC2', () => {
    const text = roleTemplate('', {}, '[ec2.amazonaws.com]');
    const finding = onlyFindingOf('role-untrusted', text, {}, {}, 'template.yaml');
    expect(textAt(text, finding)).toBe('ExecRole.Arn');
    expect(finding.message).toBe(
      'The execution role "ExecRole" (ExecutionRoleArn) cannot be assumed by ECS tasks: its trust policy does not allow ecs-tasks.amazonaws.com to call sts:AssumeRole (it lets "ec2.amazonaws.com" assume it). The task will not start.',
    );
  });
});

describe('role-untrusted for a Terraform role whose trust is a policy document data source', () => {
  const tf = (service: string) => `data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["${service}"]
    }
  }
}

resource "aws_iam_role" "exec" {
  name               = "exec"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_ecs_task_definition" "app" {
  family             = "app"
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = jsonencode([{ name = "app", image = "nginx", memory = 512 }])
}
`;

  it('reads the statement blocks as the JSON policy they render', () => {
    expect(findingsOf('role-untrusted', tf('ec2.amazonaws.com'), {}, {}, 'main.tf').map((f) => f.message)).toEqual([
      'The execution role "exec" (execution_role_arn) cannot be assumed by ECS tasks: its trust policy does not allow ecs-tasks.amazonaws.com to call sts:AssumeRole (it lets "ec2.amazonaws.com" assume it). The task will not start.',
    ]);
    expect(findingsOf('role-untrusted', tf('ecs-tasks.amazonaws.com'), {}, {}, 'main.tf')).toEqual([]);
  });
});
