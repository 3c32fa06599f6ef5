import type { FileResult } from './lintFiles';

/**
 * `[{"file", "diagnostics": [{"code", "severity", "message", "range", "fixable"?}]}]` with LSP's
 * 0-based positions; `fixable: true` when `--fix` would fix the finding.
 */
export function formatJson(results: FileResult[]): string {
  const output = results.map((result) => ({
    file: result.file,
    ...(result.error ? { error: result.error } : {}),
    diagnostics: result.findings.map((f) => ({
      code: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: f.range,
      ...(result.safeFixes?.has(f) ? { fixable: true } : {}),
    })),
  }));
  return JSON.stringify(output, null, 2) + '\n';
}
