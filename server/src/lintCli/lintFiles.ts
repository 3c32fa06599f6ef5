import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hintsForPath } from '../documentSelector';
import { chooseDeployment, createTaskDefinitionService, type AnalysisOptions, type DeployedBySetting, type Finding } from '../service';
import { WorkflowDeployments } from '../workflowFiles';
import { DEFAULT_SETTINGS } from '../settings';
import type { LintTarget } from './collectFiles';

/** The findings of one file; `error` when it could not be read. */
export interface FileResult {
  file: string;
  findings: Finding[];
  error?: string;
}

/** How named files that hold no task definition are treated. */
export interface NamedFiles {
  /** `--force`: lint a named file as a task definition whatever it holds. */
  force: boolean;
  /** Told about each named file that is skipped because it holds no task definition. */
  onSkipped(file: string): void;
}

/** Who registers the files: the setting, and the workflows that tell when it is `auto`. */
export interface DeployedBy {
  setting: DeployedBySetting;
  workflows: WorkflowDeployments;
}

/**
 * Lints each target. The content decides, for named files too: one that holds no task definition is
 * skipped (and reported through `named.onSkipped`) unless `named.force`; files found by searching
 * that hold none are left out silently.
 */
export async function lintFiles(
  targets: LintTarget[],
  cwd: string,
  options: AnalysisOptions,
  named: NamedFiles,
  deployedBy: DeployedBy = { setting: 'auto', workflows: new WorkflowDeployments() },
): Promise<FileResult[]> {
  const service = createTaskDefinitionService();
  const results: FileResult[] = [];
  for (const target of targets) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, target.path), 'utf8');
    } catch (error) {
      results.push({ file: target.path, findings: [], error: (error as NodeJS.ErrnoException).message });
      continue;
    }
    // A byte order mark stays in the text: the AWS CLI refuses a JSON file that starts with one,
    // which the rule byte-order-mark reports. (Editors hide it, so first-line columns differ by one.)
    // No language id: the file name, else the content, picks the format (JSON or YAML).
    const doc = TextDocument.create(`file:///${target.path}`, '', 1, text);
    const hints = hintsForPath(target.path, DEFAULT_SETTINGS);
    if (target.explicit && named.force) hints.forced = true;
    const model = service.parse(doc, hints);
    if (!model.subjects.length && !model.document.limited) {
      if (target.explicit) named.onSkipped(target.path);
      continue;
    }
    const path = resolve(cwd, target.path);
    const detected = deployedBy.setting === 'cli' ? undefined : await deployedBy.workflows.detect(path);
    const deployment = chooseDeployment(deployedBy.setting, detected);
    // A finding tagged unnecessary is an editor's faded text; the CLI has the finding that sums them up.
    const findings = service.analyze(doc, hints, { ...options, deployment }).filter((f) => !f.tags?.includes('unnecessary'));
    results.push({ file: target.path, findings });
    service.forget(doc.uri);
  }
  return results;
}
