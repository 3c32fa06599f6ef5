import type { FileResult } from './lintFiles';

/** One line per finding (`file:line:col: severity code: message`, 1-based) and a summary. */
export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) {
    if (result.error) lines.push(`${result.file}: error: ${result.error}`);
    for (const f of result.findings) {
      counts[f.severity]++;
      lines.push(`${result.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.ruleId}: ${f.message}`);
    }
  }
  const files = results.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information + counts.hint} information in ${plural(files, 'task definition file')}.`,
  );
  return lines.join('\n') + '\n';
}
