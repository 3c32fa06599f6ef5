// Hover on a property name or value: what the member is for (our words), its type, whether it is
// required, its allowed values, and the AWS API reference page of the structure it belongs to.
import { checkedRole, decisionKey, trustVerdict } from './roles/roleChecks';
import { executionRoleNeeds, type ExecutionNeed } from './executionRolePolicy';
import { fileDecision, fileRole } from './roles/fileRoles';
import { findValue } from './document/navigate';
import { lookupKey, manifestKeys } from './kubernetesLookup';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type MarkupContent } from 'vscode-languageserver-types';
import type { CatalogEntry } from './catalog';
import { lookupReference } from './catalogLookup';
import { describeEntry } from './describeEntry';
import type { DocNode } from './document/node';
import type { Path } from './document/path';
import { subjectAt, type TaskDefinitionModel } from './model';
import type { AnalysisOptions } from './options';
import { bindReferences } from './subjects/bindReferences';
import type { Subject, SubjectKind } from './subjects/subject';
import { taskPathOf } from './subjects/taskPath';
import { deriveTaskFacts } from './taskFacts';
import { DESCRIPTIONS } from './shape/descriptions';
import { apiReferenceUrl, enumValues, formatType, memberOf, requiredMembers, typeAtPath, type TypeRef } from './shape/taskDefinitionShape';

/** The hover for the property at a position, if it is one the model knows. */
export function hoverFromModel(
  doc: TextDocument,
  model: TaskDefinitionModel,
  position: Position,
  markdown: boolean,
  options: AnalysisOptions,
): Hover | undefined {
  if (!model.subjects.length || model.document.limited) return undefined;
  const offset = doc.offsetAt(position);
  const location = model.format.locate(model.document, offset);
  const node = location?.node;
  const subject = location && subjectAt(model, location);
  if (!location || !node || !subject || offset < node.offset || offset > node.offset + node.length) return undefined;
  const range = { start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) };
  if (subject.kubernetes) {
    // A manifest has no task members to document: only its keys, from the catalog.
    const key = manifestKeys(subject, model, options).find((k) => k.node.offset === node.offset);
    const found = key?.kind && lookupKey(options, key.kind, key.region, key.key);
    if (!found || found.status !== 'found') return undefined;
    return {
      contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: describeEntry(found.entry, markdown) },
      range,
    };
  }
  const role = roleHover(subject, node, options, markdown);
  if (role) {
    // The whole reference (a JSON template's `{"Fn::GetAtt": [...]}`), not the part of it under the cursor.
    const whole = { start: doc.positionAt(role.node.offset), end: doc.positionAt(role.node.offset + role.node.length) };
    return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: role.value }, range: whole };
  }
  const entry = referencedEntry(subject, node, options);
  if (entry)
    return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: describeEntry(entry, markdown) }, range };
  const path = taskPathOf(subject, location.path);
  const owner = path && owningStructure(subject.kind, path);
  if (!owner) return undefined;
  return { contents: memberDocumentation(owner.structure, owner.member, markdown), range };
}

/** The catalog entry of the reference under the cursor, when the account's catalog has it. */
function referencedEntry(subject: Subject, node: DocNode, options: AnalysisOptions): CatalogEntry | undefined {
  if (!options.catalog) return undefined;
  const facts = deriveTaskFacts(subject, options);
  const reference = bindReferences(subject, facts).references.find((r) => r.node.offset === node.offset);
  if (!reference) return undefined;
  const lookup = lookupReference({ options, facts }, reference);
  return lookup.status === 'found' ? lookup.entry : undefined;
}

/** The structure and member a path ends in; array indices after the member are skipped. */
function owningStructure(kind: SubjectKind, path: Path): { structure: string; member: string } | undefined {
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === 'number') end--;
  if (end === 0) return undefined;
  const parent = typeAtPath(kind, path.slice(0, end - 1));
  const member = path[end - 1] as string;
  if (!parent || typeof parent === 'string' || !('structure' in parent) || !memberOf(parent.structure, member)) return undefined;
  return { structure: parent.structure, member };
}

/** Documentation of one member, as markdown or plain text. */
export function memberDocumentation(structureName: string, member: string, markdown: boolean): MarkupContent {
  const shape = memberOf(structureName, member)!;
  const description = DESCRIPTIONS[`${structureName}.${member}`];
  const required = requiredMembers(structureName).includes(member);
  const allowed = allowedValues(shape.type);
  const url = apiReferenceUrl(structureName);
  const code = (s: string) => (markdown ? `\`${s}\`` : s);
  const lines = [
    markdown
      ? `**${member}**: ${formatType(shape.type)}${required ? ' (required)' : ''}`
      : `${member}: ${formatType(shape.type)}${required ? ' (required)' : ''}`,
    ...(description ? ['', markdown ? description : description.replace(/`/g, '')] : []),
    ...(allowed ? ['', `Allowed values: ${allowed.map(code).join(', ')}`] : []),
    '',
    markdown ? `[${structureName} in the Amazon ECS API reference](${url})` : `${structureName}: ${url}`,
  ];
  return { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: lines.join('\n') };
}

function allowedValues(type: TypeRef): string[] | undefined {
  if (typeof type === 'string') return type === 'boolean' ? ['true', 'false'] : undefined;
  if ('enum' in type) return enumValues(type.enum);
  if ('list' in type) return allowedValues(type.list);
  return undefined;
}

/**
 * On a role ARN: whether ECS may assume it, and for the execution role what it may and may not do;
 * as IAM said for a deployed role, or as read from the file for a role written beside the task.
 */
function roleHover(
  subject: Subject,
  node: DocNode,
  options: AnalysisOptions,
  markdown: boolean,
): { value: string; node: DocNode } | undefined {
  const roles = options.roles;
  for (const member of ['executionRoleArn', 'taskRoleArn'] as const) {
    const kind = member === 'executionRoleArn' ? 'execution role' : 'task role';
    const role = roles && checkedRole(subject, member, roles.account);
    if (role && role.node.offset === node.offset) {
      const state = roles!.role(role.arn);
      const title = markdown ? `**${role.name}**` : role.name;
      const on = (value: string) => ({ value, node: role.node });
      if (!state || state.status === 'pending') return on(`${title}: checking the role in IAM...`);
      if (state.status === 'missing') return on(`${title}: no such role in account ${roles!.account}.`);
      const decisions = member === 'executionRoleArn' && state.decisions;
      const decide = decisions ? (need: ExecutionNeed) => decisions.get(decisionKey(need.action, need.resource))?.decision : undefined;
      return on(roleLines(`${title} (${kind})`, state.trustPolicy, decide && executionRoleNeeds(subject, options), decide, markdown));
    }
    const value = findValue(subject.task, member);
    if (!value || !within(node, value)) continue;
    const defined = fileRole(subject, member);
    if (!defined) continue;
    const title = `${markdown ? `**${defined.name}**` : defined.name} (${kind}, defined in this file)`;
    const statements = member === 'executionRoleArn' ? defined.statements : undefined;
    const decide = statements && ((need: ExecutionNeed) => fileDecision(statements, need.action, need.resource));
    const lines = roleLines(title, defined.trustPolicy, decide && executionRoleNeeds(subject, options, true), decide, markdown);
    const unjudged =
      member === 'executionRoleArn' && !statements
        ? 'Its permissions are not judged: a policy attached to it is not in this file, or it has none here.'
        : undefined;
    return { value: unjudged ? `${lines}${markdown ? '\n\n' : '\n'}${unjudged}` : lines, node: value };
  }
  return undefined;
}

const DECISION_WORDS = { allowed: 'allowed', explicitDeny: 'denied', implicitDeny: 'not allowed', unknown: 'cannot tell' } as const;

/** The role's title, its trust, and a line per thing ECS does with it. */
function roleLines(
  title: string,
  trustPolicy: unknown,
  needs: ExecutionNeed[] | undefined,
  decide: ((need: ExecutionNeed) => keyof typeof DECISION_WORDS | undefined) | undefined,
  markdown: boolean,
): string {
  const trust = trustPolicy === undefined ? undefined : trustVerdict(trustPolicy);
  const lines = [
    title,
    !trust
      ? 'Its trust policy is not written out in this file.'
      : trust.trusted
        ? 'ECS tasks may assume it.'
        : `ECS tasks may not assume it (its trust policy lets ${trust.principals.join(', ') || 'no one'} in).`,
  ];
  for (const need of needs ?? []) {
    const decision = decide?.(need);
    if (!decision) continue;
    const line = `${markdown ? '- ' : ''}${DECISION_WORDS[decision]}: ${need.action} on ${need.resource}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines.join(markdown ? '\n\n' : '\n');
}

/** True when `inner` lies inside `outer` (the argument of `!GetAtt Role.Arn` inside the tag). */
function within(inner: DocNode, outer: DocNode): boolean {
  return inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length;
}
