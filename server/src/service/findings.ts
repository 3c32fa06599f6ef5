import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Path } from './document/path';
import type { InsertValue } from './formats/format';
import type { RuleId } from './rules/ruleIds';

/** How bad a finding is; the words match LSP's severities and the CLI's JSON output. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** How a fix that writes a `secrets` entry spells its names in the document's dialect. */
interface SecretsKeys {
  secrets: string;
  name: string;
  valueFrom: string;
}

/**
 * What a quick fix does, carried in the diagnostic's `data` so that code actions need nothing but
 * the diagnostics the client sends back and the document (see quickFixes.ts). Paths are
 * in the host text's names, from the root `root` (0 unless a later document of a YAML stream); the
 * document's format writes the edit in its own syntax.
 */
export type FixData = {
  root?: number;
  /**
   * The fix involves no guess and no choice (one correct text, no snippet placeholder), so
   * `ecs-taskdef-lint --fix` applies it without asking. Set where the fix is built, by its rule.
   */
  safe?: true;
} &
  /** Replace `oldText` at `range` (checked first, so a stale fix is dropped rather than misapplied). */
  (
    | { kind: 'replaceText'; title: string; range: Range; oldText: string; newText: string; preferred?: boolean }
    /** Add the execution role (named `key`) to the task at `path`, after the first of `after` present; `roleArn` is a snippet. */
    | { kind: 'insertExecutionRole'; title: string; roleArn: string; path: Path; key: string; after: string[] }
    /** Delete the member at `path`, with its comma. */
    | { kind: 'removeMember'; title: string; path: Path }
    /** Move the `environment` entry at `path` into the same container's `secrets`. */
    | { kind: 'moveToSecrets'; title: string; path: Path; keys: SecretsKeys }
    /** Replace the `environment` entry at `path` by a `secrets` entry whose valueFrom is the `parameterArn` snippet (the value is dropped, never copied). */
    | { kind: 'moveToSecretsAsParameter'; title: string; path: Path; parameterArn: string; keys: SecretsKeys }
    /** Unwrap `{"taskDefinition": ...}`, moving the outer `tags` inside. */
    | { kind: 'unwrapDescribe'; title: string }
    /** Unwrap, and remove every output-only member and null value. */
    | { kind: 'makeRegistrable'; title: string }
    /** Add `entry` to the `Policies` of the role properties at `path` (creating the list when there is none). */
    | { kind: 'addRolePolicy'; title: string; path: Path; entry: InsertValue }
    /** Open the execution role's policy for the task at `offset`, only the statements for these `action\nresource` pairs. */
    | { kind: 'showPolicy'; title: string; offset: number; only: string[] }
  );

/** One problem in a document, as every rule reports it. */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  range: Range;
  /** Quick fixes, best first. */
  fixes?: FixData[];
  /** `unnecessary`: the range is code the consumer ignores; editors show it faded (LSP DiagnosticTag.Unnecessary). */
  tags?: FindingTag[];
  /** What else a user should see with it, at a place in the same document (LSP relatedInformation). */
  related?: { message: string; range: Range }[];
}

/** How an editor may render a finding's range besides its severity. */
export type FindingTag = 'unnecessary';

/** The payload of a diagnostic's `data`: enough to rebuild its quick fixes. */
export interface DiagnosticData {
  ruleId: RuleId;
  fixes?: FixData[];
}

/** The name the server gives as every diagnostic's `source`. */
export const DIAGNOSTIC_SOURCE = 'ecs-taskdef';

/** Base address of the rule pages; each rule's page is `<base><id>.md`. */
export const RULE_DOCS_BASE = 'https://github.com/ecs-taskdef/ecs-taskdef/blob/main/docs/rules/';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The LSP diagnostic for a finding: code = rule id, a link to the rule's page, fixes in `data`. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, ...(finding.fixes?.length ? { fixes: finding.fixes } : {}) };
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: `${RULE_DOCS_BASE}${finding.ruleId}.md` },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(finding.tags?.includes('unnecessary') ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data,
  };
}
