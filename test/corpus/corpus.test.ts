// Every real-world task definition in ../shared/corpus is analysed without a crash, with the
// findings reviewed in test/corpus/expected/<file>.json (`npm run test:update` rewrites them
// after an intended change; review the diff). Files are linted as if named on the command line.
// A file its own repository deploys through a GitHub workflow (test/corpus/deployments.tsv) is
// linted where it sits in a fixture repository with that workflow's facts (test/corpus/workflows/).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseDeployment, type Deployment } from '../../server/src/service';
import { WorkflowDeployments } from '../../server/src/workflowFiles';
import { collectFiles } from '../../server/src/lintCli/collectFiles';
import { lintFiles } from '../../server/src/lintCli/lintFiles';
import { expectMatchesFile } from '../helpers/expectations';
import { applyFix, doc, service, summarize, syntaxErrors, syntaxProblems } from '../helpers/taskdef';

const root = join(__dirname, '../..');
const corpus = join(root, '../shared/corpus/files');
const files = existsSync(corpus) ? readdirSync(corpus).sort() : [];

/** Corpus file -> where its repository keeps it, and which workflow deploys it. */
const deployed = new Map(
  readFileSync(join(root, 'test/corpus/deployments.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([file, path, workflow]) => [file, { path, workflow }]),
);

/** How the file's own repository deploys it, read from a fixture repository as the linter reads one. */
async function deploymentOf(name: string, text: string): Promise<Deployment | undefined> {
  const place = deployed.get(name);
  if (!place) return undefined;
  const repo = mkdtempSync(join(tmpdir(), 'corpus-repo-'));
  const workflow = readFileSync(join(root, 'test/corpus/workflows', name.replace(/\.json$/, '.yml')), 'utf8');
  mkdirSync(join(repo, '.git'));
  mkdirSync(dirname(join(repo, place.workflow)), { recursive: true });
  writeFileSync(join(repo, place.workflow), workflow);
  mkdirSync(dirname(join(repo, place.path)), { recursive: true });
  writeFileSync(join(repo, place.path), text);
  const detected = await new WorkflowDeployments().detect(join(repo, place.path));
  expect(detected, `${place.workflow} of the fixture repository should name ${place.path}`).toBeDefined();
  return chooseDeployment('auto', detected);
}

describe('corpus (../shared/corpus)', () => {
  // The corpus lives beside the repository (CI checks it out there); without it this suite would
  // pass by testing nothing, so its absence is a failure that says where it should be.
  it('has every file of the corpus', () => {
    expect(existsSync(corpus), `${corpus} is missing: the corpus of real task definitions must sit beside the repository`).toBe(true);
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it('places every deployed file of the list in the corpus', () => {
    for (const name of deployed.keys()) expect(files, name).toContain(name);
  });

  it.each(files)('%s', async (name) => {
    let text = readFileSync(join(corpus, name), 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const deployment = await deploymentOf(name, text);
    const options = { reportSyntaxErrors: true, ...(deployment ? { deployment } : {}) };
    // As the CLI prints them: the faded members are the editor's view of the summing-up finding.
    const findings = service
      .analyze(doc(text, `file:///corpus/${name}`), { forced: true }, options)
      .filter((f) => !f.tags?.includes('unnecessary'));
    const actual = summarize(text, findings);
    const expectedFile = join(root, 'test/corpus/expected', `${name}.json`);
    expectMatchesFile(actual, expectedFile);

    if (!findings.some((f) => f.ruleId === 'invalid-json')) {
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          expect(syntaxErrors(applyFix(text, finding, fix.title)), `${fix.title} on ${finding.ruleId}`).toEqual([]);
        }
      }
    }
  });
});

// CloudFormation templates, YAML task definitions and EKS manifests from ../shared/corpus-iac (see its SOURCES.tsv
// for what a reviewer expects of each), named on the command line; their reviewed findings are in
// test/corpus/expected-iac/<kind>__<file>.json.
const iac = join(root, '../shared/corpus-iac/files');
const IAC_KINDS = ['cloudformation', 'taskdef-yaml', 'kubernetes'];
const iacFiles = IAC_KINDS.flatMap((kind) =>
  (existsSync(join(iac, kind)) ? readdirSync(join(iac, kind)).sort() : []).map((f) => `${kind}/${f}`),
);

describe('corpus of templates and YAML task definitions (../shared/corpus-iac)', () => {
  it('has every CloudFormation and YAML file of the corpus', () => {
    expect(existsSync(iac), `${iac} is missing: the corpus of real templates must sit beside the repository`).toBe(true);
    expect(iacFiles.length).toBeGreaterThanOrEqual(26);
  });

  it.each(iacFiles)('%s', (path) => {
    const text = readFileSync(join(iac, path), 'utf8');
    const name = path.split('/')[1];
    // Named on the command line, as task definitions; manifests are recognised by their kind (a file the
    // content says is none stays none: the legacy kubernetes-client.io ExternalSecret).
    const hints = path.startsWith('kubernetes/') ? {} : { forced: true };
    const findings = service.analyze(doc(text, `file:///corpus-iac/${name}`), hints, { reportSyntaxErrors: true });
    expectMatchesFile(summarize(text, findings), join(root, 'test/corpus/expected-iac', `${path.replace('/', '__')}.json`));

    if (!findings.some((f) => f.ruleId === 'invalid-yaml' || f.ruleId === 'invalid-json')) {
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          expect(syntaxProblems(applyFix(text, finding, fix.title, name), name), `${fix.title} on ${finding.ruleId}`).toEqual([]);
        }
      }
    }
  });
});

// Terraform configurations from ../shared/corpus-iac/files/terraform: a .tf file, or a folder with a
// .tf file and the container-definition JSON file its resource reads with file() or templatefile().
// Each is linted as the CLI lints a folder (so that the JSON file is linked to its resource); the
// reviewed findings of every file are in test/corpus/expected-iac/terraform__<entry>.json.
const terraformDir = join(iac, 'terraform');
const terraformEntries = existsSync(terraformDir) ? readdirSync(terraformDir).sort() : [];

describe('corpus of Terraform configurations (../shared/corpus-iac)', () => {
  it('has every Terraform configuration of the corpus', () => {
    expect(terraformEntries.length).toBeGreaterThanOrEqual(12);
  });

  it.each(terraformEntries)('%s', async (entry) => {
    const targets = await collectFiles([entry], terraformDir);
    const results = await lintFiles(targets, terraformDir, { reportSyntaxErrors: true }, { force: false, onSkipped: () => {} });
    expect(results.map((r) => r.error).filter(Boolean)).toEqual([]);
    const summary = results.map((r) => ({ file: r.file, findings: summarize(r.source!.text, r.findings) }));
    expectMatchesFile(summary, join(root, 'test/corpus/expected-iac', `terraform__${entry}.json`));
    for (const result of results) {
      const name = result.file.split('/').pop()!;
      if (result.findings.some((f) => f.ruleId.startsWith('invalid-'))) continue;
      for (const finding of result.findings) {
        for (const fix of finding.fixes ?? []) {
          expect(
            syntaxProblems(applyFix(result.source!.text, finding, fix.title, name), name),
            `${fix.title} on ${finding.ruleId}`,
          ).toEqual([]);
        }
      }
    }
  });
});
