import type { JSONPath, Node } from 'jsonc-parser';

/** The `property` node for `key` in an object node; the last one when the key is duplicated (JSON.parse keeps the last). */
export function findProperty(object: Node | undefined, key: string): Node | undefined {
  if (object?.type !== 'object' || !object.children) return undefined;
  for (let i = object.children.length - 1; i >= 0; i--) {
    const property = object.children[i];
    if (property.children?.[0]?.value === key) return property;
  }
  return undefined;
}

/** The value node of `key` in an object node. */
export function findValue(object: Node | undefined, key: string): Node | undefined {
  return findProperty(object, key)?.children?.[1];
}

/** The string value of `key`, or undefined when it is absent or not a string. */
export function findString(object: Node | undefined, key: string): string | undefined {
  const value = findValue(object, key);
  return value?.type === 'string' ? (value.value as string) : undefined;
}

/** The elements of `key` when it is an array, else an empty list. */
export function findArray(object: Node | undefined, key: string): Node[] {
  const value = findValue(object, key);
  return value?.type === 'array' ? (value.children ?? []) : [];
}

/** The key node of a property node. */
export function keyOf(property: Node): Node {
  return property.children![0];
}

/** The JSON path of a node, e.g. ['containerDefinitions', 0, 'secrets']. */
export function pathOf(node: Node): JSONPath {
  const path: JSONPath = [];
  let current: Node | undefined = node;
  while (current?.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'property') {
      path.unshift(parent.children![0].value as string);
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
 * The node a finding about `node` should point at when the finding is about the node as a whole
 * (a missing member, a wrong container): the key of the property that holds it, or, for an array
 * element or the root, its first character.
 */
export function anchorOf(node: Node): { offset: number; length: number } {
  const parent = node.parent;
  if (parent?.type === 'property') {
    const key = parent.children![0];
    return { offset: key.offset, length: key.length };
  }
  return { offset: node.offset, length: 1 };
}
