// The language server: capabilities and one-line handlers over the analysis core. Only this file
// knows about the connection; transports are chosen in cli.ts.
import {
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DiagnosticTag,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { negotiateEncoding, positionConverter, type PositionConverter } from './positionEncoding';
import { URI } from './uri';
import { hintsForPath } from './documentSelector';
import { LazyAwsCatalog } from './catalog/lazyAwsCatalog';
import type { AccountCatalog } from './catalog/accountCatalog';
import { CachingCatalog } from './catalog/cachingCatalog';
import { CatalogSession } from './catalogSession';
import {
  ANALYSIS_DELAY_MS,
  APPLY_EDIT_COMMAND,
  CONFIGURATION_SECTION,
  REFRESH_CATALOG_COMMAND,
  SERVER_STATS_REQUEST,
  WORKSPACE_TRUSTED_NOTIFICATION,
} from './protocol';
import { createTaskDefinitionService, GENERATE_POLICY_COMMAND, toDiagnostic, type AnalysisOptions } from './service';
import { catalogScope, DEFAULT_SETTINGS, parseSettings, toAnalysisOptions, type Settings } from './settings';
import { TOOL_NAME, VERSION } from './version';
import { WorkflowDeployments } from './workflowFiles';
import { ProjectConfigs, settingsForFile } from './projectConfig';
import { prepareFor } from './hcl/loadHclParser';
import { MAY_BE_CONTAINER_FILE, TerraformLinks } from './terraformLinks';
import { KubernetesStores } from './kubernetesStores';
import { LazyAwsRoleChecker } from './catalog/lazyAwsCatalog';
import type { RoleChecker } from './catalog/roleChecker';
import { RoleChecks } from './catalog/roleChecks';

/** What a client said it can do, read once at initialize. */
interface ClientFeatures {
  configuration: boolean;
  snippets: boolean;
  markdownHover: boolean;
  markdownCompletion: boolean;
  snippetEdits: boolean;
  lazyDocumentation: boolean;
  /** The client takes CodeAction literals; older clients only take Commands. */
  codeActionLiterals: boolean;
  /** The client renders DiagnosticTag.Unnecessary (faded text). */
  unnecessaryTag: boolean;
}

/** What the server talks to besides the client; tests may replace it. */
export interface ServerDependencies {
  accountCatalog?: AccountCatalog;
  roleChecker?: RoleChecker;
}

/** After a failed listing, how long before the server tries again by itself (a refresh always does). */
const CATALOG_RETRY_MS = 60_000;

/** Wires the analysis core to a connection and starts listening. */
export function startServer(connection: Connection, deps: ServerDependencies = {}): void {
  const documents = new TextDocuments(TextDocument);
  const service = createTaskDefinitionService();
  const ttl = { ttlMs: DEFAULT_SETTINGS.aws.cacheTtlSeconds * 1000, retryAfterMs: CATALOG_RETRY_MS };
  const catalog = new CachingCatalog(deps.accountCatalog ?? new LazyAwsCatalog(), ttl);
  const session = new CatalogSession(
    connection,
    catalog,
    ttl,
    () => reanalyzeAll(),
    () => roleChecks.unavailable,
  );
  const settingsCache = new Map<string, Promise<Settings>>();
  const workflows = new WorkflowDeployments();
  const configs = new ProjectConfigs();
  const terraformLinks = new TerraformLinks();
  const kubernetesStores = new KubernetesStores();
  const roleChecker = deps.roleChecker ?? new LazyAwsRoleChecker();
  const roleChecks = new RoleChecks(
    () => roleChecker,
    ttl,
    (message) => {
      reportOnce(message);
      session.republish();
    },
  );
  const pending = new Map<string, NodeJS.Timeout>();
  const published = new Set<string>();
  /** Errors that would repeat for every document (the Terraform parser failing to load): logged once. */
  const reported = new Set<string>();
  const reportOnce = (message: string) => {
    if (!reported.has(message)) connection.console.error((reported.add(message), message));
  };
  let features: ClientFeatures;
  let shutDown = false;
  /** After `shutdown`, requests are errors (LSP: InvalidRequest). */
  const refuseAfterShutdown = () => {
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shut down.');
  };
  let positions: PositionConverter = positionConverter('utf-16');
  let fallbackSettings: Settings = DEFAULT_SETTINGS;

  // stdout carries the protocol in --stdio mode: anything a dependency prints goes to the client's log.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    features = readClientFeatures(params);
    const encoding = negotiateEncoding(params.capabilities.general?.positionEncodings);
    positions = positionConverter(encoding);
    fallbackSettings = parseSettings(initializationSettings(params.initializationOptions));
    session.trusted = (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
    return {
      capabilities: {
        // Incremental changes carry positions; a UTF-8 client sends whole texts instead, so that
        // only requests and results need converting.
        textDocumentSync: encoding === 'utf-8' ? TextDocumentSyncKind.Full : TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':', '/'], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] },
        executeCommandProvider: { commands: [REFRESH_CATALOG_COMMAND, GENERATE_POLICY_COMMAND, APPLY_EDIT_COMMAND] },
        positionEncoding: encoding,
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
  /**
   * Everything a request about a document needs: its recognition hints and analysis options, from
   * the user's settings over the project config; `ignored` when the config's `ignore` names it.
   */
  const contextFor = async (doc: TextDocument) => {
    // A failure leaves the parser out: the document then says why in an invalid-hcl finding.
    await prepareFor(doc.languageId, doc.uri, doc.getText()).catch((error: unknown) => reportOnce(String(error)));
    const user = await settingsFor(doc.uri);
    const path = doc.uri.startsWith('file:') ? URI.toPath(doc.uri) : undefined;
    const userHints = hintsForPath(path ?? URI.toPath(doc.uri), user);
    const loaded = path ? await configs.forFile(path) : undefined;
    const file = settingsForFile(path ?? '', { hints: userHints, rules: user.rules, deployedBy: user.deployedBy }, loaded);
    const settings: Settings = { ...user, rules: file.rules, deployedBy: file.deployedBy };
    // Container definitions that a Terraform resource reads with file() are judged with its task-level facts.
    const linkedTask = path && MAY_BE_CONTAINER_FILE.test(doc.getText()) ? await terraformLinks.linkFor(path) : undefined;
    const hints = linkedTask ? { ...file.hints, linkedTask } : file.hints;
    // Only task definitions wake the catalog (other JSON files never cause an AWS call) or read workflows.
    const isTaskDefinition = !file.ignored && service.parse(doc, hints).subjects.length > 0;
    const catalogAccess = isTaskDefinition ? session.access(settings) : undefined;
    const detected = isTaskDefinition && settings.deployedBy !== 'cli' && path ? await workflows.detect(path) : undefined;
    const options = toAnalysisOptions(settings, catalogAccess, detected);
    // The roles are checked against the account the catalog speaks for (catalog/roleChecks.ts).
    const roleScope = catalogAccess ? catalogScope(settings, session.trusted) : undefined;
    if (catalogAccess && roleScope) options.roles = roleChecks.access(catalogAccess.account);
    // An ExternalSecret's store may be in another file of the repository.
    if (path && service.parse(doc, hints).subjects.some((s) => s.kind === 'externalSecret')) {
      options.kubernetesStores = await kubernetesStores.storesFor(path);
    }
    return { hints, ignored: file.ignored, options, roleScope };
  };

  const analyze = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const { hints, options, ignored, roleScope } = await contextFor(doc);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer edit scheduled its own run
    const findings = ignored ? [] : service.analyze(current, hints, options);
    // What IAM has not been asked yet is asked in the background; its answers bring a second look.
    if (!ignored && options.roles && options.catalog && roleScope) {
      const requests = service.roleCheckRequests(current, hints, options, options.catalog.account);
      if (requests.length) {
        void roleChecks.ensure(requests, roleScope).then(
          (changed) => changed && schedule(uri, 0),
          (error: unknown) => connection.console.error(`Role checks of ${uri} failed: ${String(error)}`),
        );
      }
    }
    if (findings.length === 0 && !published.has(uri)) return;
    if (findings.length) published.add(uri);
    else published.delete(uri);
    const diagnostics = findings.map((finding) => {
      const diagnostic = toDiagnostic(finding);
      if (finding.related)
        diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
      return diagnostic;
    });
    // LSP: a server sends tags only to a client that says it renders them.
    if (!features?.unnecessaryTag) for (const diagnostic of diagnostics) delete diagnostic.tags;
    await connection.sendDiagnostics({ uri, version, diagnostics: positions.toClient(current, diagnostics) });
  };
  const schedule = (uri: string, delay = ANALYSIS_DELAY_MS) => {
    // After shutdown nothing more is analysed or published (only exit may follow).
    if (shutDown) return;
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        analyze(uri).catch((error: unknown) => connection.console.error(`Analysis of ${uri} failed: ${String(error)}`));
      }, delay),
    );
  };

  const reanalyzeAll = () => {
    for (const doc of documents.all()) schedule(doc.uri);
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

  /** The options of the last completion, for resolving its items' documentation. */
  let completionOptions: AnalysisOptions | undefined;
  connection.onCompletion(async ({ textDocument, position }) => {
    refuseAfterShutdown();
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    const { hints, options } = await contextFor(doc);
    completionOptions = options;
    const caps = { snippets: features.snippets, markdown: features.markdownCompletion, lazyDocumentation: features.lazyDocumentation };
    return positions.toClient(doc, service.complete(doc, hints, positions.toCore(doc, position), caps, options));
  });
  connection.onCompletionResolve((item) =>
    completionOptions ? service.resolveCompletion(item, completionOptions, features.markdownCompletion) : item,
  );
  connection.onHover(async ({ textDocument, position }) => {
    refuseAfterShutdown();
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    const { hints, options } = await contextFor(doc);
    return positions.toClient(doc, service.hover(doc, hints, positions.toCore(doc, position), features.markdownHover, options) ?? null);
  });
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    refuseAfterShutdown();
    if (command === REFRESH_CATALOG_COMMAND) {
      roleChecks.refresh();
      return session.refresh();
    }
    if (command === GENERATE_POLICY_COMMAND) return policyFor(String(args?.[0] ?? ''), args?.[1], args?.[2]);
    if (command === APPLY_EDIT_COMMAND && args?.[0]) return (await connection.workspace.applyEdit(args[0] as WorkspaceEdit)).applied;
    return null;
  });
  /** The policy of an open document (of the task definition at `at`, when given), with its JSON text ready to show. */
  /** `only`: the statements for these `action\nresource` pairs (execution-role-permission's quick fix). */
  const policyFor = async (uri: string, at: unknown, only: unknown) => {
    const doc = documents.get(uri);
    if (!doc) return null;
    const { hints, options } = await contextFor(doc);
    const position = isPosition(at) ? positions.toCore(doc, at) : undefined;
    const pairs = Array.isArray(only) && only.every((p) => typeof p === 'string') ? (only as string[]) : undefined;
    const result = service.executionRolePolicy(doc, hints, options, position, pairs);
    return result ? { ...result, text: `${JSON.stringify(result.policy, null, 2)}\n` } : null;
  };
  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    session.trusted = true;
    reanalyzeAll();
  });
  connection.onShutdown(() => {
    shutDown = true;
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
    session.dispose();
    roleChecks.dispose();
  });
  connection.onRequest(SERVER_STATS_REQUEST, () => {
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    return { rss, heapUsed, heapTotal, openDocuments: documents.all().length, uptimeSeconds: process.uptime() };
  });
  connection.onCodeAction(async ({ textDocument, context, range }) => {
    refuseAfterShutdown();
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    const { hints } = await contextFor(doc);
    const diagnostics = positions.fromClient(doc, context.diagnostics);
    const actions = [
      ...service.quickFixes(doc, diagnostics, { snippetEdits: features.snippetEdits }),
      ...service.refactorings(doc, hints, positions.fromClient(doc, range)),
    ];
    // Clients without CodeAction literals get Commands; the server then applies the edit itself.
    const result = features.codeActionLiterals
      ? actions
      : actions.map((a) => a.command ?? { title: a.title, command: APPLY_EDIT_COMMAND, arguments: [a.edit] });
    return positions.toClient(doc, result);
  });

  documents.listen(connection);
  connection.listen();
}

function readClientFeatures(params: InitializeParams): ClientFeatures {
  const caps = params.capabilities;
  // A client that names no format may not render MarkupContent as markdown: plain text is safe.
  const formats = (list: string[] | undefined) => list?.includes('markdown') === true;
  return {
    configuration: caps.workspace?.configuration === true,
    snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
    markdownHover: formats(caps.textDocument?.hover?.contentFormat),
    markdownCompletion: formats(caps.textDocument?.completion?.completionItem?.documentationFormat),
    snippetEdits: (caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true,
    lazyDocumentation: caps.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') === true,
    codeActionLiterals: caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    unnecessaryTag: caps.textDocument?.publishDiagnostics?.tagSupport?.valueSet.includes(DiagnosticTag.Unnecessary) === true,
  };
}

function initializationSettings(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  return CONFIGURATION_SECTION in options ? (options as Record<string, unknown>)[CONFIGURATION_SECTION] : options;
}

function isPosition(value: unknown): value is Position {
  const p = value as Position | undefined;
  return typeof p?.line === 'number' && typeof p.character === 'number';
}
