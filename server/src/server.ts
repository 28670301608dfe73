#!/usr/bin/env node
/*
 * error-codebook-ls: the Error Codebook language server. It speaks LSP over stdio (`--stdio`),
 * Node IPC (`--node-ipc`) or a socket (`--socket=N`), and adapts the pure core to the protocol,
 * one feature per file under features/.
 */
import { format } from 'util';
import {
  Connection,
  DidChangeConfigurationNotification,
  InitializeResult,
  ProposedFeatures,
  StreamMessageWriter,
  TextDocumentSyncKind,
  createConnection,
} from 'vscode-languageserver/node';
import { StdioMessageReader } from './messageReader';
import { LanguageService } from './core/index';
import { ServerCatalogs } from './catalogs';
import { ErrorCodebookSettings, SETTINGS_SECTION } from './common/settings';
import { DocumentStore } from './documentStore';
import { afterDocumentEdit, afterDocumentText } from './memory';
import { ServerContext } from './serverContext';
import { SettingsStore } from './settingsStore';
import { registerCodeActions, OPEN_DOCUMENTATION_COMMAND } from './features/codeActions';
import { registerCustomRequests } from './features/customRequests';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentLinks } from './features/documentLinks';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerHover } from './features/hover';
import { registerInlayHints } from './features/inlayHints';
import { registerScanFile } from './features/scanFile';
import { registerOpenFromDisk } from './features/openFromDisk';

const USAGE = `error-codebook-ls: the Error Codebook language server.

Usage: error-codebook-ls --stdio | --node-ipc | --socket=<port>

It explains Huawei Cloud and Alibaba Cloud API error codes found in logs, JSON and source.
Settings come through workspace/configuration (section "errorCodebook") or initializationOptions.settings.`;

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${readVersion()}\n`);
    return;
  }
  if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe') || arg.startsWith('--clientProcessId'))) {
    process.stderr.write(`${USAGE}\n\nNo transport given: pass --stdio.\n`);
    process.exitCode = 2;
    return;
  }
  startServer();
}

function readVersion(): string {
  try {
    return (require('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** What a difference between two settings snapshots of a document asks to redo. */
function effectsOf(before: ErrorCodebookSettings, after: ErrorCodebookSettings, language: (settings: ErrorCodebookSettings) => string): { decide: boolean; publish: boolean; hints: boolean } {
  const differs = (key: keyof ErrorCodebookSettings) => JSON.stringify(before[key]) !== JSON.stringify(after[key]);
  const decide = (['scan.languages', 'scan.include', 'scan.exclude', 'scan.maxFileSizeMB'] as const).some(differs);
  const publish =
    language(before) !== language(after) ||
    (['diagnostics.logs', 'diagnostics.json', 'diagnostics.source', 'diagnostics.markdown', 'diagnostics.severity', 'diagnostics.severityByCode', 'diagnostics.maxPerFile', 'ignoredCodes'] as const).some(differs);
  const hints = language(before) !== language(after) || (['inlineMeaning', 'ignoredCodes'] as const).some(differs);
  return { decide, publish, hints };
}

/**
 * The connection: over stdio with the server's own message reader (one huge message is read near
 * the cost of JSON.parse), else as vscode-languageserver sets it up from the command line. Over
 * stdio the server ends when its input does, and console output goes to the client's log, never
 * into the protocol stream, as vscode-languageserver arranges for its own stdio connections.
 */
function openConnection(): Connection {
  if (!process.argv.slice(2).includes('--stdio')) {
    return createConnection(ProposedFeatures.all);
  }
  const connection = createConnection(ProposedFeatures.all, new StdioMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  let shutdownReceived = false;
  connection.onShutdown(() => {
    shutdownReceived = true;
  });
  for (const event of ['end', 'close'] as const) {
    process.stdin.on(event, () => process.exit(shutdownReceived ? 0 : 1));
  }
  const log = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => connection.console[level](format(...args));
  console.log = log('log');
  console.info = log('info');
  console.debug = log('log');
  console.warn = log('warn');
  console.error = log('error');
  return connection;
}

function startServer(): void {
  const connection = openConnection();
  // Never let one bad request or document take the server down: log it and go on.
  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected rejection: ${(reason as Error)?.stack ?? reason}`));

  let context: ServerContext | undefined;
  let catalogs: ServerCatalogs | undefined;
  let canRegisterConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { settings?: unknown; clientCommands?: unknown };
    const canAskClient = params.capabilities.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    // A file read ahead has its settings asked for then, so its document's diagnostics need not wait for them.
    const settings = new SettingsStore(connection, canAskClient, options.settings, (uri) => context?.documents.has(uri) === true || context?.documents.isReadAhead(uri) === true);
    catalogs = new ServerCatalogs(connection, params);
    const service = catalogs.load(settings.snapshot().catalogPaths, settings.snapshot()['catalogs.disabled']);
    const documents = new DocumentStore(
      service,
      (tracked) => {
        afterDocumentText(tracked.length);
        // Settles once the findings are published: the work that follows (a second pass over the
        // file) would otherwise hold up sending them.
        return context?.refresh(tracked.uri);
      },
      (message) => context?.log(message),
      (tracked) => afterDocumentText(tracked.length),
      (uri) => {
        settings.forget(uri);
        context?.analyses.forget(uri);
        context?.withdrawAhead(uri);
      },
    );
    context = new ServerContext(connection, service, documents, settings);
    context.locale = params.locale;
    if (Array.isArray(options.clientCommands)) {
      context.clientCommands = new Set(options.clientCommands.filter((item): item is string => typeof item === 'string'));
    }
    settings.onDidChange((uri, before, after) => settingsChanged(uri, before, after));
    registerHover(context);
    registerDiagnostics(context);
    registerDocumentLinks(context);
    registerDocumentSymbols(context);
    registerCodeActions(context);
    registerCustomRequests(context);
    registerScanFile(context);
    registerOpenFromDisk(context);
    registerInlayHints(context, params.capabilities.workspace?.inlayHint?.refreshSupport === true);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'Error Codebook' },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: [OPEN_DOCUMENTATION_COMMAND] },
      },
      serverInfo: { name: 'error-codebook-ls', version: readVersion() },
    };
  });

  connection.onInitialized(() => {
    if (!context || !catalogs) {
      return;
    }
    catalogs.announce(context.service, (message) => context?.log(message));
    catalogs.watch();
    catalogs.onChange(() => useCatalogs(catalogs!.reload()));
    // One channel for changes of settings: the server's own registration where the client allows
    // it (the VS Code client no longer pushes them besides), else what the client sends unasked.
    if (canRegisterConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    context.settings.ask();
  });

  /** Runs with newly loaded catalogs: every document is scanned again with them. */
  const useCatalogs = (service: LanguageService) => {
    if (!context || !catalogs) {
      return;
    }
    context.service = service;
    context.documents.reindex(service);
    catalogs.announce(service, (message) => context?.log(message));
    for (const tracked of context.documents.all()) {
      context.refresh(tracked.uri);
    }
    context.rescanFromDisk();
    context.refreshInlayHints();
  };

  /** Redoes for one document (or, without a URI, for the workspace) what a change of its settings affects. */
  const settingsChanged = (uri: string | undefined, before: ErrorCodebookSettings, after: ErrorCodebookSettings) => {
    if (!context || !catalogs) {
      return;
    }
    const { decide, publish, hints } = effectsOf(before, after, (settings) => context!.languageFrom(settings));
    if (uri === undefined) {
      if (catalogs.differ(after.catalogPaths, after['catalogs.disabled'])) {
        // New catalogs: every document, and every file scanned from disk, is scanned again.
        useCatalogs(catalogs.load(after.catalogPaths, after['catalogs.disabled']));
        catalogs.watch();
      } else if (publish) {
        // A file scanned from disk and not open has the workspace's settings.
        context.rescanFromDisk((scanned) => !context!.documents.get(scanned));
      }
      return;
    }
    const tracked = context.documents.get(uri);
    if (!tracked) {
      // A file read ahead: its findings are published again in its new settings.
      void context.publishAhead(uri);
      return;
    }
    if (hints) {
      context.refreshInlayHints();
    }
    if (decide) {
      context.documents.reconsider(tracked, after);
    }
    if (decide || publish) {
      tracked.generation++;
    }
    if (publish) {
      // Its disk scan's findings, if it has some the editor does not replace.
      context.rescanFromDisk((scanned) => scanned === uri);
    }
    // Published whatever the difference: the first answer for a document releases its diagnostics.
    context.refresh(uri);
  };

  connection.onDidChangeConfiguration((change) => {
    context?.settings.changed(change.settings, [...context.documents.all().map((tracked) => tracked.uri), ...context.documents.readAheadUris()]);
  });

  // Text sync: each notification changes the store before anything else runs, so a request sent
  // after it is answered on the text it sent.
  connection.onDidOpenTextDocument((params) => {
    if (!context) {
      return;
    }
    const { uri, text } = params.textDocument ?? {};
    if (typeof uri !== 'string' || typeof text !== 'string') {
      context.log('Ignored a didOpen without a document URI and text.');
      return;
    }
    context.documents.open(params, context.settings.snapshot(uri));
    context.settings.ask(uri);
    context.refresh(uri);
    afterDocumentText(text.length);
  });

  connection.onDidChangeTextDocument((params) => {
    if (!context) {
      return;
    }
    const uri = params.textDocument?.uri;
    if (typeof uri !== 'string' || !Array.isArray(params.contentChanges)) {
      context.log('Ignored a didChange without a document URI and changes.');
      return;
    }
    afterDocumentEdit();
    if (context.documents.change(params, context.settings.snapshot(uri))) {
      context.refresh(uri);
    }
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    if (!context || typeof textDocument?.uri !== 'string') {
      return;
    }
    const length = context.documents.get(textDocument.uri)?.length ?? 0;
    const scannedInEditor = context.documents.scanned(textDocument.uri) !== undefined;
    context.documents.close(textDocument.uri);
    context.settings.forget(textDocument.uri);
    context.closed(textDocument.uri);
    if (scannedInEditor) {
      // A file also scanned from disk gets its disk findings back, scanned again: it may have changed while open.
      context.rescanFromDisk((scanned) => scanned === textDocument.uri);
    }
    afterDocumentText(length);
  });

  connection.listen();
}

main();
