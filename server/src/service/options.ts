/** What the host tells the analysis beyond the text: the user's settings that matter to rules. */
export interface AnalysisOptions {
  /** The account the task runs in when the document names no role ARN (setting `account`, CLI `--account`). */
  account?: string;
  /** The region the task runs in when the document has no `awslogs-region` (setting `aws.region`, CLI `--region`). */
  region?: string;
  /** Report JSON syntax errors as `invalid-json` findings. */
  reportSyntaxErrors: boolean;
}

/** Options with nothing known and syntax errors reported: what the CLI starts from. */
export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = { reportSyntaxErrors: true };
