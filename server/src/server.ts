#!/usr/bin/env node
/*
 * error-codebook-ls: the Error Codebook language server. It speaks LSP over stdio (`--stdio`),
 * Node IPC (`--node-ipc`) or a socket (`--socket=N`), and adapts the pure core to the protocol,
 * one feature per file under features/.
 */
import {
  DidChangeConfigurationNotification,
  InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
  createConnection,
} from 'vscode-languageserver/node';
import { languageFromLocale } from './core/strings';
import { createLanguageService } from './core/languageService';
import { builtInCatalogFolder, readCatalogFiles } from './catalogFiles';
import { DocumentStore } from './documentStore';
import { afterDocumentText } from './memory';
import { ServerContext } from './serverContext';
import { SettingsProvider } from './settingsProvider';
import { registerCodeActions, OPEN_DOCUMENTATION_COMMAND } from './features/codeActions';
import { registerCustomRequests } from './features/customRequests';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentLinks } from './features/documentLinks';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerHover } from './features/hover';
import { registerScanFile } from './features/scanFile';

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
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return (require('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  // Never let one bad request or document take the server down: log it and go on.
  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected rejection: ${(reason as Error)?.stack ?? reason}`));

  let context: ServerContext | undefined;
  let catalogPaths: string[] = [];
  let canRegisterConfiguration = false;

  const loadService = (extraPaths: readonly string[]) => {
    const { texts, problems } = readCatalogFiles([builtInCatalogFolder(), ...extraPaths]);
    const service = createLanguageService(texts);
    // Problems of reading files come first, then those of parsing them.
    service.loaded.problems.unshift(...problems);
    return service;
  };

  const logCatalogs = () => {
    if (!context) {
      return;
    }
    const { catalogs, problems } = context.service.loaded;
    for (const { catalog, file } of catalogs) {
      context.log(`Loaded catalog ${catalog.id} (${catalog.entries.length} entries) from ${file}`);
    }
    for (const problem of problems) {
      context.connection.console.warn(`Catalog problem: ${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { settings?: unknown; clientCommands?: unknown };
    const canAskClient = params.capabilities.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const settings = new SettingsProvider(connection, canAskClient, options.settings);
    const initial = (options.settings ?? {}) as { catalogPaths?: unknown };
    catalogPaths = Array.isArray(initial.catalogPaths) ? initial.catalogPaths.filter((item): item is string => typeof item === 'string') : [];
    const service = loadService(catalogPaths);
    context = new ServerContext(connection, service, new DocumentStore(service), settings);
    context.localeLanguage = languageFromLocale(params.locale);
    if (Array.isArray(options.clientCommands)) {
      context.clientCommands = new Set(options.clientCommands.filter((item): item is string => typeof item === 'string'));
    }
    registerHover(context);
    registerDiagnostics(context);
    registerDocumentLinks(context);
    registerDocumentSymbols(context);
    registerCodeActions(context);
    registerCustomRequests(context);
    registerScanFile(context);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'Error Codebook' },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: [OPEN_DOCUMENTATION_COMMAND] },
      },
      serverInfo: { name: 'error-codebook-ls', version: readVersion() },
    };
  });

  connection.onInitialized(async () => {
    if (!context) {
      return;
    }
    logCatalogs();
    if (canRegisterConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'errorCodebook' }).catch(() => undefined);
    }
    const workspaceSettings = await context.settings.forResource();
    if (JSON.stringify(workspaceSettings.catalogPaths) !== JSON.stringify(catalogPaths)) {
      reloadCatalogs(workspaceSettings.catalogPaths);
    }
  });

  const reloadCatalogs = (paths: string[]) => {
    if (!context) {
      return;
    }
    catalogPaths = paths;
    context.service = loadService(paths);
    context.documents.reindex(context.service);
    logCatalogs();
    for (const tracked of context.documents.all()) {
      context.refresh(tracked.uri);
    }
  };

  connection.onDidChangeConfiguration(async (change) => {
    if (!context) {
      return;
    }
    context.settings.changed(change.settings);
    const workspaceSettings = await context.settings.forResource();
    if (JSON.stringify(workspaceSettings.catalogPaths) !== JSON.stringify(catalogPaths)) {
      reloadCatalogs(workspaceSettings.catalogPaths);
    }
    for (const tracked of context.documents.all()) {
      context.documents.reconsider(tracked, await context.settings.forResource(tracked.uri));
      context.refresh(tracked.uri);
    }
  });

  connection.onDidOpenTextDocument(async (params) => {
    if (!context) {
      return;
    }
    const settings = await context.settings.forResource(params.textDocument.uri);
    context.documents.open(params, settings);
    context.refresh(params.textDocument.uri);
    afterDocumentText(params.textDocument.text.length);
  });

  connection.onDidChangeTextDocument(async (params) => {
    if (!context) {
      return;
    }
    // Settings are cached, so this await costs nothing after the first change.
    const settings = await context.settings.forResource(params.textDocument.uri);
    if (context.documents.change(params, settings)) {
      context.refresh(params.textDocument.uri);
    }
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    context?.documents.close(textDocument.uri);
    context?.closed(textDocument.uri);
  });

  connection.listen();
}

main();
