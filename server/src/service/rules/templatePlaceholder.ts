import { findValue } from '../document/navigate';
import type { DocNode } from '../document/node';
import { firstPlaceholder } from '../template';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

// A task definition kept as a template (sed's `__AWS_REGION__`, envsubst's `$ACCOUNT_ID`,
// Terraform's `${account_id}`) holds ARNs that are not ARNs until it is rendered. The rules skip
// them (template.ts), and this one says so once, so that a user knows the references were not
// checked rather than that they passed. Fn::Sub values are CloudFormation's: subjects/expressionValues.ts.

/** The role members whose value is an ARN. */
const ROLE_MEMBERS = ['executionRoleArn', 'taskRoleArn'];

export const templatePlaceholder: SubjectRule = {
  id: 'template-placeholder',
  title: 'ARNs with template placeholders',
  description:
    'Reports, once per task definition, the secret, parameter and role ARNs that hold a template placeholder (`${region}`, `{{ account }}`, `__AWS_REGION__`, `$ACCOUNT_ID`, `#{Secret}`, ...). Their account, region and name are known only once the template is rendered, so the ARN rules do not check them: lint the rendered file to have them checked.',
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const templated: { node: DocNode; placeholder: string }[] = [];
    const add = (node: DocNode | undefined) => {
      const placeholder = node?.type === 'string' ? firstPlaceholder(node.value as string) : undefined;
      if (node && placeholder) templated.push({ node, placeholder });
    };
    for (const member of ROLE_MEMBERS) add(findValue(ctx.subject.task, member));
    // A `Fn::Sub` reference is an expression node, never a string: its variables are CloudFormation's.
    const { references } = ctx.subject;
    for (let i = 0; i < references.length; i++) add(references[i].node);
    if (!templated.length) return [];
    templated.sort((a, b) => a.node.offset - b.node.offset);
    const [first] = templated;
    const count = templated.length === 1 ? 'One ARN holds' : `${templated.length} ARNs hold`;
    return [
      {
        ruleId: 'template-placeholder',
        severity: 'information',
        message: `${count} template placeholders (first ${JSON.stringify(first.placeholder)}); what a template fills in is checked only once the file is rendered.`,
        range: nodeRange(ctx, first.node),
      },
    ];
  },
};
