// GitHub Actions workflow commands: each finding an annotation on the file's line in the run and the
// pull request. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Severity } from '../service';
import type { FileResult } from './lintFiles';

const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/**
 * `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message`, 1-based, the end column
 * the one after the range (as in SARIF). GitHub takes columns only on one line: a finding over
 * several lines gives its lines alone.
 */
export function formatGithub(results: FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeProperty(result.file.replace(/\\/g, '/'));
    if (result.error) lines.push(`::error file=${file},title=ecs-taskdef-lint::${escapeData(result.error)}`);
    for (const f of result.findings) {
      const { start, end } = f.range;
      const columns = start.line === end.line ? `,col=${start.character + 1}` : '';
      const endColumn = start.line === end.line ? `,endColumn=${end.character + 1}` : '';
      lines.push(
        `::${COMMANDS[f.severity]} file=${file},line=${start.line + 1}${columns},endLine=${end.line + 1}${endColumn},title=${escapeProperty(f.ruleId)}::${escapeData(f.message)}`,
      );
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** A command's message: `%`, CR and LF escaped, as the runner unescapes them. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: the message's escapes, and `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
