// Small helpers to walk a document tree by API member names. A dialect's renamed keys (see
// DocNode.member) are found by their API name, so one rule serves every format.
import { memberName, type DocNode } from './node';
import type { Path } from './path';

/** The `property` node for `member` in an object node; the last one when it is duplicated (JSON.parse keeps the last). */
export function findProperty(object: DocNode | undefined, member: string): DocNode | undefined {
  if (object?.type !== 'object' || !object.children) return undefined;
  for (let i = object.children.length - 1; i >= 0; i--) {
    const property = object.children[i];
    if (property.children?.[0] && memberName(property) === member) return property;
  }
  return undefined;
}

/** The value node of `member` in an object node. */
export function findValue(object: DocNode | undefined, member: string): DocNode | undefined {
  return findProperty(object, member)?.children?.[1];
}

/** The string value of `member`, or undefined when it is absent or not a string. */
export function findString(object: DocNode | undefined, member: string): string | undefined {
  const value = findValue(object, member);
  return value?.type === 'string' ? (value.value as string) : undefined;
}

/** The elements of `member` when it is an array, else an empty list. */
export function findArray(object: DocNode | undefined, member: string): DocNode[] {
  const value = findValue(object, member);
  return value?.type === 'array' ? (value.children ?? []) : [];
}

/**
 * The path of a node from its root, in the host text's names, e.g. ['containerDefinitions', 0, 'secrets'].
 * A property node's path is its member's (the same as its value's), so a property whose value is
 * missing in broken text still names itself, not the object around it.
 */
export function pathOf(node: DocNode): Path {
  return walkUp(node, (property) => property.children![0].value as string);
}

/** The path of a node from its root in API member names (a dialect's renamed keys mapped back). */
export function memberPathOf(node: DocNode): Path {
  return walkUp(node, memberName);
}

function walkUp(node: DocNode, name: (property: DocNode) => string): Path {
  const path: Path = node.type === 'property' ? [name(node)] : [];
  // Up from a value, each step meets a property (a name) or an array (an index); an object is met
  // only right above a property node, where there is nothing to add.
  let current: DocNode | undefined = node;
  while (current?.parent) {
    const parent: DocNode = current.parent;
    if (parent.type === 'property') {
      path.unshift(name(parent));
      current = parent.parent;
    } else if (parent.type === 'array') {
      path.unshift(parent.children!.indexOf(current));
      current = parent;
    } else {
      current = parent;
    }
  }
  return path;
}

/**
 * The node at `path` below `root` (host names), if there is one. Of duplicated keys the last that
 * leads down the whole path wins: JSON keeps the last, and Terraform repeats `resource` for each block.
 */
export function nodeAtPath(root: DocNode | undefined, path: Path, from = 0): DocNode | undefined {
  let node = root;
  for (let i = from; i < path.length; i++) {
    const segment = path[i];
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
      continue;
    }
    if (node.type !== 'object') return undefined;
    const children = node.children ?? [];
    let matches = 0;
    let found: DocNode | undefined;
    for (const property of children) {
      if (property.children?.[0]?.value !== segment) continue;
      matches++;
      found = property.children[1];
    }
    if (matches > 1) {
      for (let k = children.length - 1; k >= 0; k--) {
        if (children[k].children?.[0]?.value !== segment) continue;
        const below = nodeAtPath(children[k].children?.[1], path, i + 1);
        if (below) return below;
      }
      return undefined;
    }
    node = found;
  }
  return node;
}

/**
 * The node a finding about `node` should point at when the finding is about the node as a whole
 * (a missing member, a wrong container): the key of the property that holds it, or, for an array
 * element or the root, its first character.
 */
export function anchorOf(node: DocNode): { offset: number; length: number } {
  const parent = node.parent;
  if (parent?.type === 'property') {
    const key = parent.children![0];
    return { offset: key.offset, length: key.length };
  }
  return { offset: node.offset, length: 1 };
}

/** The innermost node whose range holds `offset` (ends included), searching below `root`. */
export function innermostAt(root: DocNode | undefined, offset: number): DocNode | undefined {
  let node = root;
  if (!node || offset < node.offset || offset > node.offset + node.length) return undefined;
  for (;;) {
    const child: DocNode | undefined = node.children?.find((c) => offset >= c.offset && offset <= c.offset + c.length);
    if (!child) return node;
    node = child;
  }
}
