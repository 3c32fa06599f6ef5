import { syntaxFindings } from './invalidJson';
import type { DocumentRule } from './rule';

export const invalidHcl: DocumentRule = {
  id: 'invalid-hcl',
  title: 'The Terraform file is not valid HCL',
  description:
    'Reports syntax errors in a Terraform file that holds an `aws_ecs_task_definition`: a block or object constructor that is never closed, an attribute without a value, a key given twice in one object constructor (only one value is kept), and JSON errors inside a `container_definitions` heredoc. `terraform validate` stops at such a file. The rest of the file is still checked where its tree is sound.',
  needsCatalog: false,
  appliesTo: 'document',
  check(ctx) {
    // A .tf file without a task definition is terraform-ls's business, broken or not.
    if (ctx.model.document.format !== 'terraform' || !ctx.model.text.includes('aws_ecs_task_definition')) return [];
    return syntaxFindings(ctx, 'invalid-hcl', 'Invalid HCL');
  },
};
