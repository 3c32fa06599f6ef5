// The literal value of a reference written with a CloudFormation intrinsic, where its literal parts
// say enough: `!Sub "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/db"` is
// the stack's own parameter, judged like the plain string. Other variables (`${DbName}`) stay
// placeholders, which no rule judges; `!Ref`, `!GetAtt`, `!ImportValue` are not judged at all.
// Terraform templates are read the same way: an interpolation that fills a whole partition, region
// or account field of an ARN stands for it, one that is a secret's or parameter's `.arn` stands for
// such an ARN (`"${aws_secretsmanager_secret.api.arn}:password"` is judged as a JSON-key reference).
import type { DocNode, TemplatePart } from '../document/node';
import type { PseudoParameter, SubTemplate } from './subject';

/** What the pseudo parameters stand for in one analysis; the stand-ins below when a fact is unknown. */
export interface PseudoValues {
  account?: string;
  region?: string;
  partition: string;
}

/** Stand-ins of the right shape for facts nobody knows: checks of the ARN's grammar still run. */
const STAND_INS: Record<PseudoParameter, string> = {
  'AWS::AccountId': '123456789012',
  'AWS::Region': 'us-east-1',
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

const PSEUDO = new Set<string>(Object.keys(STAND_INS));

/** The string a node stands for: a string's value, or a `Fn::Sub` / `Fn::Join` whose parts are literal enough. */
export function stringOf(node: DocNode | undefined): { value: string; template?: SubTemplate } | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return { value: node.value as string };
  if (node.type !== 'expression') return undefined;
  if (node.expression?.syntax === 'terraform') {
    if (node.expression.fn !== 'template' || !node.expression.parts) return undefined;
    const template = terraformTemplate(node, node.expression.parts);
    return { value: fill(template, {}), template };
  }
  const argument = node.children?.[0];
  if (node.expression?.fn === 'Fn::Sub') {
    const [template, variables] = argument?.type === 'array' ? (argument.children ?? []) : [argument];
    if (template?.type !== 'string') return undefined;
    const sub = parseSub(template, variables);
    return { value: fill(sub, {}), template: sub };
  }
  if (node.expression?.fn === 'Fn::Join' && argument?.type === 'array') {
    const [delimiter, list] = argument.children ?? [];
    if (delimiter?.type !== 'string' || list?.type !== 'array') return undefined;
    const parts = (list.children ?? []).map(pseudoOrString);
    if (parts.some((p) => p === undefined)) return undefined;
    return { value: parts.join(delimiter.value as string) };
  }
  return undefined;
}

/**
 * The value of a template with the pseudo parameters filled in: facts where known, elsewhere
 * `unknown` (by default, stand-ins of the right shape, so that the grammar can still be checked).
 */
export function fill(template: SubTemplate, values: Partial<PseudoValues>, unknown?: string): string {
  const known: Partial<Record<PseudoParameter, string | undefined>> = {
    'AWS::AccountId': values.account,
    'AWS::Region': values.region,
    'AWS::Partition': values.partition,
  };
  return template.segments.map((s) => (s.pseudo ? (known[s.pseudo] ?? unknown ?? STAND_INS[s.pseudo]) : s.text)).join('');
}

/** True when the template names the stack's own account: such a reference is never in another account. */
export function usesStackAccount(template: SubTemplate | undefined): boolean {
  return template?.segments.some((s) => s.pseudo === 'AWS::AccountId') ?? false;
}

/**
 * The template text that gives `value` once filled in with `values`, when the change from the
 * current value lies inside one plain literal part (`parameter:` → `parameter/`); undefined otherwise.
 */
export function rewriteTemplate(template: SubTemplate, values: Partial<PseudoValues>, value: string): string | undefined {
  const parts = template.segments.map((s) => (s.pseudo ? fill({ node: template.node, segments: [s] }, values) : s.text));
  const current = parts.join('');
  let start = 0;
  while (start < current.length && start < value.length && current[start] === value[start]) start++;
  let end = 0;
  while (end < current.length - start && end < value.length - start && current[current.length - 1 - end] === value[value.length - 1 - end])
    end++;
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const segment = template.segments[i];
    const segmentEnd = at + parts[i].length;
    if (start >= at && current.length - end <= segmentEnd && !segment.pseudo && segment.text === segment.source) {
      const replaced = parts[i].slice(0, start - at) + value.slice(start, value.length - end) + parts[i].slice(current.length - end - at);
      if (replaced.includes('${')) return undefined;
      return template.segments.map((s, k) => (k === i ? replaced : s.source)).join('');
    }
    at = segmentEnd;
  }
  return undefined;
}

function parseSub(template: DocNode, variables: DocNode | undefined): SubTemplate {
  const text = template.value as string;
  const segments: SubTemplate['segments'] = [];
  const pattern = /\$\{(!?)([^}]*)\}/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), source: text.slice(last, match.index) });
    last = match.index + match[0].length;
    const [whole, bang, name] = match;
    if (bang) segments.push({ text: `\${${name}}`, source: whole });
    else if (PSEUDO.has(name)) segments.push({ text: whole, source: whole, pseudo: name as PseudoParameter });
    else {
      // A variable of the Sub's own map with a literal value is that value; anything else stays a placeholder.
      const bound =
        variables?.type === 'object' ? variables.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1] : undefined;
      segments.push({ text: bound?.type === 'string' ? (bound.value as string) : whole, source: whole });
    }
  }
  if (last < text.length) segments.push({ text: text.slice(last), source: text.slice(last) });
  return { node: template, segments };
}

function pseudoOrString(node: DocNode): string | undefined {
  if (node.type === 'string') return node.value as string;
  const name = node.type === 'expression' && node.expression?.fn === 'Ref' ? node.children?.[0]?.value : undefined;
  // A pseudo parameter that a Join spells out keeps its placeholder form: the value is then not judged
  // where it matters (account, region), and judged everywhere else.
  return typeof name === 'string' && PSEUDO.has(name) ? `\${${name}}` : undefined;
}

/** Interpolations that are the ARN of a secret or a parameter the configuration manages or reads. */
const SECRET_ARN_ATTRIBUTE = /^(data\.)?aws_secretsmanager_secret\.[\w-]+(\[[^\]]*\])?\.(arn|id)$/;
const PARAMETER_ARN_ATTRIBUTE = /^(data\.)?aws_ssm_parameter\.[\w-]+(\[[^\]]*\])?\.arn$/;

/** Which field of an ARN each count of colons before it starts: `arn:<partition>:<service>:<region>:<account>:`. */
const ARN_FIELDS: Partial<Record<number, PseudoParameter>> = { 1: 'AWS::Partition', 3: 'AWS::Region', 4: 'AWS::AccountId' };

/**
 * The segments of a Terraform template. The stand-in names of managed secrets and parameters are
 * placeholders (template.ts), so that no catalog lookup is made for them and only the grammar is judged.
 */
function terraformTemplate(node: DocNode, parts: readonly TemplatePart[]): SubTemplate {
  const segments: SubTemplate['segments'] = [];
  const literalBefore = () => segments.map((s) => (s.pseudo ? 'x' : s.text)).join('');
  parts.forEach((part, i) => {
    if (part.literal !== undefined) return void segments.push({ text: part.literal, source: part.source });
    const expression = part.source.slice(2, -1).trim();
    const arnPrefix = (service: string) => [
      { text: 'arn:', source: '' },
      { text: '', source: '', pseudo: 'AWS::Partition' as const },
      { text: `:${service}:`, source: '' },
      { text: '', source: '', pseudo: 'AWS::Region' as const },
      { text: ':', source: '' },
      { text: '', source: '', pseudo: 'AWS::AccountId' as const },
    ];
    if (i === 0 && SECRET_ARN_ATTRIBUTE.test(expression)) {
      segments.push(...arnPrefix('secretsmanager'), { text: ':secret:__terraform_secret__-AbCdEf', source: part.source });
      return;
    }
    if (i === 0 && PARAMETER_ARN_ATTRIBUTE.test(expression)) {
      segments.push(...arnPrefix('ssm'), { text: ':parameter/__terraform_parameter__', source: part.source });
      return;
    }
    const before = literalBefore();
    const next = parts[i + 1]?.literal;
    const field =
      before.startsWith('arn:') && before.endsWith(':') && (next === undefined || next.startsWith(':'))
        ? ARN_FIELDS[before.split(':').length - 1]
        : undefined;
    segments.push(field ? { text: part.source, source: part.source, pseudo: field } : { text: part.source, source: part.source });
  });
  return { node, segments };
}
