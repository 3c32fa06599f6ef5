import type { Finding } from '../findings';
import { findProperty, findString, findValue } from '../document/navigate';
import { keyOf, valueOf } from '../document/node';
import { describeContainer } from '../subjects/subject';
import { capitalize } from '../text';
import { nodeRange } from './fixBuilders';
import type { SubjectRule } from './rule';

// FireLens runs only on Linux: the ECS developer guide, "Send Amazon ECS logs to an AWS service or
// AWS Partner" (using_firelens.html, Considerations), says FireLens is supported for tasks on Fargate
// on Linux and on EC2 on Linux, and that Windows containers don't support it; "Windows containers on
// AWS Fargate considerations" (AWS_Fargate.html) lists FireLens among what Windows tasks lack
// (docs/reference/fargate.md#pv-2 and #platform-and-agent-versions). A Windows task names its OS in
// runtimePlatform.operatingSystemFamily (WINDOWS_SERVER_2019_FULL, WINDOWS_SERVER_2022_CORE, ...).

export const firelensWindows: SubjectRule = {
  id: 'firelens-windows',
  title: 'FireLens on Windows',
  description:
    'Reports FireLens in a Windows task (`runtimePlatform.operatingSystemFamily` `WINDOWS_SERVER_*`): a container with `firelensConfiguration` (the log router) and a container that logs with the `awsfirelens` driver. ECS supports FireLens only for Linux tasks, on Fargate and on EC2; Windows tasks log with `awslogs`, or with a Fluent Bit container configured by hand.',
  needsCatalog: false,
  // A container-definition array has no runtimePlatform: it is the task's, set elsewhere.
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform'],
  check(ctx) {
    const platform = findValue(ctx.subject.task, 'runtimePlatform');
    const family = findString(platform, 'operatingSystemFamily');
    if (!family?.startsWith('WINDOWS')) return [];
    const familyName = ctx.subject.dialect.hostName('RuntimePlatform', 'operatingSystemFamily');
    const onWindows = `the task's "${familyName}" is "${family}", and ECS supports FireLens only on Linux`;
    const findings: Finding[] = [];
    for (const container of ctx.subject.containers) {
      const where = describeContainer(container);
      const router = findProperty(container.node, 'firelensConfiguration');
      if (router && valueOf(router)?.type !== 'null') {
        findings.push({
          ruleId: 'firelens-windows',
          severity: 'error',
          message: `${capitalize(where)} is a FireLens log router ("${keyOf(router).value as string}"), but ${onWindows}. Log with awslogs instead, or run Fluent Bit as an ordinary container.`,
          range: nodeRange(ctx, keyOf(router)),
        });
      }
      const driver = findValue(findValue(container.node, 'logConfiguration'), 'logDriver');
      if (driver?.type === 'string' && driver.value === 'awsfirelens') {
        findings.push({
          ruleId: 'firelens-windows',
          severity: 'error',
          message: `${capitalize(where)} logs with "awsfirelens", but ${onWindows}. Use the awslogs log driver instead.`,
          range: nodeRange(ctx, driver),
        });
      }
    }
    return findings;
  },
};
