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
import { languageFromLocale, LanguageService } from './core/index';
import { ServerCatalogs } from './catalogs';
import { resolveSettings } from './common/settings';
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
  let catalogs: ServerCatalogs | undefined;
  let canRegisterConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { settings?: unknown; clientCommands?: unknown };
    const canAskClient = params.capabilities.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const settings = new SettingsProvider(connection, canAskClient, options.settings);
    catalogs = new ServerCatalogs(connection, params);
    const service = catalogs.load(resolveSettings(options.settings).catalogPaths);
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
    if (!context || !catalogs) {
      return;
    }
    catalogs.announce(context.service, (message) => context?.log(message));
    catalogs.watch();
    catalogs.onChange(() => useCatalogs(catalogs!.reload()));
    if (canRegisterConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'errorCodebook' }).catch(() => undefined);
    }
    const workspaceSettings = await context.settings.forResource();
    if (catalogs.differ(workspaceSettings.catalogPaths)) {
      useCatalogs(catalogs.load(workspaceSettings.catalogPaths));
      catalogs.watch();
    }
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
  };

  connection.onDidChangeConfiguration(async (change) => {
    if (!context) {
      return;
    }
    context.settings.changed(change.settings);
    const workspaceSettings = await context.settings.forResource();
    if (catalogs?.differ(workspaceSettings.catalogPaths)) {
      useCatalogs(catalogs.load(workspaceSettings.catalogPaths));
      catalogs.watch();
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
