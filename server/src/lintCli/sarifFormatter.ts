// SARIF 2.1.0 as GitHub code scanning reads it: one run, the rules with help text and links, and
// results with 1-based regions counted in UTF-16 code units (what LSP positions are).
import { allRules, RULE_DOCS_BASE, type Severity } from '../service';
import { TOOL_NAME, VERSION } from '../version';
import type { FileResult } from './lintFiles';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The SARIF log of a lint run. */
export function formatSarif(results: FileResult[]): string {
  const ruleIndex = new Map(allRules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: VERSION,
            informationUri: RULE_DOCS_BASE.replace(/blob\/main\/docs\/rules\/$/, ''),
            rules: allRules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              helpUri: `${RULE_DOCS_BASE}${rule.id}.md`,
              help: {
                text: `${rule.description}\n\n${RULE_DOCS_BASE}${rule.id}.md`,
                markdown: `${rule.description}\n\n[${rule.id}](${RULE_DOCS_BASE}${rule.id}.md)`,
              },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' } },
        results: results.flatMap((result) =>
          result.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId),
            level: LEVELS[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: result.file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
        invocations: [
          {
            executionSuccessful: results.every((r) => !r.error),
            toolExecutionNotifications: results
              .filter((r) => r.error)
              .map((r) => ({ level: 'error', message: { text: `${r.file}: ${r.error}` } })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
