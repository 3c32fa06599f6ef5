// The escaping of the CI formats: what a task definition's values put into a message must not end
// a workflow command or break the XML.
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../../server/src/lintCli/githubFormatter';
import { escapeXmlAttribute, escapeXmlText, formatJunit } from '../../../server/src/lintCli/junitFormatter';
import type { Finding } from '../../../server/src/service';

const finding = (message: string): Finding => ({
  ruleId: 'arn-malformed',
  severity: 'error',
  message,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
});

describe('GitHub workflow command escaping', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% a:b, c\r\nd')).toBe('100%25 a:b, c%0D%0Ad');
    expect(escapeProperty('100% a:b, c\r\nd')).toBe('100%25 a%3Ab%2C c%0D%0Ad');
    // % first: an escape already in the text is not read back as one.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('keeps a message on one line and a file name inside its property', () => {
    const out = formatGithub([{ file: 'dir\\a:b,c.json', findings: [finding('two\nlines: 50%')] }]);
    expect(out).toBe('::error file=dir/a%3Ab%2Cc.json,line=1,col=1,endLine=1,endColumn=2,title=arn-malformed::two%0Alines: 50%25\n');
  });
});

describe('JUnit XML escaping', () => {
  it('escapes markup in text and quotes in attributes', () => {
    expect(escapeXmlText('a < b && c > d "q" \'s\'')).toBe('a &lt; b &amp;&amp; c &gt; d "q" \'s\'');
    expect(escapeXmlAttribute('a < b && "q" \'s\'')).toBe('a &lt; b &amp;&amp; &quot;q&quot; &apos;s&apos;');
    expect(escapeXmlText(']]>')).toBe(']]&gt;');
  });

  it('keeps tab, CR and LF as references where a parser would change them', () => {
    expect(escapeXmlAttribute('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeXmlText('a\tb\nc\rd')).toBe('a\tb\nc&#13;d');
  });

  it('replaces characters XML cannot hold, and keeps surrogate pairs', () => {
    expect(escapeXmlText('a\u0000b\u001Bc\uFFFEd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeXmlText('lone \uD800 and \uDC00, pair \uD83D\uDE00')).toBe('lone \uFFFD and \uFFFD, pair \uD83D\uDE00');
  });

  it('writes a report whose values cannot break out of their element or attribute', () => {
    const xml = formatJunit([{ file: 'a"&<b>.json', findings: [finding('value "</failure><x>" & more')] }], { failOn: 'error' });
    expect(xml).toContain('<testsuite name="a&quot;&amp;&lt;b&gt;.json" tests="1" failures="1" errors="0">');
    expect(xml).toContain(
      '<failure type="error" message="value &quot;&lt;/failure&gt;&lt;x&gt;&quot; &amp; more">a"&amp;&lt;b&gt;.json:1:1: error arn-malformed: value "&lt;/failure&gt;&lt;x&gt;" &amp; more</failure>',
    );
    expect(xml.match(/<failure /g)).toHaveLength(1);
  });
});
