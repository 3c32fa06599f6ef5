// Edits both formats make the same way where a collection is written between brackets with commas:
// all of JSON, and YAML's flow style (`{ name: A, valueFrom: x }`, `[a, b]`).
import type { DocNode } from '../document/node';
import type { ValueSnippet } from './format';

/**
 * The text without `target` (a property or an element of a bracketed collection) and its comma:
 * the next sibling takes its place (and indentation); a last one takes the comma before it. `end`
 * is where the target's own text ends, when its node runs further (see jsonEditor.ts's
 * memberWithoutValue).
 */
export function removeBracketed(text: string, target: DocNode, end = target.offset + target.length): string {
  const container = target.parent!;
  const siblings = container.children!;
  const index = siblings.indexOf(target);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  if (next) return text.slice(0, target.offset) + text.slice(next.offset);
  if (previous) return text.slice(0, previous.offset + previous.length) + text.slice(end);
  return text.slice(0, container.offset + 1) + text.slice(container.offset + container.length - 1);
}

/**
 * The snippet of a scalar value after a completed property name, the same in JSON and YAML (a plain
 * default without snippet support); undefined for strings and collections, which each format writes.
 */
export function scalarSnippet(value: ValueSnippet, snippets: boolean): string | undefined {
  if (value.kind === 'integer') return snippets ? '${1:0}' : '0';
  if (value.kind === 'boolean') return snippets ? '${1|true,false|}' : 'false';
  return undefined;
}
