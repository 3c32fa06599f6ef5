import { closestNames } from '../closestName';
import { parseSecretArn } from '../arn';
import type { CatalogEntry } from '../catalog';
import { lookupReference, secretMeantByName } from '../catalogLookup';
import type { Finding } from '../findings';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

export const referenceNotFound: SubjectRule = {
  id: 'reference-not-found',
  title: 'Secret or parameter not found',
  description:
    'Reports a reference to a secret or parameter that does not exist in the signed-in account and region, once that region\'s list has loaded: the task would fail at start ("ResourceNotFoundException", "invalid parameters"). The message names the closest existing names, and a quick fix replaces the reference with each of them. Listings can lag a few minutes behind a new secret; refresh the catalog after creating one.',
  needsCatalog: true,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    for (const reference of ctx.subject.references) {
      const lookup = lookupReference(ctx, reference);
      if (lookup.status !== 'missing' || secretMeantByName(ctx, reference)) continue;
      const { snapshot } = lookup.index;
      const entries = lookup.kind === 'secret' ? snapshot.secrets : snapshot.parameters;
      const wanted = lookup.kind === 'secret' ? lookup.name.replace(/-[A-Za-z0-9]{6}$/, '') : lookup.name;
      const suggestions = closestNames(
        wanted,
        entries.map((e) => e.name),
      ).map((name) => entries.find((e) => e.name === name)!);
      const what = lookup.kind === 'secret' ? 'Secret' : 'Parameter';
      const closest = suggestions.length ? ` Closest: ${suggestions.map((s) => `"${s.name}"`).join(', ')}.` : '';
      findings.push({
        ruleId: 'reference-not-found',
        severity: 'warning',
        message: `${what} "${wanted}" was not found in ${snapshot.account}/${snapshot.region}. Check the name or the active profile.${closest}`,
        range: nodeRange(ctx, reference.node),
        fixes: fixList(
          ...suggestions.map((entry) =>
            replaceStringFix(ctx, reference.node, replacementFor(reference.value, entry), `Change to "${entry.name}"`, false),
          ),
        ),
      });
    }
    return findings;
  },
};

/** The suggestion in the reference's own form: a bare name stays bare, an ARN keeps its JSON-key tail. */
function replacementFor(value: string, entry: CatalogEntry): string {
  if (!value.startsWith('arn:')) return entry.name;
  return entry.arn + (parseSecretArn(value)?.tail ?? '');
}
