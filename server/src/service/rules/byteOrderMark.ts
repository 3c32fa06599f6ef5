// A UTF-8 byte order mark before the JSON. The AWS CLI reads a `file://` parameter as text in the
// locale's encoding and hands it to Python's json.loads, which refuses a leading U+FEFF with
// "Unexpected UTF-8 BOM (decode using utf-8-sig)" (CLI v1 prints it after "Invalid JSON:"; v2 says
// "Invalid JSON received."): aws/aws-cli awscli/paramfile.py `get_file`,
// awscli/customizations/cliinputjson.py and cliinput.py; the same json.loads error in
// Azure/azure-cli#28322. In a cp1252 locale the mark decodes as "ï»¿" and fails as
// "Expecting value: line 1 column 1" instead (aws/aws-cli#3216). Terraform's file() keeps it, and
// Go's JSON decoder refuses it ("invalid character 'ï' looking for beginning of value",
// hashicorp/terraform-provider-azurerm#6395).
// Not reported: YAML, where the YAML spec allows the mark and `--cli-input-yaml` (ruamel.yaml)
// skips it, as the `yaml` package of the deploy action does; and CloudFormation templates, which
// `aws cloudformation deploy` parses again as YAML when json.loads fails (yamlhelper.yaml_parse).
import { REGISTERED_BY_CLI } from '../deployment/deployment';
import type { DocumentRule } from './rule';

const BOM = '\uFEFF';

export const byteOrderMark: DocumentRule = {
  id: 'byte-order-mark',
  title: 'The file starts with a byte order mark',
  description:
    'Reports a UTF-8 byte order mark (U+FEFF, the bytes EF BB BF that Windows tools such as PowerShell 5 `Out-File` and Notepad write) at the start of a JSON task definition, describe output or container-definition array. JSON forbids it, and `aws ecs register-task-definition --cli-input-json file://...` refuses the file ("Invalid JSON", from Python\'s "Unexpected UTF-8 BOM"), as does Terraform\'s `jsondecode(file(...))`. Editors hide the mark, so the file looks right. YAML files and CloudFormation templates are not reported: their readers skip it. The quick fix removes it.',
  needsCatalog: false,
  appliesTo: 'document',
  check(ctx) {
    const { model } = ctx;
    if (!model.text.startsWith(BOM) || model.document.format !== 'json' || model.document.limited || model.configFile) return [];
    if (model.subjects.length && model.subjects.every((s) => s.kind === 'cloudFormation')) return [];
    const deployAction = (ctx.options.deployment ?? REGISTERED_BY_CLI).consumer === 'deployAction';
    return [
      {
        ruleId: 'byte-order-mark',
        severity: deployAction ? 'information' : 'error',
        message: deployAction
          ? 'The file starts with a UTF-8 byte order mark; the deploy action skips it, but `aws ecs register-task-definition --cli-input-json` refuses the file. Save it as UTF-8 without BOM.'
          : 'The file starts with a UTF-8 byte order mark, which JSON does not allow; `aws ecs register-task-definition --cli-input-json` refuses the file ("Invalid JSON"). Save it as UTF-8 without BOM.',
        range: ctx.range(0, 1),
        fixes: [
          {
            kind: 'replaceText',
            title: 'Remove the byte order mark',
            range: ctx.range(0, 1),
            oldText: BOM,
            newText: '',
            preferred: true,
            safe: true,
          },
        ],
      },
    ];
  },
};
