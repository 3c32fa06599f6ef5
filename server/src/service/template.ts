/**
 * Placeholders that template tools substitute before a task definition reaches ECS: Go/mustache
 * `{{x}}`, shell and Terraform `${x}` (GitHub's `${{ x }}` too), envsubst `$X`, CodeDeploy
 * `<IMAGE1_NAME>`, docs-style `{your-account-id}` and `YOUR_ACCOUNT_ID`, the ECS agent tests'
 * `$$$X$$$`, sed-style `__AWS_REGION__`, Windows/batch `%X%`, Maven/Ant `@X@` and Octopus `#{X}`.
 * A value holding one is not judged as the literal it will stop being.
 */
const PLACEHOLDER =
  /\{\{.*?\}\}|\$\{\{.*?\}\}|\$\{[^}]*\}|\$\$\$[A-Za-z0-9_]+\$\$\$|\$\$\$|\$[A-Z_][A-Z0-9_]*|<[A-Za-z0-9_ .-]+>|\{[a-z][a-z0-9_-]*\}|__[A-Za-z][A-Za-z0-9_]*__|%[A-Za-z_][A-Za-z0-9_]*%|@[A-Za-z_][A-Za-z0-9_.]*@|#\{[^}]+\}|\bYOUR_[A-Z0-9_]+/;

/** True when the string contains a template placeholder. */
export function isTemplated(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/** The first placeholder in the string (`${region}`, `__ACCOUNT_ID__`), to name it in a message. */
export function firstPlaceholder(value: string): string | undefined {
  return PLACEHOLDER.exec(value)?.[0];
}
