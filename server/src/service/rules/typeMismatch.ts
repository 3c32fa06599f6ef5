import type { Finding } from '../findings';
import { ROOT_STRUCTURE, formatType, jsonKindOf, type TypeRef } from '../shape/taskDefinitionShape';
import { anchorOf } from '../document/navigate';
import type { DocNode } from '../document/node';
import { fixList, nodeRange, replaceNodeFix, replaceStringFix } from './fixBuilders';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

const ARTICLES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

export const typeMismatch: SubjectRule = {
  id: 'type-mismatch',
  title: 'Value of the wrong JSON type',
  description:
    'Reports a value whose JSON type differs from the ECS API: container `cpu`, `memory` and ports are integers while task-level `cpu` and `memory` are strings; `secrets` and `portMappings` are arrays; `dockerLabels` and log options are maps of strings. The AWS CLI rejects the request before sending it ("Invalid type for parameter"). Where the value only needs its quotes added or removed, a quick fix does that.',
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    for (const issue of ctx.schemaIssues()) {
      if (issue.kind !== 'type') continue;
      const { node, expected, member } = issue;
      const [first, ...rest] = member.split('.');
      const name = [issue.structure ? ctx.subject.dialect.hostName(issue.structure, first) : first, ...rest].join('.');
      const finding: Finding = {
        ruleId: 'type-mismatch',
        severity: 'error',
        message: describeMismatch(node, expected, name, issue.structure === ROOT_STRUCTURE),
        // A YAML null written as nothing (`ValueFrom:`) has no text of its own: its key stands for it.
        range: node.length ? nodeRange(ctx, node) : nodeRange(ctx, anchorOf(node)),
      };
      const fixed = requote(node, expected);
      if (fixed !== undefined) {
        finding.fixes = fixList(
          typeof fixed === 'string' && node.type !== 'string'
            ? replaceStringFix(ctx, node, fixed, `Write ${JSON.stringify(fixed)}`)
            : replaceNodeFix(ctx, node, ctx.editor.scalar(fixed, node), `Write ${String(fixed)}`),
        );
      }
      findings.push(finding);
    }
    return findings;
  },
};

function actualKind(node: DocNode): string {
  return node.type === 'string'
    ? 'a string'
    : node.type === 'number'
      ? Number.isInteger(node.value)
        ? 'a number'
        : 'a decimal number'
      : (ARTICLES[node.type] ?? node.type);
}

function describeMismatch(node: DocNode, expected: TypeRef, member: string, atTaskLevel: boolean): string {
  const where = atTaskLevel && /^(cpu|memory)$/i.test(member) ? `Task-level "${member}"` : `"${member}"`;
  const fixed = requote(node, expected);
  const hint =
    fixed === undefined ? '' : typeof fixed === 'string' ? `: write ${JSON.stringify(fixed)}` : `: write ${fixed} without quotes`;
  const wanted =
    expected === 'integer'
      ? 'an integer'
      : typeof expected === 'string' || 'enum' in expected
        ? ARTICLES[jsonKindOf(expected)]
        : `${ARTICLES[jsonKindOf(expected)]} (${formatType(expected)})`;
  return `${where} must be ${wanted}, not ${actualKind(node)}${hint}.`;
}

/** The value with quotes added or removed, when that alone makes it the right type. */
function requote(node: DocNode, expected: TypeRef): string | number | boolean | undefined {
  const kind = jsonKindOf(expected);
  if (node.type === 'string') {
    const text = (node.value as string).trim();
    if (expected === 'integer' && /^-?\d+$/.test(text)) return Number(text);
    if (kind === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
    return undefined;
  }
  if (kind === 'string' && (node.type === 'number' || node.type === 'boolean')) return String(node.value);
  return undefined;
}
