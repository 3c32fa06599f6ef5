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

/** Every variable a subject's containers set through `environment` or `secrets`, in document order. */
export function* variableEntries(subject: Subject): Generator<VariableEntry> {
  for (const container of subject.containers) {
    for (const member of ['environment', 'secrets'] as const) {
      const list = subject.dialect.hostName('ContainerDefinition', member);
      const where = `"${list}" of ${describeContainer(container)}`;
      for (const entry of findArray(container.node, member)) {
        const name = findValue(entry, 'name');
        if (name?.type === 'string') yield { container, member, entry, name, list, where };
      }
    }
  }
}
