import type { Finding } from '../findings';
import { isTemplated } from '../template';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';
import { variableEntries } from './variableEntries';

/** A name every shell and framework can read (docs/reference/container-definitions.md#cd-4). */
const PORTABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const environmentName: SubjectRule = {
  id: 'environment-name',
  title: 'Unusable variable name',
  description:
    'Reports an `environment` or `secrets` name that is not letters, digits and `_` with no leading digit (`^[A-Za-z_][A-Za-z0-9_]*$`). ECS passes such names on, but shells and many frameworks cannot read them (a name starting with a digit was "undefined at runtime" in aws/copilot-cli#2230). A name with `=` is an error: the environment is a list of `NAME=value` strings, so the container sees a different variable. `secretOptions` names are log-option keys and are not checked; an empty name is an `empty-value` finding.',
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    const entries = variableEntries(ctx.subject);
    for (let i = 0; i < entries.length; i++) {
      const { name: node, where } = entries[i];
      const name = node.value as string;
      // Blank names are empty-value's; placeholders are filled in before ECS sees them.
      if (name.trim() === '' || PORTABLE_NAME.test(name) || isTemplated(name)) continue;
      const equals = name.indexOf('=');
      findings.push(
        equals >= 0
          ? {
              ruleId: 'environment-name',
              severity: 'error',
              message: `"${name}" in ${where} contains "="; the environment is a list of NAME=value strings, so the container would see ${equals === 0 ? 'no such variable' : `a variable "${name.slice(0, equals)}" instead`}. Rename it.`,
              range: nodeRange(ctx, node),
            }
          : {
              ruleId: 'environment-name',
              severity: 'warning',
              message: `"${name}" in ${where} is not a portable variable name (letters, digits and "_", not starting with a digit); shells and many frameworks cannot read it.`,
              range: nodeRange(ctx, node),
            },
      );
    }
    return findings;
  },
};
