import { findArray, findValue } from '../document/navigate';
import type { DocNode } from '../document/node';
import { describeContainer, type ContainerModel, type Subject } from '../subjects/subject';

/** One `environment` or `secrets` entry whose `name` is a string, with what messages say of it. */
export interface VariableEntry {
  container: ContainerModel;
  member: 'environment' | 'secrets';
  entry: DocNode;
  /** The `name` string node. */
  name: DocNode;
  /** The list as the document spells it (`environment`, CloudFormation's `Environment`). */
  list: string;
  /** `"environment" of container "web"`, for messages. */
  where: string;
}

/**
 * Every variable a subject's containers set through `environment` or `secrets`, in document order.
 * A list walked by index, not a generator: in a short CLI run this code is not optimised, and each
 * step of a generator or a for-of allocates a result object (docs/performance.md, "Measured 2026-12-04").
 */
export function variableEntries(subject: Subject): VariableEntry[] {
  const entries: VariableEntry[] = [];
  for (const container of subject.containers) {
    for (const member of MEMBERS) {
      const list = subject.dialect.hostName('ContainerDefinition', member);
      const where = `"${list}" of ${describeContainer(container)}`;
      const items = findArray(container.node, member);
      for (let i = 0; i < items.length; i++) {
        const entry = items[i];
        const name = findValue(entry, 'name');
        if (name?.type === 'string') entries.push({ container, member, entry, name, list, where });
      }
    }
  }
  return entries;
}

const MEMBERS = ['environment', 'secrets'] as const;
