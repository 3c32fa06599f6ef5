// Code actions from the diagnostics a client sends back: every fix is rebuilt from the diagnostic's
// `data` and the current text, so the server keeps no state between publishing and fixing.
import { getNodeValue, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData, type FixData } from './findings';
import { findProperty, findValue } from './jsonTree';
import { MODEL } from './shape/taskDefinitionShape';
import { appendElement, dedent, detectLayout, diffEdit, insertProperty, nodeAt, RawJson, removeAt, type Layout } from './textEdits';

/** What the client can apply. */
export interface QuickFixCapabilities {
  /** The client applies snippet text edits in workspace edits (LSP 3.18 `snippetEditSupport`). */
  snippetEdits: boolean;
}

/** A text edit whose text may also be offered as a snippet. */
export interface FixEdit extends TextEdit {
  snippet?: string;
}

/** The quick fixes for the given diagnostics, one action per distinct fix. */
export function quickFixes(doc: TextDocument, diagnostics: Diagnostic[], capabilities: QuickFixCapabilities): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    for (const fix of data?.fixes ?? []) {
      // The document-wide fix is offered once, however many diagnostics carry it.
      const key = fix.kind === 'makeRegistrable' ? fix.kind : `${fix.kind}:${fix.title}:${JSON.stringify(diagnostic.range)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const edits = fixEdits(doc, fix);
      if (!edits?.length) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics:
          fix.kind === 'makeRegistrable'
            ? diagnostics.filter((d) => (d.data as DiagnosticData | undefined)?.ruleId === 'describe-output')
            : [diagnostic],
        isPreferred: fix.kind === 'replaceText' ? fix.preferred : fix.kind !== 'makeRegistrable',
        edit: toWorkspaceEdit(doc, edits, capabilities),
      });
    }
  }
  return actions;
}

function toWorkspaceEdit(doc: TextDocument, edits: FixEdit[], capabilities: QuickFixCapabilities): CodeAction['edit'] {
  if (capabilities.snippetEdits && edits.some((e) => e.snippet !== undefined)) {
    return {
      documentChanges: [
        {
          textDocument: { uri: doc.uri, version: doc.version },
          edits: edits.map((e) =>
            e.snippet !== undefined
              ? { range: e.range, snippet: { kind: 'snippet', value: e.snippet } }
              : { range: e.range, newText: e.newText },
          ),
        },
      ],
    };
  }
  return { changes: { [doc.uri]: edits.map(({ range, newText }) => ({ range, newText })) } };
}

/** The edits of one fix against the current text; undefined when it no longer applies. */
export function fixEdits(doc: TextDocument, fix: FixData): FixEdit[] | undefined {
  const text = doc.getText();
  const layout = detectLayout(text);
  const single = (next: string | undefined) => {
    const edit = next === undefined ? undefined : diffEdit(doc, next);
    return edit ? [edit] : undefined;
  };
  switch (fix.kind) {
    case 'replaceText':
      return doc.getText(fix.range) === fix.oldText ? [{ range: fix.range, newText: fix.newText }] : undefined;
    case 'removeMember':
      return single(removeAt(text, fix.path));
    case 'insertExecutionRole':
      return insertExecutionRole(doc, layout, fix.roleArn);
    case 'moveToSecrets':
      return single(moveToSecrets(text, fix.path, layout));
    case 'moveToSecretsAsParameter':
      return withSnippet(doc, moveToSecrets(text, fix.path, layout, SNIPPET_MARKER), fix.parameterArn);
    case 'unwrapDescribe':
      return single(unwrap(text, layout));
    case 'makeRegistrable':
      return single(makeRegistrable(text, layout));
  }
}

/** Snippet placeholders `${1:default}` replaced by their defaults, for clients without snippet edits. */
function snippetDefaults(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

/** The path of the task object: inside the describe wrapper, or the root. */
function taskPath(root: Node | undefined): JSONPath {
  return findValue(root, 'taskDefinition')?.type === 'object' && !findValue(root, 'containerDefinitions') ? ['taskDefinition'] : [];
}

function insertExecutionRole(doc: TextDocument, layout: Layout, roleArn: string): FixEdit[] | undefined {
  const text = doc.getText();
  const path = taskPath(parseTree(text));
  const task = nodeAt(text, path);
  if (task?.type !== 'object' || findProperty(task, 'executionRoleArn')) return undefined;
  // After taskRoleArn or family when present, where people look for it; first otherwise.
  const keys = (task.children ?? []).map((p) => p.children?.[0]?.value);
  const anchor = ['taskRoleArn', 'family'].map((k) => keys.indexOf(k)).find((i) => i >= 0);
  const next = insertProperty(text, path, 'executionRoleArn', SNIPPET_MARKER, layout, anchor === undefined ? 0 : anchor + 1);
  return withSnippet(doc, next, roleArn);
}

/** Stands in for a snippet in the text a fix builds, until `withSnippet` puts the snippet there. */
const SNIPPET_MARKER = 'ecs-taskdef-snippet-placeholder';

/**
 * The edit to `next` (which holds SNIPPET_MARKER once), as plain text with the snippet's defaults
 * and as a snippet for clients that take snippet edits. The JSON around the snippet is escaped so it
 * stays literal.
 */
function withSnippet(doc: TextDocument, next: string | undefined, snippet: string): FixEdit[] | undefined {
  const edit = next === undefined ? undefined : diffEdit(doc, next);
  if (!edit) return undefined;
  return [
    {
      ...edit,
      newText: edit.newText.replace(SNIPPET_MARKER, snippetDefaults(snippet)),
      snippet: edit.newText.replace(/[$}\\]/g, '\\$&').replace(SNIPPET_MARKER, snippet),
    },
  ];
}

function moveToSecrets(text: string, path: JSONPath, layout: Layout, valueFrom?: string): string | undefined {
  const entry = nodeAt(text, path);
  if (entry?.type !== 'object' || path.length < 2) return undefined;
  const name = findValue(entry, 'name');
  const from = valueFrom ?? (findValue(entry, 'valueFrom') && getNodeValue(findValue(entry, 'valueFrom')!));
  if (!name || typeof from !== 'string') return undefined;
  const secret = { name: getNodeValue(name), valueFrom: from };
  const containerPath = path.slice(0, -2);
  const removed = removeAt(text, path);
  if (removed === undefined) return undefined;
  return nodeAt(removed, [...containerPath, 'secrets'])?.type === 'array'
    ? appendElement(removed, [...containerPath, 'secrets'], secret, layout)
    : insertProperty(removed, containerPath, 'secrets', [secret], layout);
}

function unwrap(text: string, layout: Layout): string | undefined {
  const root = parseTree(text);
  const inner = findValue(root, 'taskDefinition');
  if (!root || inner?.type !== 'object' || findValue(root, 'containerDefinitions')) return undefined;
  let next = dedent(text.slice(inner.offset, inner.offset + inner.length), layout);
  if (/\r?\n$/.test(text)) next += layout.eol;
  const tags = findValue(root, 'tags');
  if (tags && tags.type !== 'null' && !findProperty(inner, 'tags')) {
    // Outer and inner members sit at the same depth, so the tags keep their text and indentation.
    next = insertProperty(next, [], 'tags', new RawJson(text.slice(tags.offset, tags.offset + tags.length)), layout) ?? next;
  }
  return next;
}

function makeRegistrable(text: string, layout: Layout): string | undefined {
  let next = unwrap(text, layout) ?? text;
  // Each removal shifts what follows, so remove one member at a time from a fresh parse; a document
  // has far fewer of these than the bound.
  for (let i = 0; i < 10_000; i++) {
    const root = parseTree(next);
    const target = root && firstRemovable(root);
    const removed = target && removeAt(next, target);
    if (removed === undefined) break;
    next = removed;
  }
  return next === text ? undefined : next;
}
/** The path of the first output-only member or null value, if any. */
function firstRemovable(root: Node): JSONPath | undefined {
  for (const name of MODEL.outputOnlyMembers) if (findProperty(root, name)) return [name];
  const stack: { node: Node; path: JSONPath }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node.type === 'null') return path;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (node.type === 'object') {
        const value = child.children?.[1];
        if (value) stack.push({ node: value, path: [...path, child.children![0].value] });
      } else if (node.type === 'array') {
        stack.push({ node: child, path: [...path, i] });
      }
    }
  }
  return undefined;
}
