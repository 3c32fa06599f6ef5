import { describe, expect, it } from 'vitest';
import { findingsOf, textAt } from '../../helpers/taskdef';

const RULE = 'execution-role-is-task-role';

/** A JSON task definition with these two roles. */
const task = (executionRole: string, taskRole: string) => `{
  "family": "web",
  "executionRoleArn": ${JSON.stringify(executionRole)},
  "taskRoleArn": ${JSON.stringify(taskRole)},
  "containerDefinitions": [{ "name": "app", "image": "nginx", "memory": 512 }]
}
`;
const EXEC = 'arn:aws:iam::111122223333:role/ecsTaskExecutionRole';

/** The findings of this rule as [text at the range, line, message]. */
const run = (text: string, name?: string, hints = {}) =>
  findingsOf(RULE, text, {}, hints, name).map((f) => [textAt(text, f), f.range.start.line, f.message]);

describe('execution-role-is-task-role', () => {
  it('reports a task role that is the execution role, on the task role, as information', () => {
    const text = task(EXEC, EXEC);
    const findings = findingsOf(RULE, text);
    expect(findings.map((f) => [f.severity, f.fixes])).toEqual([['information', undefined]]);
    expect(run(text)).toEqual([
      [
        `"${EXEC}"`,
        3,
        `"taskRoleArn" is the execution role "${EXEC}": the application's AWS calls get the permissions ECS uses to start the task (such as reading its secrets), and ECS gets the application's. Give the task a role of its own, with only what the application calls.`,
      ],
    ]);
  });

  it('compares the two ARNs without the spaces around them', () => {
    expect(run(task(`${EXEC} `, ` ${EXEC}`)).map(([at]) => at)).toEqual([`" ${EXEC}"`]);
  });

  it('is quiet for two roles, placeholders, values that are not ARNs and a task with one role', () => {
    expect(run(task(EXEC, 'arn:aws:iam::111122223333:role/web-app'))).toEqual([]);
    expect(run(task('arn:aws:iam::${account}:role/r', 'arn:aws:iam::${account}:role/r'))).toEqual([]);
    expect(run(task('string', 'string'))).toEqual([]);
    expect(run(task('', ''))).toEqual([]);
    expect(run('{ "family": "web", "taskRoleArn": "' + EXEC + '", "containerDefinitions": [] }')).toEqual([]);
  });

  it('checks describe output, and not a container-definition array, which has no roles', () => {
    const describe = `{ "taskDefinition": { "family": "web", "executionRoleArn": "${EXEC}", "taskRoleArn": "${EXEC}", "containerDefinitions": [] } }`;
    expect(run(describe).map(([at]) => at)).toEqual([`"${EXEC}"`]);
    expect(findingsOf(RULE, '[ { "name": "app", "image": "nginx" } ]', {}, { containerDefinitionsFile: true })).toEqual([]);
  });

  it('judges a YAML task definition', () => {
    const text = `family: web\nexecutionRoleArn: ${EXEC}\ntaskRoleArn: '${EXEC}'\ncontainerDefinitions: []\n`;
    expect(run(text, 'taskdef.yaml').map(([at, line]) => [at, line])).toEqual([[`'${EXEC}'`, 2]]);
  });

  it('judges CloudFormation in its own names, and not intrinsics', () => {
    const template = (executionRole: string, taskRole: string) =>
      `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ExecutionRoleArn: ${executionRole}\n      TaskRoleArn: ${taskRole}\n`;
    expect(run(template(EXEC, EXEC), 'template.yaml')).toEqual([
      [
        EXEC,
        5,
        `"TaskRoleArn" is the execution role "${EXEC}": the application's AWS calls get the permissions ECS uses to start the task (such as reading its secrets), and ECS gets the application's. Give the task a role of its own, with only what the application calls.`,
      ],
    ]);
    expect(run(template('!GetAtt Role.Arn', '!GetAtt Role.Arn'), 'template.yaml')).toEqual([]);
  });
});
