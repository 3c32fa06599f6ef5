import type { Finding } from '../findings';
import { findArray, findProperty, findString, pathOf } from '../document/navigate';
import { keyOf } from '../document/node';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';
import { secretsKeys } from './secretsKeys';

export const valueFromInEnvironment: SubjectRule = {
  id: 'value-from-in-environment',
  title: 'valueFrom in environment',
  description:
    "Reports an `environment` entry with `valueFrom`. Environment entries take a literal `value`; secret references belong in `secrets`, and the AWS CLI and SDKs reject the request (\"Unexpected key 'valueFrom'\"). The quick fix moves the entry into the container's `secrets`.",
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    for (const container of ctx.subject.containers) {
      for (const entry of findArray(container.node, 'environment')) {
        const property = findProperty(entry, 'valueFrom');
        if (!property) continue;
        const name = findString(entry, 'name');
        findings.push({
          ruleId: 'value-from-in-environment',
          severity: 'error',
          message: `"environment" entries take a literal "value"; move ${name === undefined ? 'this variable' : `"${name}"`} to "secrets" to have ECS fetch it from valueFrom.`,
          range: nodeRange(ctx, keyOf(property)),
          fixes: [{ kind: 'moveToSecrets', title: 'Move to "secrets"', path: pathOf(entry), keys: secretsKeys(ctx) }],
        });
      }
    }
    return findings;
  },
};
