// JUnit XML, as CI test reporters read it (Jenkins, GitLab, Azure Pipelines, test-reporter actions):
// one testsuite per file, one testcase per finding. A finding at or above --fail-on is a failure,
// one below it a passing testcase with the finding in system-out; a clean file is one passing
// testcase, and a file that could not be read an error.
import { failsAt, type FailOn } from './exitStatus';
import type { FileResult } from './lintFiles';

/** What the JUnit report needs beyond the results. */
export interface JunitOptions {
  /** Findings at or above this severity are failures. */
  failOn: FailOn;
}

/** The JUnit XML report of a lint run. */
export function formatJunit(results: FileResult[], options: JunitOptions): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const result of results) {
    const file = escapeXmlAttribute(result.file);
    const cases: string[] = [];
    let suiteFailures = 0;
    if (result.error) {
      errors++;
      cases.push(
        `    <testcase classname="${file}" name="${file}">\n      <error message="${escapeXmlAttribute(result.error)}">${escapeXmlText(`${result.file}: ${result.error}`)}</error>\n    </testcase>`,
      );
    }
    for (const f of result.findings) {
      const at = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const line = escapeXmlText(`${result.file}:${at}: ${f.severity} ${f.ruleId}: ${f.message}`);
      const open = `    <testcase classname="${file}" name="${escapeXmlAttribute(`${f.ruleId} at ${at}`)}">`;
      if (failsAt(f.severity, options.failOn)) {
        suiteFailures++;
        cases.push(
          `${open}\n      <failure type="${f.severity}" message="${escapeXmlAttribute(f.message)}">${line}</failure>\n    </testcase>`,
        );
      } else cases.push(`${open}\n      <system-out>${line}</system-out>\n    </testcase>`);
    }
    if (!cases.length) cases.push(`    <testcase classname="${file}" name="${file}"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${file}" tests="${cases.length}" failures="${suiteFailures}" errors="${result.error ? 1 : 0}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ecs-taskdef-lint" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * Characters XML 1.0 cannot hold at all (C0 controls but tab, CR and LF; lone surrogates; U+FFFE
 * and U+FFFF) become U+FFFD: a task definition's values reach the messages as written.
 */
function legal(value: string): string {
  return value.replace(
    // eslint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** Element content: `&`, `<` and `>` escaped (`>` for `]]>`), CR as a reference (parsers read a bare CR as LF). */
export function escapeXmlText(value: string): string {
  return legal(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** A double-quoted attribute value: also `"` and `'`, and tab and LF as references, which attribute normalisation would turn into spaces. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
