// The baseline as a whole process, for the whole-process workloads of bench.ts (11 to 13): the JSON
// baseline (jsonBaseline.ts) validating the files named on its command line one after the other and
// writing their diagnostics to stdout as one JSON array, as `ecs-taskdef-lint --format json` does.
// Bundled and minified like the linter, so that both processes load one file of the same kind.
//
//   node bench/out/baselineProcess.js SCHEMA FILE...
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { jsonBaselineService } from './jsonBaseline';

async function main(schemaFile: string, files: string[]): Promise<void> {
  const service = jsonBaselineService(schemaFile);
  const results = [];
  for (const file of files) {
    const doc = TextDocument.create(pathToFileURL(file).href, 'json', 1, await readFile(file, 'utf8'));
    results.push({ file, diagnostics: await service.doValidation(doc, service.parseJSONDocument(doc)) });
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

const [schemaFile, ...files] = process.argv.slice(2);
main(schemaFile, files).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
