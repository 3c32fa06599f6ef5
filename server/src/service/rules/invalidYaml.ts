import { syntaxFindings } from './invalidJson';
import type { DocumentRule } from './rule';

export const invalidYaml: DocumentRule = {
  id: 'invalid-yaml',
  title: 'The file is not valid YAML',
  description:
    "Reports YAML syntax errors in a YAML task definition or CloudFormation template: a tab used as indentation, an unclosed flow collection or quote, a key given twice in one mapping (YAML keeps only one of them), a template directive (`{{if ...}}`, `{% ... %}`) left in a file that is not rendered yet. The AWS CLI (`--cli-input-yaml`) and CloudFormation refuse such a file. Unlike `invalid-json` it is on in VS Code too, which has no YAML checking of its own; with Red Hat's YAML extension installed, turn one of them off.",
  needsCatalog: false,
  appliesTo: 'document',
  check(ctx) {
    if (ctx.model.document.format !== 'yaml') return [];
    return syntaxFindings(ctx, 'invalid-yaml', 'Invalid YAML');
  },
};
