import { describe, expect, it } from 'vitest';
import { fakeCatalog } from '../../helpers/fakeCatalog';
import { roleAccess, roleArn } from '../../helpers/roleChecks';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const catalog = fakeCatalog([]);
const task = (execution: string, taskRole = roleArn('app-task')) =>
  JSON.stringify({
    family: 'app',
    executionRoleArn: execution,
    taskRoleArn: taskRole,
    containerDefinitions: [{ name: 'app', image: 'nginx', memory: 512 }],
  });

describe('role-not-found', () => {
  it('reports a role the account does not have, with the closest names as fixes', () => {
    const roles = roleAccess({
      [roleArn('ecsTaskExecRole')]: { status: 'missing', roleNames: ['ecsTaskExecutionRole', 'app-task'] },
      [roleArn('app-task')]: { status: 'pending' },
    });
    const text = task(roleArn('ecsTaskExecRole'));
    const finding = onlyFindingOf('role-not-found', text, { catalog, roles });
    expect(textAt(text, finding)).toBe(`"${roleArn('ecsTaskExecRole')}"`);
    expect(finding.message).toBe(
      'The execution role "ecsTaskExecRole" (executionRoleArn) does not exist in account 111122223333; ECS cannot assume it and the task will not start. Closest: "ecsTaskExecutionRole".',
    );
    expect(applyFix(text, finding, 'Change to "ecsTaskExecutionRole"')).toBe(task(roleArn('ecsTaskExecutionRole')));
  });

  it('offers each close name, none preferred', () => {
    const roles = roleAccess({
      [roleArn('ecsTaskExecRole')]: { status: 'missing', roleNames: ['ecsTaskExecutionRole', 'ecsTaskExecRoles'] },
      [roleArn('app-task')]: { status: 'pending' },
    });
    const finding = onlyFindingOf('role-not-found', task(roleArn('ecsTaskExecRole')), { catalog, roles });
    expect(finding.message).toMatch(/ Closest: "ecsTaskExecRoles", "ecsTaskExecutionRole"\.$/);
    expect(finding.fixes).toMatchObject([
      { title: 'Change to "ecsTaskExecRoles"', preferred: false },
      { title: 'Change to "ecsTaskExecutionRole"', preferred: false },
    ]);
  });

  it('names the task role when it is the one missing, without names when ListRoles was refused', () => {
    const roles = roleAccess({ [roleArn('exec')]: { status: 'pending' }, [roleArn('app-task')]: { status: 'missing' } });
    expect(onlyFindingOf('role-not-found', task(roleArn('exec')), { catalog, roles }).message).toBe(
      'The task role "app-task" (taskRoleArn) does not exist in account 111122223333; ECS cannot assume it and the task will not start.',
    );
  });

  it('checks nothing in another account, in a placeholder, or before IAM answered', () => {
    const roles = roleAccess({});
    for (const arn of ['arn:aws:iam::999988887777:role/exec', 'arn:aws:iam::${ACCOUNT}:role/exec', roleArn('exec')]) {
      expect(findingsOf('role-not-found', task(arn, ''), { catalog, roles }), arn).toEqual([]);
    }
  });
});
