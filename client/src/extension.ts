/*
 * Error Codebook for VS Code: starts the language server and adds what an LSP server cannot —
 * commands, the Error Codes view, the status bar item and the explanation view. Activation is lazy
 * (the scanned languages, or a command) and does nothing heavier than starting the server.
 */
import * as vscode from 'vscode';
import { CatalogStatusLog } from './catalogStatus';
import { CodesTreeView, revealFinding } from './codesTree';
import { Commands } from './commandIds';
import { copyExplanation } from './commands/copyExplanation';
import { copySupportTicket } from './commands/copySupportTicket';
import { explainEntry } from './commands/explainEntry';
import { ignoreCode } from './commands/ignoreCode';
import { lookUp, lookUpAtCursor } from './commands/lookUp';
import { scanLogFile } from './commands/scanLogFile';
import { showDocumentCodes } from './commands/showDocumentCodes';
import { FindingsModel } from './findingsModel';
import { ServerConnection } from './serverConnection';
import { FindingsStatusBar } from './statusBar';
import { CodeTerminalLinks } from './terminalLinks';
import { initLocalization, l10n, onDidChangeDisplayLanguage } from './l10n';
import { ExplanationPanel } from './explanationView';

let server: ServerConnection | undefined;

/** What the extension offers other extensions and its own tests. */
export interface ErrorCodebookApi {
  /** Whether the server reads a document from disk rather than being sent its text (a large saved log). */
  isReadFromDisk(uri: vscode.Uri): boolean;
  /** Whether the server was told to read a file ahead as its editor opened, before its document did: one about to open, or an open one. */
  wasReadAhead(uri: vscode.Uri): boolean;
}

export function activate(context: vscode.ExtensionContext): ErrorCodebookApi {
  context.subscriptions.push(initLocalization(context));
  const outputChannel = vscode.window.createOutputChannel('Error Codebook');
  server = new ServerConnection(context, outputChannel);
  const connection = server;
  const model = new FindingsModel(connection);
  const catalogLog = new CatalogStatusLog(connection, context.asAbsolutePath('catalogs'));
  context.subscriptions.push(
    outputChannel,
    connection,
    model,
    catalogLog,
    new FindingsStatusBar(model, connection),
    new CodesTreeView(model),
    new CodeTerminalLinks(connection),
    // A new display language: what is shown is said again in it.
    onDidChangeDisplayLanguage(() => {
      model.retell();
      void ExplanationPanel.refresh(connection);
    }),
  );

  const register = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register(Commands.lookUp, (arg) => lookUp(connection, arg));
  register(Commands.lookUpAtCursor, (uri, options) => lookUpAtCursor(connection, uri, options));
  register(Commands.copyExplanation, (arg) => copyExplanation(connection, arg));
  register(Commands.explainEntry, (arg) => explainEntry(connection, arg));
  register(Commands.ignoreCode, (arg) => ignoreCode(arg));
  register(Commands.copySupportTicket, (uri, position, format) => copySupportTicket(connection, uri, position, format));
  register(Commands.scanLogFile, (arg) => scanLogFile(connection, model, arg));
  register(Commands.showDocumentCodes, (arg) => showDocumentCodes(model, arg));
  register(Commands.revealFinding, (uri, line, character) =>
    uri instanceof vscode.Uri ? revealFinding(uri, Number(line) || 0, Number(character) || 0) : undefined,
  );
  register(Commands.showOutput, () => outputChannel.show(true));
  register(Commands.restartServer, async () => {
    outputChannel.appendLine('Restarting the server on request.');
    await connection.restart();
    vscode.window.setStatusBarMessage(l10n.t('Error Codebook server restarted.'), 3000);
    return true;
  });

  // Started, not awaited: activation stays quick, and every command waits for the server itself.
  connection.ready().catch((error: unknown) => {
    outputChannel.appendLine(`The Error Codebook server could not start: ${String((error as Error)?.stack ?? error)}`);
  });
  return { isReadFromDisk: (uri) => connection.largeFiles.isReadFromDisk(uri), wasReadAhead: (uri) => connection.largeFiles.wasReadAhead(uri) };
}

export async function deactivate(): Promise<void> {
  const current = server;
  server = undefined;
  await current?.stop();
}
