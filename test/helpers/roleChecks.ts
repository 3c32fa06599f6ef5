// Role check answers for tests of the pure core: what the host would hand over once IAM answered.
import { decisionKey, type RoleChecksAccess, type RoleDecision, type RoleState } from '../../server/src/service';
import { ACCOUNT } from './fakeCatalog';

/** A role ARN of the test account. */
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** A trust policy that lets these service principals assume the role. */
export const trustFor = (...services: string[]) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: services.length === 1 ? services[0] : services }, Action: 'sts:AssumeRole' }],
});

/** A found role with these simulated decisions (`[action, resource, decision, matched?]`). */
export function foundRole(
  name: string,
  trustPolicy: unknown,
  decisions: [string, string, RoleDecision['decision'], string[]?, string[]?][] = [],
): RoleState {
  return {
    status: 'found',
    name,
    trustPolicy,
    decisions: new Map(
      decisions.map(([action, resource, decision, matched, missing]) => [
        decisionKey(action, resource),
        { decision, matchedStatements: matched ?? [], missingContextValues: missing ?? [] },
      ]),
    ),
  };
}

/** The access the core reads, over a map of role ARN → state. */
export function roleAccess(states: Record<string, RoleState>): RoleChecksAccess {
  return { account: ACCOUNT, role: (arn) => states[arn] };
}

/**
 * A YAML template whose role ExecRole (trusted by `principal`, with `roleProperties` after its trust
 * policy, and any further resources after those) is the execution role of a task with these secrets.
 */
export function roleTemplate(roleProperties: string, secrets: Record<string, string> = {}, principal = 'ecs-tasks.amazonaws.com'): string {
  const entries = Object.entries(secrets).map(
    ([name, valueFrom]) => `            - Name: ${name}\n              ValueFrom: ${valueFrom}\n`,
  );
  return `Resources:
  ExecRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ${principal} }
            Action: sts:AssumeRole
${roleProperties}  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Memory: 512
${entries.length ? `          Secrets:\n${entries.join('')}` : ''}`;
}
