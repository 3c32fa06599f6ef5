import type { FixData } from '../findings';
import type { RuleContext } from './rule';

/** How the subject spells `secrets`, `name` and `valueFrom`, for fixes that write a secrets entry. */
export function secretsKeys(ctx: RuleContext): Extract<FixData, { kind: 'moveToSecrets' }>['keys'] {
  const { dialect } = ctx.subject;
  return {
    secrets: dialect.hostName('ContainerDefinition', 'secrets'),
    name: dialect.hostName('Secret', 'name'),
    valueFrom: dialect.hostName('Secret', 'valueFrom'),
  };
}
