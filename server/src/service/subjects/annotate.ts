import type { DocNode } from '../document/node';
import { memberOf, type TypeRef } from '../shape/taskDefinitionShape';
import type { Dialect } from './dialect';

/**
 * Records on every property below `node` which API member its key names in `dialect`, following
 * the shape's types, so that rules find members by their API names (DocNode.member). A key that
 * names no member gets `unknown(structure, key)`, by default its own name.
 */
export function annotate(
  node: DocNode,
  type: TypeRef,
  dialect: Dialect,
  unknown: (structureName: string, key: string) => string = (_structure, key) => key,
): void {
  if (typeof type === 'string' || 'enum' in type) return;
  if ('list' in type) {
    if (node.type === 'array') for (const element of node.children ?? []) annotate(element, type.list, dialect, unknown);
    return;
  }
  if (node.type !== 'object') return;
  for (const property of node.children ?? []) {
    const value = property.children?.[1];
    if ('map' in type) {
      if (value) annotate(value, type.map, dialect, unknown);
      continue;
    }
    const key = property.children?.[0]?.value as string;
    const member = dialect.memberFor(type.structure, key);
    property.member = member ?? unknown(type.structure, key);
    const memberType = member ? memberOf(type.structure, member)?.type : undefined;
    if (value && memberType) annotate(value, memberType, dialect, unknown);
  }
}
