// The repository explains itself: comments and docs cite documentation inside the repository
// (docs/reference/README.md for the AWS facts), never notes that live beside the checkout, and every
// `docs/….md#anchor` they name exists. Data read from beside the checkout (the corpus, the bench
// schema) is an input, not documentation: paths in code, and data files named in prose, are allowed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const ROOTS = ['server', 'client', 'test', 'scripts', 'docs', 'bench', 'action', '.ci'];
const ROOT_FILES = ['README.md', 'CHANGELOG.md', 'esbuild.mjs', 'eslint.config.mjs', 'vitest.config.ts', 'action.yml'];
/** Build output, dependencies, and data that is not written as prose. */
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', '.e2e-tools', 'fixtures', 'golden']);
const SCRIPT = /\.(ts|mts|cts|js|mjs|cjs)$/;
const HASH_COMMENTED = /\.(sh|ya?ml)$/;

/** Documentation kept outside the repository, by the names it is cited with. */
const OUTSIDE_NOTES = [
  /\b(?:SPEC|STYLE|REVIEW-code|DESIGN-formats)\.md\b/,
  /\bSPEC\s*§/,
  // A markdown page in the shared folder beside the checkout, by a relative or an absolute path.
  /(?:^|[\s(`'"])(?:\.\.\/|\/work\/)?shared\/[\w./-]*\.md\b/,
];

/** A `docs/….md` reference, its anchor, and anchors of the same page that follow (`, #b`, ` and #c`). */
const DOC_REFERENCE = /\bdocs\/([\w./-]+?\.md)(#[\w-]+)?((?:(?:,\s*|\s+and\s+|\s+or\s+)#[\w-]+)*)/g;

interface Source {
  /** Path from the repository root. */
  path: string;
  /** What is prose in it: the whole of a markdown file, the comments of code. */
  prose: { text: string; line: number }[];
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(path, out);
    } else out.push(path);
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The comments of a TypeScript or JavaScript file, found by TypeScript's own scanner. */
function scriptComments(path: string, text: string): Source['prose'] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const seen = new Set<number>();
  const comments: Source['prose'] = [];
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      comments.push({ text: text.slice(range.pos, range.end), line: lineOf(text, range.pos) });
    }
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    node.getChildren(file).forEach(visit);
  };
  visit(file);
  return comments;
}

/** `#` comments of shell scripts and YAML: from a `#` at the start of a line or after a blank. */
function hashComments(text: string): Source['prose'] {
  return text.split('\n').flatMap((line, i) => {
    const match = /(?:^|\s)#(?!!)(.*)$/.exec(line);
    return match ? [{ text: match[1], line: i + 1 }] : [];
  });
}

function sources(): Source[] {
  const files: string[] = [];
  for (const dir of ROOTS) if (existsSync(join(root, dir))) walk(join(root, dir), files);
  for (const file of ROOT_FILES) if (existsSync(join(root, file))) files.push(join(root, file));
  const result: Source[] = [];
  for (const file of files) {
    const path = relative(root, file).split('\\').join('/');
    const text = readFileSync(file, 'utf8');
    // Only a file that mentions a markdown page or a note can cite one: the others need no parsing.
    if (!/\.md\b|SPEC/.test(text)) continue;
    if (path.endsWith('.md')) result.push({ path, prose: [{ text, line: 1 }] });
    else if (SCRIPT.test(path) || text.startsWith('#!/usr/bin/env node')) result.push({ path, prose: scriptComments(path, text) });
    else if (HASH_COMMENTED.test(path) || text.startsWith('#!/usr/bin/env bash') || text.startsWith('#!/bin/')) {
      result.push({ path, prose: hashComments(text) });
    }
  }
  return result;
}

/** GitHub's anchor for a heading: its text, lower case, without punctuation, spaces as hyphens. */
function githubAnchor(heading: string): string {
  const text = heading
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[`*]/g, '');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

const anchorCache = new Map<string, Set<string>>();

/** The anchors of a markdown file: one per ATX heading outside code fences (repeats get -1, -2), and explicit ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const fenceMatch = /^\s*(```+|~~~+)/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = githubAnchor(heading[1]);
      const n = counts.get(base) ?? 0;
      counts.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const id of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id[1]);
  }
  return anchors;
}

function anchorsOfFile(path: string): Set<string> {
  let anchors = anchorCache.get(path);
  if (!anchors) {
    anchors = anchorsOf(readFileSync(path, 'utf8'));
    anchorCache.set(path, anchors);
  }
  return anchors;
}

/** What is wrong with a reference to `file` (absolute) and its anchors; undefined when it resolves. */
function checkTarget(file: string, anchors: string[]): string | undefined {
  if (!existsSync(file)) return 'no such file';
  const missing = anchors.filter((a) => !anchorsOfFile(file).has(a));
  return missing.length ? `no heading for #${missing.join(', #')}` : undefined;
}

const all = sources();
const markdown = all.filter((s) => s.path.endsWith('.md'));
const code = all.filter((s) => !s.path.endsWith('.md'));

describe('references in comments and docs', () => {
  it('reads the sources it checks', () => {
    expect(code.some((s) => s.path === 'server/src/service/arn.ts' && s.prose.length > 0)).toBe(true);
    expect(markdown.some((s) => s.path === 'docs/reference/README.md')).toBe(true);
  });

  it('recognises the citations it forbids, and allows data read from beside the checkout', () => {
    const cites = (text: string) => OUTSIDE_NOTES.some((pattern) => pattern.test(text));
    for (const note of ['SPEC', 'STYLE', 'REVIEW-code', 'DESIGN-formats']) expect(cites(`see ${note}.md`), note).toBe(true);
    expect(cites('(SPEC §1.3)')).toBe(true);
    expect(cites('following shared/recipes/real-editors' + '.md: steps')).toBe(true);
    expect(cites('reads ../shared/corpus/files and ../shared/bench/schema.json')).toBe(false);
    expect(cites('see docs/reference/arns.md#arn-sm-1')).toBe(false);
  });

  it('cite no documentation kept outside the repository', () => {
    const offending: string[] = [];
    for (const source of all) {
      for (const { text, line } of source.prose) {
        text.split('\n').forEach((row, i) => {
          if (OUTSIDE_NOTES.some((pattern) => pattern.test(row))) offending.push(`${source.path}:${line + i}: ${row.trim()}`);
        });
      }
    }
    expect(offending, 'point to docs/reference/ (or another page in the repository) instead').toEqual([]);
  });

  it('name docs/….md files and headings that exist', () => {
    const broken: string[] = [];
    for (const source of all) {
      for (const { text, line } of source.prose) {
        for (const match of text.matchAll(DOC_REFERENCE)) {
          const [whole, page, anchor, more] = match;
          // A path inside another one (server/docs/x.md, ../docs/x.md) is not the repository's docs/.
          const before = text[match.index! - 1];
          if (before === '/' || before === '.') continue;
          const anchors = [anchor, ...(more.match(/#[\w-]+/g) ?? [])].filter(Boolean).map((a) => a.slice(1));
          const problem = checkTarget(join(root, 'docs', page), anchors);
          if (problem) broken.push(`${source.path}:${line + lineOf(text, match.index!) - 1}: ${whole} (${problem})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('link, from docs/reference/, to pages and headings that exist', () => {
    const broken: string[] = [];
    for (const source of markdown.filter((s) => s.path.startsWith('docs/reference/'))) {
      const text = source.prose[0].text;
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1];
        if (/^[a-z]+:/.test(target)) continue;
        const [path, anchor] = target.split('#');
        const file = path ? resolve(dirname(join(root, source.path)), path) : join(root, source.path);
        const problem =
          extname(file) === '.md' || !path ? checkTarget(file, anchor ? [anchor] : []) : existsSync(file) ? undefined : 'no such file';
        if (problem) broken.push(`${source.path}:${lineOf(text, match.index!)}: ${target} (${problem})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('computes anchors as GitHub does', () => {
    expect(githubAnchor('ARN-SM-1')).toBe('arn-sm-1');
    expect(githubAnchor("The task's account")).toBe('the-tasks-account');
    expect(githubAnchor('`aws ecs register-task-definition` (the AWS CLI)')).toBe('aws-ecs-register-task-definition-the-aws-cli');
    expect(githubAnchor('What is not judged, and why')).toBe('what-is-not-judged-and-why');
    expect([...anchorsOf('# A\n```sh\n# not a heading\n```\n## A\n<a id="x"></a>\n')]).toEqual(['a', 'a-1', 'x']);
  });
});
