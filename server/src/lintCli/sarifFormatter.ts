// SARIF 2.1.0 as GitHub code scanning reads it: one run, the rules with help text and links, and
// results with 1-based regions counted in UTF-16 code units (what LSP positions are), the safe fix
// of a finding as a SARIF fix, and partial fingerprints that follow a finding when lines move.
import type * as Crypto from 'node:crypto';
import type { Range } from 'vscode-languageserver-types';
import { allRules, RULE_DOCS_BASE, type Finding, type Severity } from '../service';
import { TOOL_NAME, VERSION } from '../version';
import type { SafeFix } from './fix';
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
        results: results.flatMap((result) => {
          const artifactLocation = { uri: result.file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
          const fingerprints = fingerprintsOf(result);
          return result.findings.map((f) => {
            const fix = result.safeFixes?.get(f);
            return {
              ruleId: f.ruleId,
              ruleIndex: ruleIndex.get(f.ruleId),
              level: LEVELS[f.severity],
              message: { text: f.message },
              locations: [{ physicalLocation: { artifactLocation, region: region(f.range) } }],
              ...(fingerprints.has(f) ? { partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.get(f)! } } : {}),
              ...(fix ? { fixes: [sarifFix(fix, artifactLocation)] } : {}),
            };
          });
        }),
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

/** A 1-based SARIF region of an LSP range; the end column is the one after the range. */
function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A safe fix as SARIF writes one: the edits as replacements of regions of the artifact. */
function sarifFix(fix: SafeFix, artifactLocation: { uri: string; uriBaseId: string }) {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      },
    ],
  };
}

/** The partialFingerprints key; the version changes only if the hashed parts do. */
export const FINGERPRINT_KEY = 'ecsTaskDef/v1';

/**
 * A fingerprint per finding that code scanning matches across commits: the hash of the rule, the
 * trimmed text of the finding's first line and the message, so that moving the line keeps it, plus
 * the occurrence among the file's findings with the same hash (GitHub's own `primaryLocationLineHash`
 * counts them the same way).
 */
function fingerprintsOf(result: FileResult): Map<Finding, string> {
  const fingerprints = new Map<Finding, string>();
  if (!result.source) return fingerprints;
  // Loaded here, not at start-up: node:crypto costs every run that writes no SARIF some 15 ms.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof Crypto;
  const lines = result.source.text.split(/\r?\n/);
  const seen = new Map<string, number>();
  for (const f of result.findings) {
    const line = (lines[f.range.start.line] ?? '').trim();
    const hash = createHash('sha256').update(`${f.ruleId}\0${line}\0${f.message}`).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    fingerprints.set(f, `${hash}:${occurrence}`);
  }
  return fingerprints;
}
