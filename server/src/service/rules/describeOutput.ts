import type { FixData, Finding } from '../findings';
import { findProperty, pathOf } from '../document/navigate';
import { keyOf, type DocNode } from '../document/node';
import { MODEL } from '../shape/taskDefinitionShape';
import { nodeRange } from './fixBuilders';
import type { RuleContext, SubjectRule } from './rule';
import type { Path } from '../document/path';
import { deployActionPhrase, REGISTERED_BY_CLI, REGISTER_COMMAND } from '../deployment/deployment';
import { capitalize } from '../text';

const MAKE_REGISTRABLE: FixData = { kind: 'makeRegistrable', title: 'Make registrable: unwrap, remove output-only fields and nulls' };
// Registered by the CLI, every member and null is an error, and removing it is what registering
// takes: no guess, so `--fix` may apply it. The deploy action drops them itself; nothing needs fixing.
const MAKE_REGISTRABLE_SAFE: FixData = { ...MAKE_REGISTRABLE, safe: true };

export const describeOutput: SubjectRule = {
  id: 'describe-output',
  title: 'describe-task-definition output',
  description:
    'Reports what `describe-task-definition` and the console\'s JSON view emit but `aws ecs register-task-definition` rejects: the `{"taskDefinition": ...}` wrapper, the output-only members (`taskDefinitionArn`, `revision`, `status`, `requiresAttributes`, `compatibilities`, `registeredAt`, `registeredBy`, `deregisteredAt`, `deleteRequestedAt`) and `null` values. When the file is registered by the `amazon-ecs-deploy-task-definition` GitHub action, which drops those members and values itself (see docs/deployment.md), they are one information finding instead, and the members show as unnecessary. Quick fixes unwrap the document (moving the outer `tags` inside), remove one field, or do all of it at once ("Make registrable").',
  needsCatalog: false,
  // CloudFormation templates never reach register-task-definition as they are.
  appliesTo: ['taskDefinition', 'describeOutput'],
  check(ctx) {
    const task = ctx.subject.task;
    if (!task) return [];
    const deployment = ctx.options.deployment ?? REGISTERED_BY_CLI;
    const findings: Finding[] = [];
    if (ctx.subject.kind === 'describeOutput') {
      const wrapper = findProperty(ctx.subject.root, 'taskDefinition')!;
      // The action's SDK sends only the request's own members: the wrapper, and all inside it, is lost.
      const why =
        deployment.consumer === 'deployAction'
          ? `${deployActionPhrase(deployment)} sends RegisterTaskDefinition only the top-level members it knows, so everything inside "taskDefinition" is lost and ECS rejects the request`
          : `${REGISTER_COMMAND} takes the inner object at the top level`;
      findings.push({
        ruleId: 'describe-output',
        severity: 'error',
        message: `This is describe-task-definition output; ${why}.`,
        range: nodeRange(ctx, keyOf(wrapper)),
        // Unwrapping is safe whoever registers the file: the deploy action loses the wrapped task too.
        fixes: [
          { kind: 'unwrapDescribe', title: 'Unwrap "taskDefinition"', safe: true },
          deployment.consumer === 'cli' ? MAKE_REGISTRABLE_SAFE : MAKE_REGISTRABLE,
        ],
      });
    }
    const dropped = droppedMembers(ctx, task);
    if (deployment.consumer === 'cli') {
      for (const member of dropped)
        findings.push({
          ruleId: 'describe-output',
          severity: 'error',
          message: `${member.label} ${member.kind === 'output' ? 'is output of describe-task-definition' : 'is null'}; ${REGISTER_COMMAND} rejects it.${member.kind === 'null' ? ' Remove it or give it a value.' : ''}`,
          range: nodeRange(ctx, member.at),
          fixes: [{ kind: 'removeMember', title: member.removeTitle, path: member.path, safe: true }, MAKE_REGISTRABLE_SAFE],
        });
      return findings;
    }
    if (!dropped.length) return findings;
    const outputs = dropped.filter((m) => m.kind === 'output').length;
    const kinds = [
      outputs ? `${outputs} describe-task-definition output member${outputs === 1 ? '' : 's'}` : '',
      dropped.length > outputs ? `${dropped.length - outputs} null value${dropped.length - outputs === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    findings.push({
      ruleId: 'describe-output',
      severity: 'information',
      message: `${capitalize(deployActionPhrase(deployment))} drops ${kinds.join(' and ')} before it registers the task definition; ${REGISTER_COMMAND} would reject ${dropped.length === 1 ? 'it' : 'them'}.`,
      range: nodeRange(ctx, dropped[0].at),
      fixes: [MAKE_REGISTRABLE],
    });
    // Each member shows faded (LSP's Unnecessary tag) where it is, and can go on its own.
    for (const member of dropped)
      findings.push({
        ruleId: 'describe-output',
        severity: 'hint',
        tags: ['unnecessary'],
        message: `${member.label} is dropped by the deploy action; ${REGISTER_COMMAND} would reject it.`,
        range: nodeRange(ctx, member.at),
        fixes: [{ kind: 'removeMember', title: member.removeTitle, path: member.path }],
      });
    return findings;
  },
};

/** A member the deploy action drops and the CLI refuses: where to report it, and what removes it. */
interface DroppedMember {
  kind: 'output' | 'null';
  label: string;
  removeTitle: string;
  at: DocNode;
  path: Path;
}

/** The output-only members of the task, then its null values, in document order. */
function droppedMembers(ctx: RuleContext, task: DocNode): DroppedMember[] {
  const members: DroppedMember[] = [];
  for (const name of MODEL.outputOnlyMembers) {
    const property = findProperty(task, name);
    if (property)
      members.push({
        kind: 'output',
        label: `"${name}"`,
        removeTitle: `Remove "${name}"`,
        at: keyOf(property),
        path: pathOf(property.children![1] ?? property),
      });
  }
  // YAML writes null as `~` or nothing at all: only JSON text can be searched for the word.
  for (const node of nullsUnder(task, ctx.model.document.format === 'json' ? ctx.model.text : undefined)) {
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    // YAML writes null as nothing at all (`command:`): the finding then points at the key.
    const at = node.length === 0 && property ? keyOf(property) : node;
    const label = property ? `"${property.children![0].value}"` : 'This array element';
    members.push({ kind: 'null', label, removeTitle: `Remove ${property ? label : 'the null element'}`, at, path: pathOf(node) });
  }
  return members;
}

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
