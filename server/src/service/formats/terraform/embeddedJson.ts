// Which parts of a Terraform tree were written as JSON (a `container_definitions` heredoc): the
// editor writes JSON there and HCL everywhere else.
import type { DocNode } from '../../document/node';

const roots = new WeakSet<DocNode>();

/** Records the root of a JSON tree embedded in HCL text. */
export function markEmbeddedJson(root: DocNode): void {
  roots.add(root);
}

/** True when the node is inside (or is) an embedded JSON tree. */
export function inEmbeddedJson(node: DocNode): boolean {
  for (let current: DocNode | undefined = node; current; current = current.parent) if (roots.has(current)) return true;
  return false;
}
