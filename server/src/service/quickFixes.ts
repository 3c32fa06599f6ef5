// Code actions from the diagnostics a client sends back: every fix is rebuilt from the diagnostic's
// `data` and the current text, so the server keeps no state between publishing and fixing. The fix
// logic is the same for every format; the document's format writes each step in its own syntax.
import { GENERATE_POLICY_COMMAND } from './policyActions';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { nodeAtPath } from './document/navigate';
import type { DocNode } from './document/node';
import type { Path } from './document/path';
import { DIAGNOSTIC_SOURCE, type DiagnosticData, type FixData } from './findings';
import type { FormatAdapter } from './formats/format';
import { adapterFor } from './formats';
import { MODEL } from './shape/taskDefinitionShape';
import { diffEdit } from './textEdits';

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
  const format = adapterFor(doc.languageId, doc.uri, doc.getText());
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    for (const fix of data?.fixes ?? []) {
      // The document-wide fix is offered once, however many diagnostics carry it.
      const key = fix.kind === 'makeRegistrable' ? fix.kind : `${fix.kind}:${fix.title}:${JSON.stringify(diagnostic.range)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (fix.kind === 'showPolicy') {
        // Not an edit: the policy opens beside the document (the server's generate-policy command).
        const args = [doc.uri, doc.positionAt(fix.offset), fix.only];
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: fix.title, command: GENERATE_POLICY_COMMAND, arguments: args },
        });
        continue;
      }
      const edits = fixEdits(doc, fix, format);
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
export function fixEdits(
  doc: TextDocument,
  fix: FixData,
  format = adapterFor(doc.languageId, doc.uri, doc.getText()),
): FixEdit[] | undefined {
  const text = doc.getText();
  const root = fix.root ?? 0;
  const { editor } = format;
  const single = (next: string | undefined) => {
    const edit = next === undefined ? undefined : diffEdit(doc, next);
    return edit ? [edit] : undefined;
  };
  switch (fix.kind) {
    case 'replaceText':
      return doc.getText(fix.range) === fix.oldText ? [{ range: fix.range, newText: fix.newText }] : undefined;
    case 'removeMember':
      return single(editor.removeAt(text, root, fix.path));
    case 'insertExecutionRole':
      return withSnippet(doc, insertExecutionRole(text, format, root, fix), fix.roleArn);
    case 'moveToSecrets':
      return single(moveToSecrets(text, format, root, fix.path, fix.keys));
    case 'moveToSecretsAsParameter':
      return withSnippet(doc, moveToSecrets(text, format, root, fix.path, fix.keys, SNIPPET_MARKER), fix.parameterArn);
    case 'unwrapDescribe':
      return single(unwrap(text, format, root));
    case 'makeRegistrable':
      return single(makeRegistrable(text, format, root));
    case 'showPolicy':
      return undefined;
    case 'addRolePolicy': {
      const properties = nodeAtPath(rootOf(text, format, root), fix.path);
      if (properties?.type !== 'object') return undefined;
      const policies = nodeAtPath(properties, ['Policies']);
      return single(
        policies?.type === 'array'
          ? editor.appendElement(text, root, [...fix.path, 'Policies'], fix.entry)
          : policies
            ? undefined
            : editor.insertProperty(text, root, fix.path, 'Policies', [fix.entry]),
      );
    }
  }
}

/** Snippet placeholders `${1:default}` replaced by their defaults, for clients without snippet edits (no fix has a bare `$1`). */
function snippetDefaults(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1');
}

/** The root of a text as the format parses it now. */
function rootOf(text: string, format: FormatAdapter, root: number): DocNode | undefined {
  return format.parse(text).roots[root];
}

/** The member `key` (host name) of an object node. */
function member(object: DocNode | undefined, key: string): DocNode | undefined {
  return nodeAtPath(object, [key]);
}

function insertExecutionRole(text: string, format: FormatAdapter, root: number, fix: Extract<FixData, { kind: 'insertExecutionRole' }>) {
  const task = nodeAtPath(rootOf(text, format, root), fix.path);
  if (task?.type !== 'object' || (task.children ?? []).some((p) => p.children?.[0]?.value === fix.key)) return undefined;
  const keys = (task.children ?? []).map((p) => p.children?.[0]?.value);
  const anchor = fix.after.map((k) => keys.indexOf(k)).find((i) => i >= 0);
  return format.editor.insertProperty(text, root, fix.path, fix.key, SNIPPET_MARKER, anchor === undefined ? 0 : anchor + 1);
}

/** Stands in for a snippet in the text a fix builds, until `withSnippet` puts the snippet there. */
const SNIPPET_MARKER = 'ecs-taskdef-snippet-placeholder';

/**
 * The edit to `next` (which holds SNIPPET_MARKER once), as plain text with the snippet's defaults
 * and as a snippet for clients that take snippet edits. The text around the snippet is escaped so it
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

function moveToSecrets(
  text: string,
  format: FormatAdapter,
  root: number,
  path: Path,
  keys: Extract<FixData, { kind: 'moveToSecrets' }>['keys'],
  valueFrom?: string,
): string | undefined {
  const entry = nodeAtPath(rootOf(text, format, root), path);
  if (entry?.type !== 'object' || path.length < 2) return undefined;
  const name = member(entry, keys.name)?.value;
  const from = valueFrom ?? member(entry, keys.valueFrom)?.value;
  if (name === undefined || typeof from !== 'string') return undefined;
  const secret = { [keys.name]: name as string, [keys.valueFrom]: from };
  const containerPath = path.slice(0, -2);
  const removed = format.editor.removeAt(text, root, path);
  if (removed === undefined) return undefined;
  const secretsPath = [...containerPath, keys.secrets];
  return nodeAtPath(rootOf(removed, format, root), secretsPath)?.type === 'array'
    ? format.editor.appendElement(removed, root, secretsPath, secret)
    : format.editor.insertProperty(removed, root, containerPath, keys.secrets, [secret]);
}

/** The describe wrapper's inner object made the root; undefined when the root is no describe output. */
function unwrap(text: string, format: FormatAdapter, root: number): string | undefined {
  const top = rootOf(text, format, root);
  if (member(top, 'taskDefinition')?.type !== 'object' || member(top, 'containerDefinitions')) return undefined;
  return format.editor.unwrap(text, root, 'taskDefinition');
}

function makeRegistrable(text: string, format: FormatAdapter, root: number): string | undefined {
  let next = unwrap(text, format, root) ?? text;
  // Each removal shifts what follows, so remove one member at a time from a fresh parse; a document
  // has far fewer of these than the bound.
  for (let i = 0; i < 10_000; i++) {
    const top = rootOf(next, format, root);
    const target = top && firstRemovable(top);
    const removed = target && format.editor.removeAt(next, root, target);
    if (removed === undefined) break;
    next = removed;
  }
  return next === text ? undefined : next;
}

/** The path of the first output-only member or null value, if any. */
function firstRemovable(root: DocNode): Path | undefined {
  for (const name of MODEL.outputOnlyMembers) if (member(root, name)) return [name];
  const stack: { node: DocNode; path: Path }[] = [{ node: root, path: [] }];
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
