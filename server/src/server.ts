// The language server: capabilities and one-line handlers over the analysis core. Only this file
// knows about the connection; transports are chosen in cli.ts.
import {
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import { hintsForPath } from './documentSelector';
import { ANALYSIS_DELAY_MS, CONFIGURATION_SECTION } from './protocol';
import { createTaskDefinitionService, toDiagnostic, type RecognitionHints } from './service';
import { DEFAULT_SETTINGS, parseSettings, toAnalysisOptions, type Settings } from './settings';
import { TOOL_NAME, VERSION } from './version';

/** What a client said it can do, read once at initialize. */
interface ClientFeatures {
  configuration: boolean;
  snippets: boolean;
  markdownHover: boolean;
  markdownCompletion: boolean;
  snippetEdits: boolean;
}

/** Wires the analysis core to a connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service = createTaskDefinitionService();
  const settingsCache = new Map<string, Promise<Settings>>();
  const pending = new Map<string, NodeJS.Timeout>();
  const published = new Set<string>();
  let features: ClientFeatures;
  let fallbackSettings: Settings = DEFAULT_SETTINGS;

  // stdout carries the protocol in --stdio mode: anything a dependency prints goes to the client's log.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    features = readClientFeatures(params);
    fallbackSettings = parseSettings(initializationSettings(params.initializationOptions));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: TOOL_NAME, version: VERSION },
    };
  });

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!features?.configuration) return Promise.resolve(fallbackSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIGURATION_SECTION }).then(
        (raw) => (raw == null ? fallbackSettings : parseSettings(raw)),
        () => fallbackSettings,
      );
      settingsCache.set(uri, settings);
    }
    return settings;
  };
  const hintsFor = async (doc: TextDocument): Promise<RecognitionHints> => hintsForPath(URI.toPath(doc.uri), await settingsFor(doc.uri));

  const analyze = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer edit scheduled its own run
    const hints = hintsForPath(URI.toPath(uri), settings);
    const findings = service.analyze(current, hints, toAnalysisOptions(settings));
    if (findings.length === 0 && !published.has(uri)) return;
    if (findings.length) published.add(uri);
    else published.delete(uri);
    await connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
  };
  const schedule = (uri: string, delay = ANALYSIS_DELAY_MS) => {
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        analyze(uri).catch((error: unknown) => connection.console.error(`Analysis of ${uri} failed: ${String(error)}`));
      }, delay),
    );
  };

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    service.forget(e.document.uri);
    if (published.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!features?.configuration) {
      const section = (change.settings as Record<string, unknown> | undefined)?.[CONFIGURATION_SECTION];
      if (section !== undefined) fallbackSettings = parseSettings(section);
    }
    for (const doc of documents.all()) schedule(doc.uri, 0);
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    return doc
      ? service.complete(doc, await hintsFor(doc), position, { snippets: features.snippets, markdown: features.markdownCompletion })
      : null;
  });
  connection.onHover(async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? (service.hover(doc, await hintsFor(doc), position, features.markdownHover) ?? null) : null;
  });
  connection.onCodeAction(({ textDocument, context }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? service.quickFixes(doc, context.diagnostics, { snippetEdits: features.snippetEdits }) : null;
  });

  documents.listen(connection);
  connection.listen();
}

function readClientFeatures(params: InitializeParams): ClientFeatures {
  const caps = params.capabilities;
  const formats = (list: string[] | undefined) => list === undefined || list.includes('markdown');
  return {
    configuration: caps.workspace?.configuration === true,
    snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
    markdownHover: formats(caps.textDocument?.hover?.contentFormat),
    markdownCompletion: formats(caps.textDocument?.completion?.completionItem?.documentationFormat),
    snippetEdits: (caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true,
  };
}

function initializationSettings(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  return CONFIGURATION_SECTION in options ? (options as Record<string, unknown>)[CONFIGURATION_SECTION] : options;
}
