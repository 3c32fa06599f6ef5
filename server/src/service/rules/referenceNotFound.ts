import { closestNames } from '../closestName';
import { parseArn, parseSecretArn } from '../arn';
import type { CatalogEntry, CatalogSnapshot } from '../catalog';
import type { DocNode } from '../document/node';
import { lookupKey, manifestKeys } from '../kubernetesLookup';
import { lookupReference, secretMeantByName } from '../catalogLookup';
import type { Finding } from '../findings';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';

export const referenceNotFound: SubjectRule = {
  id: 'reference-not-found',
  title: 'Secret or parameter not found',
  description:
    'Reports a reference to a secret or parameter that does not exist in the signed-in account and region, once that region\'s list has loaded: the task would fail at start ("ResourceNotFoundException", "invalid parameters"). The message names the closest existing names, and a quick fix replaces the reference with each of them. Listings can lag a few minutes behind a new secret; refresh the catalog after creating one.',
  needsCatalog: true,
  appliesTo: [...ALL_SUBJECTS, 'externalSecret', 'secretProviderClass'],
  check(ctx) {
    if (ctx.subject.kubernetes) return manifestFindings(ctx);
    const findings: Finding[] = [];
    const { references } = ctx.subject;
    for (let i = 0; i < references.length; i++) {
      const reference = references[i];
      const lookup = lookupReference(ctx, reference);
      if (lookup.status !== 'missing' || secretMeantByName(ctx, reference)) continue;
      findings.push(notFound(ctx, reference.node, reference.value, lookup.kind, lookup.name, lookup.index.snapshot));
    }
    return findings;
  },
};

/** The finding for a name the snapshot does not have, with the closest names it has as fixes. */
function notFound(
  ctx: RuleContext,
  node: DocNode,
  value: string,
  kind: 'secret' | 'parameter',
  name: string,
  snapshot: CatalogSnapshot,
): Finding {
  const entries = kind === 'secret' ? snapshot.secrets : snapshot.parameters;
  // A secret's name is looked for without the random suffix the ARN may carry.
  const wanted = kind === 'secret' ? name.replace(/-[A-Za-z0-9]{6}$/, '') : name;
  const suggestions = closestNames(
    wanted,
    entries.map((e) => e.name),
  ).map((closest) => entries.find((e) => e.name === closest)!);
  const what = kind === 'secret' ? 'Secret' : 'Parameter';
  const closest = suggestions.length ? ` Closest: ${suggestions.map((s) => `"${s.name}"`).join(', ')}.` : '';
  return {
    ruleId: 'reference-not-found',
    severity: 'warning',
    message: `${what} "${wanted}" was not found in ${snapshot.account}/${snapshot.region}. Check the name or the active profile.${closest}`,
    range: nodeRange(ctx, node),
    fixes: fixList(
      ...suggestions.map((entry) => replaceStringFix(ctx, node, replacementFor(value, entry), `Change to "${entry.name}"`, false)),
    ),
  };
}

/**
 * An ExternalSecret's keys in its store's service and region, a SecretProviderClass's objects in
 * their objectType's. A key that the other service has is external-secret-store-mismatch's.
 */
function manifestFindings(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const key of manifestKeys(ctx.subject, ctx.model, ctx.options)) {
    if (!key.kind) continue;
    const lookup = lookupKey(ctx.options, key.kind, key.region, key.key);
    if (lookup.status !== 'missing') continue;
    const other = key.kind === 'secret' ? 'parameter' : 'secret';
    const inOther = !key.key.startsWith('arn:') && lookupKey(ctx.options, other, key.region, key.key).status === 'found';
    if (inOther && ctx.subject.kind === 'externalSecret') continue;
    const { snapshot } = lookup.index;
    const finding = notFound(ctx, key.node, key.key, lookup.kind, lookup.name, snapshot);
    const arnRegion = key.key.startsWith('arn:') ? parseArn(key.key)?.region : undefined;
    if (arnRegion && arnRegion !== snapshot.region) {
      finding.message += ` The ARN is of ${arnRegion}, but ${ctx.subject.kind === 'externalSecret' ? 'the store' : 'the class'} reads ${snapshot.region}.`;
    }
    // A SecretProviderClass object of the wrong objectType: the other service has the name.
    if (inOther)
      finding.message += ` ${other === 'secret' ? 'A secret' : 'A parameter'} of that name exists: objectType "${other === 'secret' ? 'secretsmanager' : 'ssmparameter'}" reads it.`;
    findings.push(finding);
  }
  return findings;
}

/** The suggestion in the reference's own form: a bare name stays bare, an ARN keeps its JSON-key tail. */
function replacementFor(value: string, entry: CatalogEntry): string {
  if (!value.startsWith('arn:')) return entry.name;
  return entry.arn + (parseSecretArn(value)?.tail ?? '');
}
