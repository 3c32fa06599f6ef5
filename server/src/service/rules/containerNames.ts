// The names a task's containers and volumes go by, as far as the document says them: the rules
// that judge references to containers and volumes share them.
import { findValue } from '../document/navigate';
import type { DocNode } from '../document/node';
import type { TaskDefinitionModel } from '../model';
import type { Subject } from '../subjects/subject';
import { isTemplated } from '../template';

/** A name written literally: a string that is no placeholder (`${name}`) and no expression (`!Sub`). */
export function literalName(node: DocNode | undefined): string | undefined {
  return node?.type === 'string' && !isTemplated(node.value as string) ? (node.value as string) : undefined;
}

/** The node of the subject's container list: the root of a container array, else the task's `containerDefinitions`. */
export function containerList(subject: Subject): DocNode | undefined {
  return subject.task ? findValue(subject.task, 'containerDefinitions') : subject.root;
}

/**
 * Every `member` name of the objects in `list` (absent or null: none), or undefined when some name
 * cannot be known from the text: an element or a name that is an expression (a container inside
 * `Fn::If`, a `!Sub` name, a YAML alias), a placeholder, a list that is not a list, or one with a
 * syntax error in it (`[ {...}, $SIDECAR_JSON ]`: an element the parser could not read). An object
 * without the member adds nothing: it cannot be referred to.
 */
export function knownNames(model: TaskDefinitionModel, list: DocNode | undefined, member: string): Set<string> | undefined {
  const names = new Set<string>();
  if (!list || list.type === 'null') return names;
  if (list.type !== 'array' || hasSyntaxProblem(model, list)) return undefined;
  for (const element of list.children ?? []) {
    if (element.type !== 'object') return undefined;
    const name = findValue(element, member);
    if (!name || name.type === 'null') continue;
    const literal = literalName(name);
    if (literal === undefined) return undefined;
    names.add(literal);
  }
  return names;
}

/** True when a syntax problem of the document lies inside `node`: part of it may not have been read. */
export function hasSyntaxProblem(model: TaskDefinitionModel, node: DocNode): boolean {
  return model.document.problems.some((p) => p.offset >= node.offset && p.offset <= node.offset + node.length);
}
