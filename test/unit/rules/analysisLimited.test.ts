import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_LENGTH } from '../../../server/src/service/formats/limits';
import { analyze as analyzeAll, complete, hover } from '../../helpers/taskdef';
/** Every finding but container-memory's: these fixtures leave container memory out (see containerMemory.test.ts). */
const analyze = (...args: Parameters<typeof analyzeAll>) => analyzeAll(...args).filter((f) => f.ruleId !== 'container-memory');

describe('analysis-limited', () => {
  it('reports a 10,000-deep document once, without overflowing the stack', () => {
    const deep = `{"containerDefinitions": [${'['.repeat(10_000)}${']'.repeat(10_000)}]}`;
    const findings = analyze(deep);
    expect(findings.map((f) => [f.ruleId, f.severity, f.message, f.range.start])).toEqual([
      ['analysis-limited', 'information', 'This document nests more than 256 levels deep; it was not analysed.', { line: 0, character: 0 }],
    ]);
    expect(complete(`{"containerDefinitions": [${'['.repeat(5_000)}|${']'.repeat(5_000)}]}`).list.items).toEqual([]);
    expect(hover(`{"contai|nerDefinitions": [${'['.repeat(5_000)}${']'.repeat(5_000)}]}`)).toBeUndefined();
  });

  it('reports a document over the size limit once', () => {
    const padding = ' '.repeat(MAX_DOCUMENT_LENGTH);
    const findings = analyze(`{"family": "f", "containerDefinitions": []${padding}}`);
    expect(findings.map((f) => f.ruleId)).toEqual(['analysis-limited']);
    expect(findings[0].message).toBe('This document is 8.0 MB, more than the 8 MB the server analyses; it was not analysed.');
  });

  it('analyses brackets inside strings and ordinary nesting as usual', () => {
    const text = `{"family": "${'['.repeat(1000)}", "containerDefinitions": [{"name": "a", "image": "b", "memory": "1"}]}`;
    expect(analyze(text).map((f) => f.ruleId)).toEqual(['type-mismatch']);
  });

  it('analyses a 100,000-element array and a 3 MB document', () => {
    const text = JSON.stringify({
      family: 'f',
      containerDefinitions: [
        { name: 'a', image: 'b', environment: Array.from({ length: 100_000 }, (_, i) => ({ name: `V${i}`, value: 'x' })) },
      ],
    });
    expect(text.length).toBeGreaterThan(2_500_000);
    expect(analyze(text)).toEqual([]);
  });
});
