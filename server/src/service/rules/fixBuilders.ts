import type { DocNode } from '../document/node';
import type { FixData } from '../findings';
import { rewriteTemplate } from '../subjects/expressionValues';
import type { RuleContext } from './rule';

/**
 * A fix that replaces a string (quotes included) with `value`, written in the document's syntax.
 * For a `Fn::Sub` reference it rewrites the template's literal part instead; undefined when the
 * change falls on a part CloudFormation fills in.
 */
export function replaceStringFix(ctx: RuleContext, node: DocNode, value: string, title: string, preferred = true): FixData | undefined {
  if (node.type === 'expression') {
    const template = ctx.subject.references.find((r) => r.node === node)?.template;
    const text = template && rewriteTemplate(template, ctx.facts, value);
    return text === undefined ? undefined : replaceNodeFix(ctx, template!.node, ctx.editor.scalar(text, template!.node), title, preferred);
  }
  return replaceNodeFix(ctx, node, ctx.editor.scalar(value, node), title, preferred);
}

/** A fix that replaces the text of a node (checked first, so a stale fix is dropped). */
export function replaceNodeFix(ctx: RuleContext, node: DocNode, newText: string, title: string, preferred = true): FixData {
  return {
    kind: 'replaceText',
    title,
    range: nodeRange(ctx, node),
    oldText: ctx.model.text.slice(node.offset, node.offset + node.length),
    newText,
    preferred,
  };
}

/** The fix marked safe (FixData `safe`): `ecs-taskdef-lint --fix` applies it without asking. */
export function safeFix(fix: FixData | undefined): FixData | undefined {
  return fix && { ...fix, safe: true };
}

/** The fixes that could be written, or undefined when none could. */
export function fixList(...fixes: (FixData | undefined)[]): FixData[] | undefined {
  const written = fixes.filter((f): f is FixData => f !== undefined);
  return written.length ? written : undefined;
}

/** The range of a whole node. */
export function nodeRange(ctx: { range: RuleContext['range'] }, node: { offset: number; length: number }) {
  return ctx.range(node.offset, node.length);
}
