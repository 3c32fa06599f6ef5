import { isAccountId, isRegion, isPartition, parseArn, partitionOfRegion } from './arn';
import { findArray, findString, findValue } from './document/navigate';
import type { AnalysisOptions } from './options';
import type { Subject } from './subjects/subject';

/** What a task definition says, directly or through the host, about where it runs. */
export interface TaskFacts {
  /**
   * The task's account: from executionRoleArn, then taskRoleArn, then the signed-in account, then the
   * settings (docs/reference/cross-account.md#the-tasks-account).
   */
  account?: string;
  /** Where the account came from, for messages. */
  accountSource?: 'executionRoleArn' | 'taskRoleArn' | 'signed-in' | 'settings';
  /** The task's region: an `awslogs-region`, then the host's region. */
  region?: string;
  /** The partition of the role ARNs, else of the region. */
  partition: string;
  /** `requiresCompatibilities` includes FARGATE. */
  fargate: boolean;
}

/** Derives the task's account, region, partition and launch type once per analysis. */
export function deriveTaskFacts(subject: Subject, options: AnalysisOptions): TaskFacts {
  const task = subject.task ?? subject.linked?.node;
  const roles = (['executionRoleArn', 'taskRoleArn'] as const).map((key) => ({ key, arn: parseArn(findString(task, key) ?? '') }));
  const fromRole = roles.find((r) => isAccountId(r.arn?.account));
  const configured = isAccountId(options.account) ? options.account : undefined;
  const account = fromRole?.arn?.account ?? options.catalog?.account ?? configured;
  const accountSource = fromRole ? fromRole.key : options.catalog ? 'signed-in' : configured ? 'settings' : undefined;

  const logRegion = subject.containers
    .map((c) => findString(findValue(findValue(c.node, 'logConfiguration'), 'options'), 'awslogs-region'))
    .find((r) => r !== undefined && isRegion(r));
  const region = logRegion ?? (options.region || undefined) ?? options.catalog?.defaultRegion;

  const rolePartition = roles.map((r) => r.arn?.partition).find((p) => p !== undefined && isPartition(p));
  const partition = rolePartition ?? (region ? partitionOfRegion(region) : 'aws');

  const fargate = findArray(task, 'requiresCompatibilities').some((n) => n.value === 'FARGATE');
  return { account, accountSource, region, partition, fargate };
}
