/**
 * Placeholders that template tools substitute before a task definition reaches ECS: Go/mustache
 * `{{x}}`, shell and Terraform `${x}`, envsubst `$X`, CodeDeploy `<IMAGE1_NAME>`, docs-style
 * `{your-account-id}` and the ECS agent tests' `$$$X$$$`. A value holding one is not judged as the
 * literal it will stop being.
 */
const PLACEHOLDER = /\{\{.*?\}\}|\$\{[^}]*\}|\$\$\$|\$[A-Z_][A-Z0-9_]*|<[A-Za-z0-9_ .-]+>|\{[a-z][a-z0-9_-]*\}/;

/** True when the string contains a template placeholder. */
export function isTemplated(value: string): boolean {
  return PLACEHOLDER.test(value);
}
