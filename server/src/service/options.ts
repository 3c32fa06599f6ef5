import type { CatalogAccess } from './catalog';
import type { Deployment } from './deployment/deployment';
import type { Severity } from './findings';
import type { StoreModel } from './subjects/kubernetes';
import type { RoleChecksAccess } from './roles/roleChecks';

/** What the host tells the analysis beyond the text: the user's settings that matter to rules. */
export interface AnalysisOptions {
  /** The account the task runs in when the document names no role ARN (setting `account`, CLI `--account`). */
  account?: string;
  /** The region the task runs in when the document has no `awslogs-region` (setting `aws.region`, CLI `--region`). */
  region?: string;
  /** Report JSON syntax errors as `invalid-json` findings. */
  reportSyntaxErrors: boolean;
  /** The signed-in account's secrets and parameters; undefined when AWS is off or unreachable. */
  catalog?: CatalogAccess;
  /** How the file is registered (setting `deployedBy` and the workspace's workflows); undefined: by the AWS CLI as written. */
  deployment?: Deployment;
  /** What IAM said of the document's roles (roles/roleChecks.ts); undefined when AWS is off or IAM refused. */
  roles?: RoleChecksAccess;
  /** External Secrets stores the host found elsewhere in the workspace (the document's own are read from it). */
  kubernetesStores?: readonly StoreModel[];
  /** Per rule: `off`, or the severity to report its findings with instead of their own. */
  rules?: Partial<Record<string, RuleSetting>>;
}

/** What a user can set for one rule. */
export type RuleSetting = 'off' | Severity;

/** Options with nothing known and syntax errors reported: what the CLI starts from. */
export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = { reportSyntaxErrors: true };
