import type { Finding } from '../findings';
import { findValue } from '../document/navigate';
import type { ContainerModel } from '../subjects/subject';
import { literalName } from './containerNames';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

// ECS compares container names as written, case included, and refuses a repeated one: "Container
// names must be unique within a Task Definition." (observed: Shippable/support#2946). Names are
// up to 255 letters, digits, `_` and `-` (docs/reference/container-definitions.md#cd-7).

export const containerNameDuplicate: SubjectRule = {
  id: 'container-name-duplicate',
  title: 'Container name used twice',
  description:
    'Reports a container whose `name` another container of the same task already has (compared case-sensitively, as ECS does). ECS rejects the task definition ("Container names must be unique within a Task Definition"), and `dependsOn`, `links` and the load balancer settings could not say which container they mean.',
  needsCatalog: false,
  // A Terraform container_definitions array is the whole container list of its task.
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    const seen = new Map<string, ContainerModel>();
    for (const container of ctx.subject.containers) {
      const node = findValue(container.node, 'name');
      // A placeholder or an expression may become any name.
      const name = literalName(node);
      if (name === undefined) continue;
      const earlier = seen.get(name);
      if (!earlier) {
        seen.set(name, container);
        continue;
      }
      findings.push({
        ruleId: 'container-name-duplicate',
        severity: 'error',
        message: `Container #${container.index + 1} is named "${name}" like container #${earlier.index + 1}; ECS rejects the task definition ("Container names must be unique within a Task Definition"). Rename one of them.`,
        range: nodeRange(ctx, node!),
      });
    }
    return findings;
  },
};
