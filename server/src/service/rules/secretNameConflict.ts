import type { Finding } from '../findings';
import { findArray, findValue, pathOf } from '../document/navigate';
import type { DocNode } from '../document/node';
import { describeContainer } from '../subjects/subject';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

export const secretNameConflict: SubjectRule = {
  id: 'secret-name-conflict',
  title: 'Secret name used twice',
  description:
    'Reports a variable name that a container sets both in `secrets` and in `environment`, which ECS rejects at registration ("The secret name must be unique and not shared with any new or existing environment variables"); a quick fix removes the `environment` entry. The same name twice in `secrets` is a warning: only one of the values reaches the container.',
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    for (const container of ctx.subject.containers) {
      const environment = new Map<string, DocNode>();
      // Indexed loops over lists that may be long (see variableEntries.ts).
      const variables = findArray(container.node, 'environment');
      for (let i = 0; i < variables.length; i++) {
        const name = findValue(variables[i], 'name');
        if (name?.type === 'string') environment.set(name.value, variables[i]);
      }
      const seen = new Set<string>();
      const secrets = findArray(container.node, 'secrets');
      for (let i = 0; i < secrets.length; i++) {
        const entry = secrets[i];
        const name = findValue(entry, 'name');
        // An empty name is an empty-value finding, not a conflict (so a blank environment name never matches).
        if (name?.type !== 'string' || name.value.trim() === '') continue;
        const envEntry = environment.get(name.value);
        if (envEntry) {
          findings.push({
            ruleId: 'secret-name-conflict',
            severity: 'error',
            message: `"${name.value}" is set in both "secrets" and "environment" of ${describeContainer(container)}; ECS rejects the task definition. Keep one.`,
            range: nodeRange(ctx, name),
            fixes: [{ kind: 'removeMember', title: `Remove "${name.value}" from "environment"`, path: pathOf(envEntry) }],
          });
        }
        if (seen.has(name.value)) {
          findings.push({
            ruleId: 'secret-name-conflict',
            severity: 'warning',
            message: `"${name.value}" appears twice in "secrets" of ${describeContainer(container)}; only one of them reaches the container.`,
            range: nodeRange(ctx, name),
          });
        }
        seen.add(name.value);
      }
    }
    return findings;
  },
};
