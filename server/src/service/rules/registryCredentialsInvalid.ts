import { isArn } from '../arn';
import { lookupReference } from '../catalogLookup';
import type { Finding } from '../findings';
import { findProperty, findValue, pathOf } from '../document/navigate';
import { keyOf, type DocNode } from '../document/node';
import { describeContainer, type ContainerModel } from '../subjects/subject';
import { isTemplated } from '../template';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';

/** Any ECR registry, private or public (docs/reference/registry-credentials.md#rc-5: ECR pulls authenticate with IAM). */
const ECR_IMAGE = /^(\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?|public\.ecr\.aws)\//;

export const registryCredentialsInvalid: SubjectRule = {
  id: 'registry-credentials-invalid',
  title: 'Private registry credentials that cannot work',
  description:
    "Reports `repositoryCredentials` that cannot authenticate an image pull: no or an empty `credentialsParameter`, an SSM parameter (ECS reads registry credentials only from Secrets Manager), or a Secrets Manager ARN with a `:json-key` tail (the whole secret must hold `username` and `password`). A bare secret name is information: it works only through the API in the task's own region. `repositoryCredentials` on an ECR image is a warning: ECR pulls authenticate with the execution or instance role, and a quick fix removes it.",
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    return ctx.subject.containers.flatMap((container) => {
      const property = findProperty(container.node, 'repositoryCredentials');
      const value = property?.children?.[1];
      if (!property || value?.type !== 'object') return [];
      return checkCredentials(ctx, container, keyOf(property), value);
    });
  },
};

function checkCredentials(ctx: RuleContext, container: ContainerModel, key: DocNode, credentials: DocNode): Finding[] {
  const findings: Finding[] = [];
  const who = describeContainer(container);
  const report = (severity: Finding['severity'], node: DocNode, message: string, fixes?: Finding['fixes']) =>
    findings.push({ ruleId: 'registry-credentials-invalid', severity, message, range: nodeRange(ctx, node), fixes });

  if (container.image && ECR_IMAGE.test(container.image)) {
    report('warning', key, `The image of ${who} is in Amazon ECR, which authenticates pulls with IAM; remove "repositoryCredentials".`, [
      { kind: 'removeMember', title: 'Remove "repositoryCredentials"', path: pathOf(credentials) },
    ]);
  }
  const parameter = findValue(credentials, 'credentialsParameter');
  if (!parameter || parameter.type === 'null') {
    report(
      'error',
      key,
      `"repositoryCredentials" of ${who} needs "credentialsParameter": the ARN of a Secrets Manager secret with username and password.`,
    );
    return findings;
  }
  // The reference as ECS receives it (a `!Sub` filled in); an unreadable expression is not judged.
  const reference = ctx.subject.references.find((r) => r.node === parameter);
  if (!reference || isTemplated(reference.value)) return findings;
  const value = reference.value;
  if (value === '') {
    report(
      'error',
      parameter,
      '"credentialsParameter" is empty; ECS rejects it. Give the ARN of a Secrets Manager secret with username and password.',
    );
  } else if (!isArn(value)) {
    const { account, region, partition } = ctx.facts;
    // With the account's catalog the fix is the secret's real ARN; without it, a partial ARN.
    const lookup = lookupReference(ctx, reference);
    const arn =
      lookup.status === 'found'
        ? lookup.entry.arn
        : account && region
          ? `arn:${partition}:secretsmanager:${region}:${account}:secret:${value}`
          : undefined;
    const fixes = arn ? fixList(replaceStringFix(ctx, parameter, arn, "Write the secret's ARN")) : undefined;
    report(
      'information',
      parameter,
      `"${value}" is a bare secret name: it works only through the API for a secret in the task's region; the console, other regions and other accounts need the secret's full ARN.`,
      fixes,
    );
  } else if (reference.arn?.service === 'ssm') {
    report(
      'error',
      parameter,
      'ECS reads private registry credentials only from Secrets Manager; store them as a secret with username and password and give its ARN.',
    );
  } else {
    const { secret } = reference;
    if (secret?.tail) {
      const whole = value.slice(0, value.length - secret.tail.length);
      report(
        'error',
        parameter,
        `"credentialsParameter" takes the whole secret, which must hold username and password; the "${secret.tail}" tail is only for secrets in valueFrom.`,
        fixList(replaceStringFix(ctx, parameter, whole, 'Remove the JSON-key tail')),
      );
    }
  }
  return findings;
}
