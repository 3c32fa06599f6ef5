// The JSON baseline of the benchmark, in one place for the in-process workloads (bench.ts) and the
// whole-process ones (baselineProcess.ts): vscode-json-languageservice with AWS's ECS task-definition
// schema, as VS Code users have it today.
import { readFileSync } from 'node:fs';
import { getLanguageService, type LanguageService } from 'vscode-json-languageservice';

/** A JSON language service that validates every `*.json` document with the schema in `schemaFile`. */
export function jsonBaselineService(schemaFile: string): LanguageService {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const service = getLanguageService({});
  service.configure({ validate: true, schemas: [{ uri: 'file:///ecs-intellisense-schema.json', fileMatch: ['*.json'], schema }] });
  return service;
}
