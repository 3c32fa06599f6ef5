// The extension in a real VS Code (code-server 4.100.3), through the VS Code API: diagnostics with
// codes and ranges, completion of property names and of ARNs from the local AWS endpoint, a quick fix
// applied to the document, hover, and the commands; then the same diagnostics and ARN completion in a
// CloudFormation template written in YAML.
const assert = require('assert');
const vscode = require('vscode');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(probe, what, tries = 120) {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value) return value;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}
const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('ECS Task Definitions in VS Code', () => {
  let doc;
  let api;
  before(async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'taskdef.json'));
    await vscode.window.showTextDocument(doc);
    api = await vscode.extensions.getExtension('ecs-taskdef.ecs-taskdef').activate();
  });

  it('reports diagnostics with codes and ranges, the account-aware ones once the catalog loaded', async () => {
    const diagnostics = await until(() => {
      const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'ecs-taskdef');
      return found.some((d) => (d.code.value || d.code) === 'reference-not-found') && found;
    }, 'reference-not-found');
    const byCode = (code) => diagnostics.find((d) => (d.code.value || d.code) === code);
    const memory = byCode('type-mismatch');
    assert.deepStrictEqual([memory.range.start.line, memory.range.start.character, memory.range.end.character], [7, 16, 21]);
    assert.strictEqual(memory.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(byCode('execution-role-missing').range.start.line, 8);
    assert.match(byCode('reference-not-found').message, /Closest: "\/prod\/db-pass"/);
  });

  it('completes property names', async () => {
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(5, 8));
    const labels = list.items.map(labelOf);
    for (const label of ['cpu', 'essential', 'logConfiguration']) assert.ok(labels.includes(label), `${label} in ${labels.join(',')}`);
    assert.ok(!labels.includes('image'), 'image is already there');
  });

  it('completes secret and parameter ARNs from the AWS account', async () => {
    const line = doc.lineAt(8).text;
    const position = new vscode.Position(8, line.indexOf('/prod/dbpas') + 1);
    const list = await until(async () => {
      const result = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position);
      return result.items.some((i) => labelOf(i) === 'prod/db') && result;
    }, 'ARN completion');
    const secret = list.items.find((i) => labelOf(i) === 'prod/db');
    assert.match(secret.insertText.value || secret.insertText, /^arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod\/db-/);
    assert.ok(list.items.some((i) => labelOf(i) === '/prod/db-pass'));
  });

  it('applies a quick fix to the document', async () => {
    const memory = vscode.languages.getDiagnostics(doc.uri).find((d) => (d.code.value || d.code) === 'type-mismatch');
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      doc.uri,
      memory.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Write 512');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.lineAt(7).text, '      "memory": 512,');
  });

  it('hovers with the member documentation', async () => {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(8, 10));
    const text = hovers.flatMap((h) => h.contents.map((c) => c.value || c)).join('\n');
    assert.match(text, /\*\*secrets\*\*: array of Secret/);
  });

  it('runs its commands: refresh the catalog and generate the execution role policy', async () => {
    const status = await vscode.commands.executeCommand('ecsTaskDef.refreshCatalog');
    assert.strictEqual(status.state, 'ready');
    const before = vscode.workspace.textDocuments.length;
    const policy = await vscode.commands.executeCommand('ecsTaskDef.generateExecutionRolePolicy', doc.uri.toString());
    assert.strictEqual(policy.policy.Version, '2012-10-17');
    await until(
      () => vscode.workspace.textDocuments.some((d) => d.isUntitled && d.getText().includes('ssm:GetParameters')),
      'the policy editor',
    );
    assert.ok(vscode.workspace.textDocuments.length > before);
  });

  it('shows the catalog state in the status bar', async () => {
    const status = await until(() => api.catalogStatus().state === 'ready' && api.catalogStatus(), 'a ready catalog');
    assert.strictEqual(status.text, '$(cloud) AWS: 111122223333 eu-west-1 · 1 secrets · 2 parameters');
  });

  it('selects the region and profile in the user settings, and lists no profile without config files', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('ecsTaskDef.selectRegion', 'us-east-1'), 'us-east-1');
    assert.strictEqual(vscode.workspace.getConfiguration('ecsTaskDef.aws').inspect('region').globalValue, 'us-east-1');
    await vscode.commands.executeCommand('ecsTaskDef.selectRegion', '(default: AWS_REGION or the profile)');
    assert.strictEqual(vscode.workspace.getConfiguration('ecsTaskDef.aws').get('region'), '');
    assert.strictEqual(await vscode.commands.executeCommand('ecsTaskDef.selectProfile', 'ci'), 'ci');
    assert.strictEqual(vscode.workspace.getConfiguration('ecsTaskDef.aws').inspect('profile').globalValue, 'ci');
    await vscode.commands.executeCommand('ecsTaskDef.selectProfile', '(default: AWS_PROFILE and the SDK chain)');
    await vscode.commands.executeCommand('ecsTaskDef.showOutput');
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'ecsTaskDef.refreshCatalog',
      'ecsTaskDef.generateExecutionRolePolicy',
      'ecsTaskDef.selectProfile',
      'ecsTaskDef.selectRegion',
      'ecsTaskDef.showOutput',
      'ecsTaskDef.showCommands',
    ]) {
      assert.ok(commands.includes(id), id);
    }
  });
});

// A CloudFormation template in YAML (runE2e.ts writes template.yaml): the same analysis on each
// AWS::ECS::TaskDefinition's Properties, with PascalCase names and short tags like !Sub.
describe('CloudFormation YAML templates in VS Code', () => {
  let doc;
  const lineOf = (needle) =>
    doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes(needle));
  const codeOf = (d) => d.code.value || d.code;
  before(async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'template.yaml'));
    await vscode.window.showTextDocument(doc);
  });

  it('opens the template as YAML, with no language set by the test', () => {
    // VS Code's built-in YAML support names .yaml files `yaml`: the id the extension activates on.
    assert.strictEqual(doc.languageId, 'yaml');
  });

  it('reports arn-malformed on the parameter: value and execution-role-missing on the Secrets', async () => {
    const diagnostics = await until(() => {
      const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'ecs-taskdef');
      const codes = found.map(codeOf);
      return codes.includes('arn-malformed') && codes.includes('execution-role-missing') && found;
    }, 'arn-malformed and execution-role-missing in template.yaml');
    const summary = diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(', ');
    const arn = 'arn:aws:ssm:eu-west-1:111122223333:parameter:db';
    const line = lineOf(arn);
    const start = doc.lineAt(line).text.indexOf(arn);
    const malformed = diagnostics.filter((d) => codeOf(d) === 'arn-malformed');
    assert.strictEqual(malformed.length, 1, summary);
    assert.deepStrictEqual(
      [malformed[0].range.start.line, malformed[0].range.start.character, malformed[0].range.end.line, malformed[0].range.end.character],
      [line, start, line, start + arn.length],
    );
    assert.strictEqual(malformed[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(malformed[0].message, /parameter\//);
    const role = diagnostics.find((d) => codeOf(d) === 'execution-role-missing');
    assert.strictEqual(role.range.start.line, lineOf('Secrets:'), summary);
    assert.strictEqual(role.severity, vscode.DiagnosticSeverity.Error);
    // The short tags (!Sub, !Ref) are YAML the server reads, not syntax errors.
    assert.ok(!diagnostics.some((d) => codeOf(d) === 'invalid-yaml'), summary);
  });

  it('completes an empty ValueFrom with the ARNs from the AWS account, inserted as a plain scalar', async () => {
    const line = lineOf('ValueFrom: ');
    assert.strictEqual(doc.lineAt(line).text, '              ValueFrom: ');
    const position = new vscode.Position(line, doc.lineAt(line).text.length);
    const list = await until(async () => {
      const result = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position);
      return result.items.some((i) => labelOf(i) === '/prod/api-key') && result;
    }, 'ARN completion in template.yaml');
    const labels = list.items.map(labelOf);
    for (const label of ['prod/db', '/prod/db-pass', '/prod/api-key']) assert.ok(labels.includes(label), `${label} in ${labels.join(',')}`);
    const item = list.items.find((i) => labelOf(i) === '/prod/api-key');
    const text = typeof item.insertText === 'string' ? item.insertText : item.insertText.value;
    assert.strictEqual(text, 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api-key');
    const range = item.range instanceof vscode.Range ? item.range : item.range.replacing;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, text);
    for (const extra of item.additionalTextEdits ?? []) edit.replace(doc.uri, extra.range, extra.newText);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(doc.lineAt(line).text, '              ValueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api-key');
  });
});

// A Terraform file (runE2e.ts writes ecs.tf) with no Terraform extension installed: the extension
// contributes the `terraform` language for .tf, and the server loads its WebAssembly parser from the
// packaged extension when the file opens.
describe('Terraform in VS Code', () => {
  let doc;
  const lineOf = (needle) =>
    doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes(needle));
  const codeOf = (d) => d.code.value || d.code;
  before(async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'ecs.tf'));
    await vscode.window.showTextDocument(doc);
  });

  it('opens ecs.tf as terraform, the language the extension contributes', () => {
    assert.strictEqual(doc.languageId, 'terraform');
  });

  it('reports arn-malformed on the parameter: value and execution-role-missing on the secrets, in the .tf file', async () => {
    const diagnostics = await until(() => {
      const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'ecs-taskdef');
      const codes = found.map(codeOf);
      return codes.includes('arn-malformed') && codes.includes('execution-role-missing') && found;
    }, 'arn-malformed and execution-role-missing in ecs.tf');
    const summary = diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(', ');
    const arn = '"arn:aws:ssm:eu-west-1:111122223333:parameter:db"';
    const line = lineOf(arn);
    const start = doc.lineAt(line).text.indexOf(arn);
    // The empty valueFrom is one too, on its own line.
    const malformed = diagnostics.filter((d) => codeOf(d) === 'arn-malformed');
    assert.deepStrictEqual(
      malformed.map((d) => d.range.start.line),
      [line, lineOf('"API_KEY"')],
      summary,
    );
    assert.deepStrictEqual(
      [malformed[0].range.start.line, malformed[0].range.start.character, malformed[0].range.end.character],
      [line, start, start + arn.length],
    );
    assert.strictEqual(diagnostics.find((d) => codeOf(d) === 'execution-role-missing').range.start.line, lineOf('secrets = ['), summary);
  });

  it('applies the fix of parameter: in HCL', async () => {
    const malformed = vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'arn-malformed');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, malformed.range);
    const fix = actions.find((a) => a.title === 'Write "parameter/"');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/db"'));
  });

  it('completes an empty valueFrom with the ARNs from the AWS account, inside the HCL string', async () => {
    const line = lineOf('"API_KEY"');
    const column = doc.lineAt(line).text.indexOf('valueFrom = ""') + 'valueFrom = "'.length;
    const position = new vscode.Position(line, column);
    const list = await until(async () => {
      const result = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position);
      return result.items.some((i) => labelOf(i) === '/prod/api-key') && result;
    }, 'ARN completion in ecs.tf');
    const item = list.items.find((i) => labelOf(i) === '/prod/api-key');
    const text = typeof item.insertText === 'string' ? item.insertText : item.insertText.value;
    assert.strictEqual(text, 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api-key');
  });
});
