import { closestNames } from '../closestName';
import type { Finding } from '../findings';
import { findArray, findValue, pathOf } from '../document/navigate';
import type { DocNode } from '../document/node';
import { describeContainer, type ContainerModel } from '../subjects/subject';
import { capitalize } from '../text';
import { containerList, knownNames, literalName } from './containerNames';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';

// ECS resolves these names among the task's own containers, case-sensitively, and refuses one it
// cannot find: "Cannot depend on container ... because it does not exist" (dependsOn, observed:
// eagletmt/hako#99), "Invalid 'volumesFrom' setting. Unknown container: '...'" (observed:
// eagletmt/hako#54). `links` entries are `name` or `name:alias` (ContainerDefinition in the ECS
// API reference).

/** One place that names a container, and how the message speaks of it. */
interface Reference {
  /** The string node. */
  node: DocNode;
  /** The container name it holds. */
  name: string;
  /** What comes after the name in the string (a link's `:alias`), kept by the fix. */
  rest: string;
  /** Why ECS refuses the name, in the message. */
  why: string;
  /** The container member that holds it: the API's name, and as the document spells it. */
  member: 'dependsOn' | 'volumesFrom' | 'links';
  memberName: string;
}

export const containerReferenceUnknown: SubjectRule = {
  id: 'container-reference-unknown',
  title: 'Unknown container reference',
  description:
    'Reports a `dependsOn[].containerName`, `volumesFrom[].sourceContainer` or `links` entry (`name` or `name:alias`), or the task\'s `proxyConfiguration.containerName`, that names no container of the task (compared case-sensitively, as ECS does), and a container that depends on itself. ECS rejects the task definition ("Cannot depend on container ... because it does not exist"). When a container name is close, the quick fix changes the reference to it.',
  needsCatalog: false,
  // A Terraform container_definitions array is the whole container list of its task.
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    // Undefined when some name cannot be known (a placeholder, an intrinsic, an unreadable element): any name may exist.
    const names = knownNames(ctx.model, containerList(ctx.subject), 'name');
    for (const container of ctx.subject.containers) {
      const own = literalName(findValue(container.node, 'name'));
      for (const reference of referencesOf(ctx, container)) {
        const where = describeContainer(container);
        if (reference.member === 'dependsOn' && reference.name === own) {
          findings.push({
            ruleId: 'container-reference-unknown',
            severity: 'error',
            message: `${capitalize(where)} depends on itself in "${reference.memberName}"; it would wait for its own start. Remove the dependency.`,
            range: nodeRange(ctx, reference.node),
            fixes: [{ kind: 'removeMember', title: 'Remove the dependency on itself', path: pathOf(entryOf(reference.node)) }],
          });
          continue;
        }
        if (!names || names.has(reference.name)) continue;
        const others = [...names].filter((n) => n !== own);
        const [closest] = closestNames(reference.name, others, 1);
        const replacement = closest === undefined ? undefined : closest + reference.rest;
        findings.push({
          ruleId: 'container-reference-unknown',
          severity: 'error',
          message: `"${reference.name}" in "${reference.memberName}" of ${where} names no container of this task; ${reference.why}.${closest === undefined ? '' : ` Did you mean "${closest}"?`}`,
          range: nodeRange(ctx, reference.node),
          fixes:
            replacement === undefined
              ? undefined
              : fixList(replaceStringFix(ctx, reference.node, replacement, `Change to "${replacement}"`)),
        });
      }
    }
    findings.push(...proxyFindings(ctx, names));
    return findings;
  },
};

/** The App Mesh proxy is one of the task's containers, named by `proxyConfiguration.containerName` (ProxyConfiguration in the ECS API reference). */
function proxyFindings(ctx: RuleContext, names: Set<string> | undefined): Finding[] {
  const proxy = findValue(ctx.subject.task, 'proxyConfiguration');
  const node = findValue(proxy, 'containerName');
  const name = literalName(node);
  if (!names || !name || names.has(name)) return [];
  const [closest] = closestNames(name, names, 1);
  const written = ctx.subject.dialect.hostName('ProxyConfiguration', 'containerName');
  return [
    {
      ruleId: 'container-reference-unknown',
      severity: 'error',
      message: `"${name}" in the proxy configuration's "${written}" names no container of this task; the App Mesh proxy must be one of its containers.${closest === undefined ? '' : ` Did you mean "${closest}"?`}`,
      range: nodeRange(ctx, node!),
      fixes: closest === undefined ? undefined : fixList(replaceStringFix(ctx, node!, closest, `Change to "${closest}"`)),
    },
  ];
}

/** The object of a list entry that holds `node` (`{"containerName": ...}`). */
function entryOf(node: DocNode): DocNode {
  return node.parent!.parent!;
}

/** The container names a container refers to, written literally (placeholders and expressions are not judged; an empty name is empty-value's). */
function referencesOf(ctx: RuleContext, container: ContainerModel): Reference[] {
  const references: Reference[] = [];
  const add = (node: DocNode | undefined, member: Reference['member'], why: string) => {
    const value = literalName(node);
    if (!value) return;
    // A link is `name` or `name:alias`; `:alias` has no name, and names no container as it stands.
    const colon = member === 'links' ? value.indexOf(':') : -1;
    const named = colon > 0;
    const memberName = ctx.subject.dialect.hostName('ContainerDefinition', member);
    references.push({
      node: node!,
      name: named ? value.slice(0, colon) : value,
      rest: named ? value.slice(colon) : '',
      why,
      member,
      memberName,
    });
  };
  for (const entry of findArray(container.node, 'dependsOn'))
    add(
      findValue(entry, 'containerName'),
      'dependsOn',
      'ECS rejects the task definition (a container cannot depend on one that does not exist)',
    );
  for (const entry of findArray(container.node, 'volumesFrom'))
    add(
      findValue(entry, 'sourceContainer'),
      'volumesFrom',
      `ECS rejects the task definition ("Invalid 'volumesFrom' setting. Unknown container")`,
    );
  for (const link of findArray(container.node, 'links')) add(link, 'links', 'there is no container to link to');
  return references;
}
