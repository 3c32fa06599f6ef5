import { closestNames } from '../closestName';
import type { Finding } from '../findings';
import { findArray, findValue } from '../document/navigate';
import { ROOT_STRUCTURE } from '../shape/taskDefinitionShape';
import { describeContainer } from '../subjects/subject';
import { knownNames, literalName } from './containerNames';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import { taskOf, type SubjectRule } from './rule';

// A mount point names one of the task's `volumes` by its name, case-sensitively; ECS refuses any
// other: "Unknown volume 'root-RO'." (observed: ansible/ansible#35751, wellcomecollection/platform#677).

export const volumeUnknown: SubjectRule = {
  id: 'volume-unknown',
  title: 'Unknown volume',
  description:
    'Reports a `mountPoints[].sourceVolume` that names no volume in the task\'s `volumes` (compared case-sensitively, as ECS does). ECS rejects the task definition ("Unknown volume"). When a volume name is close, the quick fix changes the mount point to it.',
  needsCatalog: false,
  // A container-definition array has no task-level volumes to compare with, unless a Terraform
  // resource reads it with file() (subjects/terraformLinks.ts).
  appliesTo: ['taskDefinition', 'describeOutput', 'cloudFormation', 'terraform', 'containerDefinitions'],
  linkedContainersOnly: true,
  check(ctx) {
    const task = taskOf(ctx);
    // Undefined when a volume name is a placeholder or known only at deploy time.
    const volumes = task && knownNames(ctx.model, findValue(task, 'volumes'), 'name');
    if (!volumes) return [];
    const findings: Finding[] = [];
    const volumesName = ctx.subject.linked ? 'volume' : ctx.subject.dialect.hostName(ROOT_STRUCTURE, 'volumes');
    const sourceVolumeName = ctx.subject.dialect.hostName('MountPoint', 'sourceVolume');
    for (const container of ctx.subject.containers) {
      for (const mountPoint of findArray(container.node, 'mountPoints')) {
        const node = findValue(mountPoint, 'sourceVolume');
        const name = literalName(node);
        // An empty name is empty-value's.
        if (!name || volumes.has(name)) continue;
        const [closest] = closestNames(name, volumes, 1);
        const what = volumes.size ? `no volume of the task's "${volumesName}"` : `no volume: the task has no "${volumesName}"`;
        findings.push({
          ruleId: 'volume-unknown',
          severity: 'error',
          message: `"${sourceVolumeName}" "${name}" of ${describeContainer(container)} names ${what}; ECS rejects the task definition ("Unknown volume '${name}'").${closest === undefined ? '' : ` Did you mean "${closest}"?`}`,
          range: nodeRange(ctx, node!),
          fixes: closest === undefined ? undefined : fixList(replaceStringFix(ctx, node!, closest, `Change to "${closest}"`)),
        });
      }
    }
    return findings;
  },
};
