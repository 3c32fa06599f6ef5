import type { FixData, Finding } from '../findings';
import { findProperty, pathOf } from '../document/navigate';
import { keyOf, type DocNode } from '../document/node';
import { MODEL } from '../shape/taskDefinitionShape';
import { nodeRange } from './fixBuilders';
import type { SubjectRule } from './rule';

const MAKE_REGISTRABLE: FixData = { kind: 'makeRegistrable', title: 'Make registrable: unwrap, remove output-only fields and nulls' };

export const describeOutput: SubjectRule = {
  id: 'describe-output',
  title: 'describe-task-definition output',
  description:
    'Reports what `describe-task-definition` and the console\'s JSON view emit but `register-task-definition` rejects: the `{"taskDefinition": ...}` wrapper, the output-only members (`taskDefinitionArn`, `revision`, `status`, `requiresAttributes`, `compatibilities`, `registeredAt`, `registeredBy`, `deregisteredAt`, `deleteRequestedAt`) and `null` values. Quick fixes unwrap the document (moving the outer `tags` inside), remove one field, or do all of it at once ("Make registrable").',
  needsCatalog: false,
  // CloudFormation templates never reach register-task-definition as they are.
  appliesTo: ['taskDefinition', 'describeOutput'],
  check(ctx) {
    const task = ctx.subject.task;
    if (!task) return [];
    const findings: Finding[] = [];
    const report = (node: DocNode, message: string, fix?: FixData) =>
      findings.push({
        ruleId: 'describe-output',
        severity: 'error',
        message,
        range: nodeRange(ctx, node),
        fixes: fix ? [fix, MAKE_REGISTRABLE] : [MAKE_REGISTRABLE],
      });

    if (ctx.subject.kind === 'describeOutput') {
      const wrapper = findProperty(ctx.subject.root, 'taskDefinition')!;
      report(keyOf(wrapper), 'This is describe-task-definition output; register-task-definition takes the inner object at the top level.', {
        kind: 'unwrapDescribe',
        title: 'Unwrap "taskDefinition"',
      });
    }
    for (const name of MODEL.outputOnlyMembers) {
      const property = findProperty(task, name);
      if (property) {
        report(keyOf(property), `"${name}" is output of describe-task-definition; register-task-definition rejects it.`, {
          kind: 'removeMember',
          title: `Remove "${name}"`,
          path: pathOf(property.children![1] ?? property),
        });
      }
    }
    // YAML writes null as `~` or nothing at all: only JSON text can be searched for the word.
    for (const node of nullsUnder(task, ctx.model.document.format === 'json' ? ctx.model.text : undefined)) {
      const property = node.parent?.type === 'property' ? node.parent : undefined;
      const label = property ? `"${property.children![0].value}"` : 'This array element';
      // YAML writes null as nothing at all (`command:`): the finding then points at the key.
      const at = node.length === 0 && property ? keyOf(property) : node;
      report(at, `${label} is null; the AWS CLI and SDKs reject null values. Remove it or give it a value.`, {
        kind: 'removeMember',
        title: `Remove ${property ? label : 'the null element'}`,
        path: pathOf(node),
      });
    }
    return findings;
  },
};

/**
 * Every null value under the task, in document order, without recursion (documents can be deep).
 * Output-only members are skipped: they are reported once, above, and go away whole.
 */
function nullsUnder(task: DocNode, text: string | undefined): DocNode[] {
  const found: DocNode[] = [];
  // Most documents have no null at all: one substring search spares the walk over every node.
  if (text !== undefined && !text.includes('null', task.offset)) return found;
  const stack: DocNode[] = (task.children ?? []).filter((p) => !MODEL.outputOnlyMembers.includes(p.children?.[0]?.value)).reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'null') found.push(node);
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found;
}
