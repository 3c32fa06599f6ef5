// The same task definition written as JSON, as YAML (--cli-input-yaml), and as a CloudFormation
// template in JSON and in YAML, and as Terraform (jsonencode and a JSON heredoc) gives the same
// findings: the same codes, severities and messages (CloudFormation's and Terraform's messages spell
// member names their own way, so they are compared without case and underscores),
// each on the same member of the task definition. This is what keeps the format adapters and the
// dialect honest: a finding that one format loses or moves fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { innermostAt, memberPathOf } from '../../server/src/service/document/navigate';
import type { Finding } from '../../server/src/service';
import { applyFix, doc, fileNamed, service, syntaxErrors } from '../helpers/taskdef';

const dir = join(__dirname, '../fixtures/formats');
const FILES = ['worker.json', 'worker.yaml', 'worker.cfn.json', 'worker.cfn.yaml', 'worker.tf', 'worker.heredoc.tf'];

/** A message as compared: CloudFormation capitalises member names, Terraform writes the task's in snake_case. */
function normalized(message: string, kind: string | undefined): string {
  if (kind === 'cloudFormation') return message.toLowerCase();
  if (kind === 'terraform') return message.toLowerCase().replace(/_/g, '');
  return message;
}

/** Each finding as code, severity, message and the API member path it is on (below the task). */
function findingsByMember(name: string) {
  const text = readFileSync(join(dir, name), 'utf8');
  const d = doc(text, fileNamed(name));
  const findings = service.analyze(d, {}, { reportSyntaxErrors: true });
  const model = service.parse(d, {});
  const kind = model.subjects[0]?.kind;
  return findings.map((f: Finding) => {
    const node = innermostAt(model.document.roots[0], d.offsetAt(f.range.start) + 1);
    const path = memberPathOf(node!).slice(kind === 'cloudFormation' || kind === 'terraform' ? 3 : 0);
    return { code: f.ruleId, severity: f.severity, message: normalized(f.message, kind), path: path.join('.') };
  });
}

describe('one task definition in every format', () => {
  // Inside each test, not when the file is collected: code that runs outside a test is, to the
  // mutation run, covered by no test in particular, and each of its mutants then runs every test.
  const expected = () => findingsByMember('worker.json');

  it('has the findings the JSON file has', () => {
    expect(expected().map((f) => f.code)).toEqual([
      'plaintext-secret',
      'value-from-in-environment',
      'execution-role-missing',
      'secret-name-conflict',
      'arn-malformed',
      'arn-malformed',
      'cross-account-reference',
      'short-parameter-name',
      'arn-malformed',
      'registry-credentials-invalid',
      'registry-credentials-invalid',
      'arn-malformed',
    ]);
  });

  it.each(FILES.slice(1))('%s gives the same findings on the same members', (name) => {
    const kind = name.includes('.cfn.') ? 'cloudFormation' : name.endsWith('.tf') ? 'terraform' : undefined;
    expect(findingsByMember(name)).toEqual(expected().map((f) => ({ ...f, message: normalized(f.message, kind) })));
  });

  it.each(FILES)('every fix offered on %s leaves a file that parses', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const findings = service.analyze(doc(text, fileNamed(name)), {}, { reportSyntaxErrors: true });
    for (const finding of findings) {
      for (const fix of finding.fixes ?? []) {
        const fixed = applyFix(text, finding, fix.title, name);
        const again = service.analyze(doc(fixed, fileNamed(name)), {}, { reportSyntaxErrors: true });
        expect(
          again.filter((f) => f.ruleId === 'invalid-yaml' || f.ruleId === 'invalid-json' || f.ruleId === 'invalid-hcl'),
          `${fix.title} on ${name}`,
        ).toEqual([]);
        if (name.endsWith('.json')) expect(syntaxErrors(fixed)).toEqual([]);
      }
    }
  });
});
