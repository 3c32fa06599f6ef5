import type { Node } from 'jsonc-parser';
import type { FixData } from '../findings';
import type { RuleContext } from './rule';

/** A fix that replaces a whole string token (quotes included) with `value`. */
export function replaceStringFix(ctx: RuleContext, node: Node, value: string, title: string, preferred = true): FixData {
  return {
    kind: 'replaceText',
    title,
    range: ctx.range(node.offset, node.length),
    oldText: ctx.model.text.slice(node.offset, node.offset + node.length),
    newText: JSON.stringify(value),
    preferred,
  };
}

/** The range of a whole node. */
export function nodeRange(ctx: RuleContext, node: Node) {
  return ctx.range(node.offset, node.length);
}
