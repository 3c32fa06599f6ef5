import type { SecretArn } from '../arn';
import type { Finding } from '../findings';
import { findString, findValue } from '../document/navigate';
import type { SecretReference } from '../subjects/subject';
import { isTemplated } from '../template';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';

// The JSON-key form of a Secrets Manager valueFrom, `...:secret:<name>:<json-key>:<version-stage>:<version-id>`
// (ECS developer guide, "Pass Secrets Manager secrets through Amazon ECS environment variables",
// secrets-envvar-secrets-manager.html; docs/reference/arns.md#arn-sm-4). A version is chosen by its
// staging label or by its id: the agent passes both to GetSecretValue, which then requires them to name
// the same version ("If you include both this parameter and VersionId, the two parameters must refer
// to the same secret version", GetSecretValue in the Secrets Manager API reference), so one of the two
// is all a task needs. On Fargate, "to inject a specific JSON key or version of a secret ... you must
// use platform version 1.4.0 or later (Linux) or 1.0.0 (Windows)" (same page;
// docs/reference/fargate.md#platform-and-agent-versions); the platform version is the service's or
// RunTask's, not the task definition's, hence information only.

export const secretVersionSelector: SubjectRule = {
  id: 'secret-version-selector',
  title: 'Secret version or JSON key selector',
  description:
    'Reports the `json-key:version-stage:version-id` tail of a Secrets Manager `valueFrom` (in `secrets` and `logConfiguration.secretOptions`) where it needs attention: a warning when both a version stage and a version id are given (a version is chosen by one of them; with both, the secret fails to resolve unless they name the same version), and information in a Fargate Linux task, where a JSON key or a version needs platform version 1.4.0 or later. Placeholders are not judged.',
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    const selecting: { reference: SecretReference; fields: string[] }[] = [];
    const { references } = ctx.subject;
    for (let i = 0; i < references.length; i++) {
      const reference = references[i];
      if (reference.place === 'registryCredentials') continue;
      const arn = reference.secret;
      // A tail of the wrong length is arn-malformed's.
      if (!arn?.extended) continue;
      const stage = literal(arn.versionStage);
      const id = literal(arn.versionId);
      if (stage && id) {
        findings.push({
          ruleId: 'secret-version-selector',
          severity: 'warning',
          message: `This valueFrom selects the secret version both by stage "${stage}" and by id "${id}"; Secrets Manager then requires both to name the same version, or the task fails to start. Keep one of the two and leave the other field empty.`,
          range: nodeRange(ctx, reference.node),
        });
      }
      const fields = selectorFields(arn);
      if (fields.length) selecting.push({ reference, fields });
    }
    if (selecting.length && ctx.facts.fargate && !isWindows(ctx)) findings.push(platformFinding(ctx, selecting));
    return findings;
  },
};

/** A field's value when it is written literally; a placeholder may stand for an empty field. */
function literal(field: string | undefined): string | undefined {
  return field === undefined || isTemplated(field) ? undefined : field;
}

/** The selector fields of the JSON-key form that are set, in words. */
function selectorFields(arn: SecretArn): string[] {
  return [
    literal(arn.jsonKey) && 'a JSON key',
    literal(arn.versionStage) && 'a version stage',
    literal(arn.versionId) && 'a version id',
  ].filter((f): f is string => Boolean(f));
}

function isWindows(ctx: RuleContext): boolean {
  return findString(findValue(ctx.subject.task, 'runtimePlatform'), 'operatingSystemFamily')?.startsWith('WINDOWS') ?? false;
}

/** One finding per task, on the first reference: the platform version is the task's, not each secret's. */
function platformFinding(ctx: RuleContext, selecting: { reference: SecretReference; fields: string[] }[]): Finding {
  const [{ reference, fields }] = selecting;
  const others = selecting.length - 1;
  const more = others === 0 ? '' : others === 1 ? ' (as does 1 more reference)' : ` (as do ${others} more references)`;
  const what = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;
  return {
    ruleId: 'secret-version-selector',
    severity: 'information',
    message: `This valueFrom selects ${what} of its Secrets Manager secret${more}; Fargate injects JSON keys and versions only on platform version 1.4.0 or later (LATEST is 1.4.0), so make sure the service or RunTask does not pin an older one.`,
    range: nodeRange(ctx, reference.node),
  };
}
