import type { Finding } from '../findings';
import { ROOT_STRUCTURE, formatType, jsonKindOf, type TypeRef } from '../shape/taskDefinitionShape';
import { anchorOf } from '../document/navigate';
import type { DocNode } from '../document/node';
import { fixList, nodeRange, replaceNodeFix, replaceStringFix } from './fixBuilders';
import { convertString } from '../subjects/dialect';
import { ALL_SUBJECTS, type SubjectRule } from './rule';

/** The kinds a value is named by in messages (a number is 'an integer' or 'a number', below). */
const ARTICLES: Record<string, string> = {
  string: 'a string',
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
          typeof fixed === 'string'
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
  if (node.type === 'number') return Number.isInteger(node.value) ? 'a number' : 'a decimal number';
  return ARTICLES[node.type] ?? node.type;
}

/** The task-level members that containers have too, in any dialect's case (CloudFormation's `Cpu`). */
const TASK_SIZES = new Set(['cpu', 'memory']);

function describeMismatch(node: DocNode, expected: TypeRef, member: string, atTaskLevel: boolean): string {
  const where = atTaskLevel && TASK_SIZES.has(member.toLowerCase()) ? `Task-level "${member}"` : `"${member}"`;
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
    // The strings CloudFormation would convert are the ones whose quotes alone are wrong.
    if (expected === 'integer') return convertString(node.value as string, 'integer');
    return kind === 'boolean' ? convertString(node.value as string, 'boolean') : undefined;
  }
  if (kind !== 'string' || (node.type !== 'number' && node.type !== 'boolean')) return undefined;
  // No enum of the API has a number's or a boolean's text among its values: quoting `1` for one
  // would only trade this error for invalid-enum-value's.
  return typeof expected === 'object' && 'enum' in expected ? undefined : String(node.value);
}
