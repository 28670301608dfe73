/*
 * The language server, as the rest of the extension sees it: started over Node IPC and restarted
 * after crashes (RestartingErrorHandler) or on request. It is handed every document on disk and
 * every untitled one, and decides itself, with the core's one rule and the settings of each
 * document, which it scans; so a change of the scan settings takes effect without a restart.
 * Settings reach it through its own registration for changes of the `errorCodebook` section.
 * Large saved logs are read by the server from disk instead of being sent (largeFiles.ts).
 */
import * as vscode from 'vscode';
import {
  CancellationToken,
  DocumentSelector,
  LanguageClient,
  LanguageClientOptions,
  RequestType,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { CatalogsChangedNotification, CatalogsChangedParams, FindingsChangedNotification, FindingsChangedParams } from '../../server/src/common/protocol';
import { SERVER_EXEC_ARGV, serverEnvironment } from '../../server/src/common/serverProcess';
import { CLIENT_COMMANDS, Commands } from './commandIds';
import { RestartingErrorHandler } from './errorHandler';
import { LargeFileSync } from './largeFiles';
import { readSettings } from './settings';
import { l10n } from './l10n';

const CLIENT_ID = 'errorCodebook';
const CLIENT_NAME = 'Error Codebook';

/**
 * Documents are synchronised from disk, from untitled editors and from the file systems of the
 * workspace's own folders (a virtual workspace such as a GitHub repository opened remotely): never
 * output channels or other documents of no workspace. Which of them are scanned is the server's decision.
 */
function documentSelector(): DocumentSelector {
  const schemes = new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)]);
  return [...schemes].map((scheme) => ({ scheme }));
}

export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private clientDisposables: vscode.Disposable[] = [];
  private readonly findingsChanged = new vscode.EventEmitter<FindingsChangedParams>();
  private readonly catalogsChanged = new vscode.EventEmitter<CatalogsChangedParams>();
  private readonly started = new vscode.EventEmitter<LanguageClient>();
  private readonly gaveUp = new vscode.EventEmitter<void>();
  private shown = false;
  private stoppedForGood = false;
  readonly errorHandler: RestartingErrorHandler;
  /** Large saved logs are read by the server from disk, not sent as text (until edited). */
  readonly largeFiles: LargeFileSync;

  /** The findings of a document changed (server notification errorCodebook/findingsChanged). */
  readonly onDidChangeFindings = this.findingsChanged.event;
  /** The server loaded its catalogs (server notification errorCodebook/catalogsChanged). */
  readonly onDidChangeCatalogs = this.catalogsChanged.event;
  /** The server is running: after the first start, a restart, or a restart after a crash. */
  readonly onDidStart = this.started.event;
  /** The server crashed too often and stays stopped until the user restarts it. */
  readonly onDidGiveUp = this.gaveUp.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly outputChannel: vscode.OutputChannel,
  ) {
    this.errorHandler = new RestartingErrorHandler({
      log: (message) => outputChannel.appendLine(message),
      restarted: () => void this.tellOnce(l10n.t('The Error Codebook server stopped unexpectedly and was restarted. Further restarts this session are only logged.'), false),
      gaveUp: (crashes, minutes) => {
        this.stoppedForGood = true;
        this.gaveUp.fire();
        void this.tellOnce(l10n.t('The Error Codebook server stopped {0} times in {1} minutes and will not be restarted.', crashes, minutes), true);
      },
    });
    this.largeFiles = new LargeFileSync(
      () => this.client,
      (message) => outputChannel.appendLine(message),
    );
    this.disposables.push(this.findingsChanged, this.catalogsChanged, this.started, this.gaveUp, this.largeFiles.watchEditors());
  }

  /** Whether the server stopped for good (it crashed too often) until the user restarts it. */
  get isStopped(): boolean {
    return this.stoppedForGood;
  }

  /** Starts the server when it is not running, and resolves when it is. */
  ready(): Promise<LanguageClient> {
    if (!this.starting) {
      const starting = this.create();
      this.starting = starting;
      starting.catch(() => {
        if (this.starting === starting) {
          this.starting = undefined;
        }
      });
    }
    return this.starting;
  }

  async sendRequest<P, R>(type: RequestType<P, R, void>, params: P, token?: CancellationToken): Promise<R> {
    const client = await this.ready();
    return token ? client.sendRequest(type, params, token) : client.sendRequest(type, params);
  }

  /** Stops the server and starts a new one with the current settings. */
  async restart(): Promise<LanguageClient> {
    const previous = this.starting;
    this.starting = undefined;
    await this.stopClient(previous);
    this.errorHandler.reset();
    this.stoppedForGood = false;
    return this.ready();
  }

  async stop(): Promise<void> {
    const previous = this.starting;
    this.starting = undefined;
    await this.stopClient(previous);
  }

  dispose(): void {
    void this.stop();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private async stopClient(previous: Promise<LanguageClient> | undefined): Promise<void> {
    const client = this.client ?? (await previous?.catch(() => undefined));
    this.client = undefined;
    vscode.Disposable.from(...this.clientDisposables).dispose();
    this.clientDisposables = [];
    if (client) {
      await client.dispose(2000).catch((error: unknown) => this.outputChannel.appendLine(`Stopping the server failed: ${String(error)}`));
    }
  }

  private async create(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    // Started for the least memory (common/serverProcess.ts): the languageclient adds these to the extension host's environment.
    const env = serverEnvironment(process.env);
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'], env } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      diagnosticCollectionName: CLIENT_ID,
      outputChannel: this.outputChannel,
      errorHandler: this.errorHandler,
      // A function, so a restart sends the settings of that moment.
      initializationOptions: () => ({
        settings: readSettings(),
        clientCommands: CLIENT_COMMANDS,
        globalStoragePath: this.context.globalStorageUri.fsPath,
      }),
      // Hover Markdown may run one command only: the explanation its "N more" line links to.
      markdown: { isTrusted: { enabledCommands: [Commands.explainEntry] }, supportHtml: false },
      middleware: {
        didOpen: (document, next) => this.largeFiles.didOpen(document, next),
        didChange: (event, next) => this.largeFiles.didChange(event, next),
        didClose: (document, next) => this.largeFiles.didClose(document, next),
      },
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    this.client = client;
    // A new server reads nothing from disk yet: the documents are opened with it again.
    this.largeFiles.reset();
    this.clientDisposables.push(
      client.onNotification(FindingsChangedNotification.type, (params) => this.findingsChanged.fire(params)),
      client.onNotification(CatalogsChangedNotification.type, (params) => this.catalogsChanged.fire(params)),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running && this.client === client) {
          this.stoppedForGood = false;
          this.started.fire(client);
        }
      }),
    );
    try {
      await client.start();
    } catch (error) {
      // Do not leave a half-started client restarting on its own: the next request starts a fresh one.
      this.outputChannel.appendLine(`The server could not start: ${String((error as Error)?.message ?? error)}`);
      if (this.client === client) {
        this.client = undefined;
        vscode.Disposable.from(...this.clientDisposables).dispose();
        this.clientDisposables = [];
      }
      await client.dispose(1000).catch(() => undefined);
      throw error;
    }
    return client;
  }

  /** One message per session about the server's health, whatever happens after: the rest goes to the output. */
  private async tellOnce(message: string, isError: boolean): Promise<void> {
    if (this.shown) {
      return;
    }
    this.shown = true;
    const showOutput = l10n.t('Show Output');
    const restart = l10n.t('Restart Server');
    const choice = isError ? await vscode.window.showWarningMessage(message, restart, showOutput) : await vscode.window.showInformationMessage(message, showOutput);
    if (choice === showOutput) {
      this.outputChannel.show(true);
    } else if (choice === restart) {
      await this.restart();
    }
  }
}
