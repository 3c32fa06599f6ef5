// A document tree as text, one line per node, for tests that assert a format adapter's whole tree:
// its type, the host text it covers, its value, its YAML style and its expression, indented by depth.
import { expect } from 'vitest';
import type { DocNode } from '../../server/src/service/document/node';

export function outline(text: string, node: DocNode, depth = 0, lines: string[] = []): string[] {
  const covered = JSON.stringify(text.slice(node.offset, node.offset + node.length));
  const value =
    node.type === 'object' || node.type === 'array' || node.type === 'property' || node.type === 'expression'
      ? ''
      : ` = ${JSON.stringify(node.value)}`;
  const style = node.style ? ` (${node.style})` : '';
  const expression = node.expression ? ` ${node.expression.syntax}:${node.expression.fn}` : '';
  // A Terraform template's parts: a literal's value, an interpolation as written.
  const parts = node.expression?.parts
    ? ` [${node.expression.parts.map((p) => (p.literal === undefined ? p.source : JSON.stringify(p.literal))).join(' ')}]`
    : '';
  lines.push(`${'  '.repeat(depth)}${node.type} ${covered}${value}${style}${expression}${parts}`);
  for (const child of node.children ?? []) {
    expect(child.parent).toBe(node);
    outline(text, child, depth + 1, lines);
  }
  return lines;
}
