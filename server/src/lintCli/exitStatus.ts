// What decides the exit status (`--fail-on`, `--max-warnings`) and what `--quiet` leaves in the report.
import type { Severity } from '../service';
import type { FileResult } from './lintFiles';

/** The `--fail-on` levels: a finding at this severity or above fails the run. */
export type FailOn = 'error' | 'warning' | 'information';

/** Every `--fail-on` level, for parsing. */
export const FAIL_ON_LEVELS: readonly FailOn[] = ['error', 'warning', 'information'];

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/** True when a finding of this severity fails a run with `--fail-on level`. */
export function failsAt(severity: Severity, level: FailOn): boolean {
  return RANK[severity] >= RANK[level];
}

/** `--quiet`: the results with their errors only. */
export function errorsOnly(results: FileResult[]): FileResult[] {
  return results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
}

/** Why a run fails, judged over all its findings (`--quiet` hides findings from the report, not from this). */
export interface RunVerdict {
  /** Some finding is at or above `--fail-on`. */
  failed: boolean;
  /** The number of warnings, when it is more than `--max-warnings` allows. */
  tooManyWarnings?: number;
}

/** The verdict of a run's findings. */
export function judgeRun(results: FileResult[], failOn: FailOn, maxWarnings: number | undefined): RunVerdict {
  const findings = results.flatMap((r) => r.findings);
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const failed = findings.some((f) => failsAt(f.severity, failOn));
  return maxWarnings !== undefined && warnings > maxWarnings ? { failed, tooManyWarnings: warnings } : { failed };
}
