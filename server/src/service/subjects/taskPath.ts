import type { Path } from '../document/path';
import { memberOf, rootType, type TypeRef } from '../shape/taskDefinitionShape';
import type { Subject } from './subject';

/**
 * A document path (host names, from the root) in the subject's own coordinates: below its task
 * object, in API member names. Undefined outside the subject. The last segment is kept as written
 * when it names no member (a key being typed).
 */
export function taskPathOf(subject: Subject, path: Path): Path | undefined {
  const prefix = subject.taskPath;
  if (path.length < prefix.length || prefix.some((segment, i) => path[i] !== segment)) return undefined;
  const rest = path.slice(prefix.length);
  if (subject.dialect.id === 'api') return rest;
  let type: TypeRef | undefined = rootType(subject.kind);
  return rest.map((segment) => {
    if (type === undefined || typeof type === 'string' || 'enum' in type) {
      type = undefined;
      return segment;
    }
    if ('list' in type) {
      type = typeof segment === 'number' ? type.list : undefined;
      return segment;
    }
    if ('map' in type) {
      type = type.map;
      return segment;
    }
    const member = typeof segment === 'string' ? subject.dialect.memberFor(type.structure, segment) : undefined;
    type = member ? memberOf(type.structure, member)?.type : undefined;
    return member ?? segment;
  });
}
