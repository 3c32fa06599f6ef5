import type { JSONPath } from 'jsonc-parser';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { RuleId } from './rules/ruleIds';

/** How bad a finding is; the words match LSP's severities and the CLI's JSON output. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * What a quick fix does, carried in the diagnostic's `data` so that code actions need nothing but
 * the diagnostics the client sends back and the document (STYLE.md §5.5).
 */
export type FixData =
  /** Replace `oldText` at `range` (checked first, so a stale fix is dropped rather than misapplied). */
  | { kind: 'replaceText'; title: string; range: Range; oldText: string; newText: string; preferred?: boolean }
  /** Add `executionRoleArn` at the task's top level; `roleArn` is a snippet with placeholders. */
  | { kind: 'insertExecutionRole'; title: string; roleArn: string }
  /** Delete the member at `path`, with its comma. */
  | { kind: 'removeMember'; title: string; path: JSONPath }
  /** Move the `environment` entry at `path` into the same container's `secrets`. */
  | { kind: 'moveToSecrets'; title: string; path: JSONPath }
  /** Replace the `environment` entry at `path` by a `secrets` entry whose valueFrom is the `parameterArn` snippet (the value is dropped, never copied). */
  | { kind: 'moveToSecretsAsParameter'; title: string; path: JSONPath; parameterArn: string }
  /** Unwrap `{"taskDefinition": ...}`, moving the outer `tags` inside. */
  | { kind: 'unwrapDescribe'; title: string }
  /** Unwrap, and remove every output-only member and null value. */
  | { kind: 'makeRegistrable'; title: string };

/** One problem in a document, as every rule reports it. */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  range: Range;
  /** Quick fixes, best first. */
  fixes?: FixData[];
}

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
    data,
  };
}
