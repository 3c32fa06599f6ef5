import type { Finding } from '../findings';
import { findValue } from '../document/navigate';
import type { DocNode } from '../document/node';
import { booleanOf, type Dialect } from '../subjects/dialect';
import { describeContainer } from '../subjects/subject';
import { containerList, hasSyntaxProblem } from './containerNames';
import { nodeRange, replaceNodeFix } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

// A container without `essential` is essential (ContainerDefinition in the ECS API reference: "If
// the essential parameter of a container is marked as true ... All tasks must have at least one
// essential container"); ECS refuses a task whose containers all say false: "Task definition
// doesn't have any essential container." (observed: eagletmt/hako#68; cfn-lint#4536 checked it
// against CloudFormation and ECS, which is cfn-lint's E3042, docs/reference/fargate.md#fg-2).

export const noEssentialContainer: SubjectRule = {
  id: 'no-essential-container',
  title: 'No essential container',
  description:
    'Reports a task definition whose containers all have `essential: false`. A container without `essential` is essential, so the rule fires only when every container says false explicitly; ECS rejects such a task definition ("Task definition doesn\'t have any essential container"). The quick fix makes the first container essential.',
  needsCatalog: false,
  // A Terraform container_definitions array is the whole container list of its task.
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const list = containerList(ctx.subject);
    const { containers, dialect } = ctx.subject;
    // A container known only at deploy time (inside `Fn::If`, an alias), or one the parser could not
    // read (`$SIDECAR_JSON`), may be the essential one.
    if (list?.type !== 'array' || !containers.length || containers.length !== list.children?.length) return [];
    if (hasSyntaxProblem(ctx.model, list)) return [];
    const values = containers.map((c) => findValue(c.node, 'essential'));
    if (!values.every((value) => isFalse(value, dialect))) return [];
    const first = values[0]!;
    const name = dialect.hostName('ContainerDefinition', 'essential');
    const finding: Finding = {
      ruleId: 'no-essential-container',
      severity: 'error',
      message: `${containers.length === 1 ? 'The only container has' : `All ${containers.length} containers have`} "${name}": false; ECS rejects a task definition without an essential container ("Task definition doesn't have any essential container"). Make the main container essential.`,
      range: nodeRange(ctx, first),
      fixes: [replaceNodeFix(ctx, first, ctx.editor.scalar(true, first), `Make ${describeContainer(containers[0])} essential`)],
    };
    return [finding];
  },
};

/** An explicit false: the boolean, or in CloudFormation, which converts scalars, the string "false". */
function isFalse(value: DocNode | undefined, dialect: Dialect): value is DocNode {
  return booleanOf(value, dialect) === false;
}
