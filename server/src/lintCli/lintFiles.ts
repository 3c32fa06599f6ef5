import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { hintsForPath } from '../documentSelector';
import { chooseDeployment, createTaskDefinitionService, type AnalysisOptions, type DeployedBySetting, type Finding } from '../service';
import { WorkflowDeployments } from '../workflowFiles';
import { ProjectConfigs, settingsForFile, type LoadedConfig } from '../projectConfig';
import { DEFAULT_SETTINGS } from '../settings';
import type { LintTarget } from './collectFiles';
import type { SafeFix } from './fix';
import { fileDocument } from './fileDocument';
import { analyzeSource, type LintSource } from './lintSource';
import { prepareFor } from '../hcl/loadHclParser';
import { MAY_BE_CONTAINER_FILE, TerraformLinks } from '../terraformLinks';
import { KubernetesStores } from '../kubernetesStores';
import { willAnalyse } from '../optimizingCompiler';
import type { CatalogScope } from '../catalog/accountCatalog';
import type { RoleChecks } from '../catalog/roleChecks';

/** The findings of one file; `error` when it could not be read. */
export interface FileResult {
  file: string;
  findings: Finding[];
  error?: string;
  /** What the findings were found in, so that --fix can analyse the fixed text the same way. */
  source?: LintSource;
  /** The safe fix of each finding that has one, as edits of `source.text` (see fix.ts). */
  safeFixes?: ReadonlyMap<Finding, SafeFix>;
}

/** How named files that hold no task definition are treated. */
export interface NamedFiles {
  /** `--force`: lint a named file as a task definition whatever it holds. */
  force: boolean;
  /** Told about each named file that is skipped because it holds no task definition. */
  onSkipped(file: string): void;
  /** Told about each named file that the project config's `ignore` leaves out. */
  onIgnored?(file: string, config: string): void;
}

/** What the repository says about its files: who deploys them, the project config, the Terraform resources naming them. */
export interface Repository {
  /** `--deployed-by`: `auto` leaves it to the project config, then to the workflows. */
  deployedBy: DeployedBySetting;
  workflows: WorkflowDeployments;
  configs: ProjectConfigs;
  terraformLinks: TerraformLinks;
  kubernetesStores: KubernetesStores;
  /** Online: the role checks, and the credentials and region they use. */
  roleChecks?: { checks: RoleChecks; scope: CatalogScope };
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
  repository: Repository = {
    deployedBy: 'auto',
    workflows: new WorkflowDeployments(),
    configs: new ProjectConfigs(),
    terraformLinks: new TerraformLinks(),
    kubernetesStores: new KubernetesStores(),
  },
): Promise<FileResult[]> {
  const service = createTaskDefinitionService();
  const results: FileResult[] = [];
  const configs = new Set<LoadedConfig>();
  const reader = new ReadAhead(targets, cwd);
  for (const [index, target] of targets.entries()) {
    const path = resolve(cwd, target.path);
    // Started together: each walks up the directories, and for the first file of a run none is cached yet.
    const reading = reader.read(index);
    const detecting = repository.workflows.detect(path);
    detecting.catch(() => undefined); // awaited below only when the deployment is not set
    const loaded = await repository.configs.forFile(path);
    const user = { hints: hintsForPath(target.path, DEFAULT_SETTINGS), rules: options.rules ?? {}, deployedBy: repository.deployedBy };
    const file = settingsForFile(path, user, loaded);
    if (loaded) configs.add(loaded);
    if (file.ignored) {
      if (target.explicit) named.onIgnored?.(target.path, relative(cwd, loaded!.path));
      continue;
    }
    let text: string;
    try {
      text = await reading;
    } catch (error) {
      results.push({ file: target.path, findings: [], error: (error as NodeJS.ErrnoException).message });
      continue;
    }
    // A byte order mark stays in the text: the AWS CLI refuses a JSON file that starts with one,
    // which the rule byte-order-mark reports. (Editors hide it, so first-line columns differ by one.)
    // No language id: the file name, else the content, picks the format (JSON, YAML or Terraform).
    const doc = fileDocument(`file:///${target.path}`, text);
    try {
      await prepareFor('', doc.uri, text);
    } catch (error) {
      results.push({ file: target.path, findings: [], error: (error as Error).message });
      continue;
    }
    const linkedTask = MAY_BE_CONTAINER_FILE.test(text) ? await repository.terraformLinks.linkFor(path) : undefined;
    const hints = { ...file.hints, ...(linkedTask ? { linkedTask } : {}) };
    if (target.explicit && named.force) hints.forced = true;
    willAnalyse(text.length);
    const model = service.parse(doc, hints);
    if (!model.subjects.length && !model.document.limited && !model.configFile) {
      if (target.explicit) named.onSkipped(target.path);
      continue;
    }
    const detected = file.deployedBy === 'cli' ? undefined : await detecting;
    const deployment = chooseDeployment(file.deployedBy, detected);
    const kubernetesStores = model.subjects.some((s) => s.kind === 'externalSecret')
      ? await repository.kubernetesStores.storesFor(path)
      : undefined;
    const fileOptions: AnalysisOptions = { ...options, rules: file.rules, deployment, ...(kubernetesStores ? { kubernetesStores } : {}) };
    if (repository.roleChecks && options.catalog) {
      const { checks, scope } = repository.roleChecks;
      await checks.ensure(service.roleCheckRequests(doc, hints, fileOptions, options.catalog.account), scope);
      const roles = checks.access(options.catalog.account);
      if (roles) fileOptions.roles = roles;
    }
    const source = { uri: doc.uri, text, hints, options: fileOptions };
    results.push({ file: target.path, findings: analyzeSource(service, source), source });
    service.forget(doc.uri);
  }
  // A config that was used is checked too, once, where CI can see it: its mistakes change every result.
  for (const loaded of configs) {
    const file = relative(cwd, loaded.path);
    if (results.some((r) => r.file === file)) continue;
    const doc = fileDocument(`file:///${file}`, loaded.text);
    const findings = service.analyze(doc, {}, options);
    if (findings.length) results.push({ file, findings });
    service.forget(doc.uri);
  }
  return results;
}

/**
 * The targets' texts, each file read while the one before it is analysed: a CI run of many files
 * otherwise waits for every read in turn.
 */
class ReadAhead {
  private next: { index: number; text: Promise<string> } | undefined;

  constructor(
    private readonly targets: readonly LintTarget[],
    private readonly cwd: string,
  ) {}

  /** The text of target `index`; the read of the one after it starts now. */
  read(index: number): Promise<string> {
    const text = this.next?.index === index ? this.next.text : this.start(index);
    this.next = index + 1 < this.targets.length ? { index: index + 1, text: this.start(index + 1) } : undefined;
    return text;
  }

  private start(index: number): Promise<string> {
    const target = this.targets[index];
    // Read as bytes and decoded at once: readFile with an encoding decodes chunk by chunk into a
    // string of pieces, which the first pattern run on it copies whole (1.2 MB for workload 12 of
    // docs/performance.md).
    const text =
      target.text !== undefined
        ? Promise.resolve(target.text)
        : readFile(resolve(this.cwd, target.path)).then((bytes) => bytes.toString('utf8'));
    // A file read ahead and then ignored (by the project config) must not fail the run unseen; one
    // that is linted still throws where read() is awaited.
    text.catch(() => undefined);
    return text;
  }
}
