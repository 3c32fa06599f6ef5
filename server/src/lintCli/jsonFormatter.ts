import type { FileResult } from './lintFiles';

/** `[{"file", "diagnostics": [{"code", "severity", "message", "range"}]}]` with LSP's 0-based positions. */
export function formatJson(results: FileResult[]): string {
  const output = results.map((result) => ({
    file: result.file,
    ...(result.error ? { error: result.error } : {}),
    diagnostics: result.findings.map((f) => ({ code: f.ruleId, severity: f.severity, message: f.message, range: f.range })),
  }));
  return JSON.stringify(output, null, 2) + '\n';
}
