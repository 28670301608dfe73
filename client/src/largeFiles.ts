/*
 * Large logs without the JSON tax: the languageclient middleware does not send the text of a saved
 * file larger than errorCodebook.scan.readFromDiskAboveMB; it asks the server to read the file
 * from disk (errorCodebook/openFromDisk) with only its URI and version. The first edit sends the
 * whole text once (didOpen), and the document is synchronised as any other from then on. When the
 * document is saved on disk again without edits — the edits were reverted or undone, or the file
 * changed on disk and VS Code reloaded it — the server is asked to read it from disk again instead
 * of being sent the change (it reads on from where it was when the file only grew).
 *
 * Only UTF-8 files go this way (files.encoding utf8 or utf8bom, no guessing): the server reads
 * UTF-8, and what it reads must be the text VS Code shows. Notifications of one document are handled
 * one after another, in the order they came.
 *
 * VS Code takes seconds to load a large file's text after its editor opens. When the active editor
 * opens on such a file, the server is told at once (errorCodebook/readAhead) and starts reading it
 * meanwhile, so its findings are in Problems before the text is. When that editor closes before the
 * document opened, the server is told (errorCodebook/readAheadClosed) and withdraws them.
 */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { DidOpenTextDocumentNotification, LanguageClient } from 'vscode-languageclient/node';
import { OpenFromDiskRequest, ReadAheadClosedNotification, ReadAheadNotification } from '../../server/src/common/protocol';
import { SETTINGS_SECTION } from './settings';

const MiB = 1024 * 1024;

/** Whether VS Code has the document of a URI (given as a string) open. */
function isOpen(key: string): boolean {
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
}

export class LargeFileSync {
  /** The documents the server reads from disk. */
  private readonly fromDisk = new Set<string>();
  /** The work queued for each document, in order. */
  private readonly queues = new Map<string, Promise<void>>();
  /** The files the server was told to read ahead, newest last (the last few), with their sizes then. */
  private readonly readAheads = new Map<string, number>();
  /** The open documents whose files were read ahead (for tests and the bench). */
  private readonly openedAhead = new Set<string>();

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** Forgets every document: a new server has none. */
  reset(): void {
    this.fromDisk.clear();
    this.readAheads.clear();
    this.openedAhead.clear();
  }

  /**
   * Tells the server to read ahead the file of a newly active editor, when its document is not open
   * yet, and when the last editor of a file read ahead closes before its document opened.
   */
  watchEditors(): vscode.Disposable {
    let active: string | undefined;
    return vscode.window.tabGroups.onDidChangeTabs(({ closed }) => {
      for (const tab of closed) {
        if (tab.input instanceof vscode.TabInputText) {
          void this.editorClosed(tab.input.uri);
        }
      }
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      const uri = input instanceof vscode.TabInputText ? input.uri : undefined;
      if (uri?.toString() !== active) {
        active = uri?.toString();
        if (uri) {
          void this.readAhead(uri);
        }
      }
    });
  }

  private async editorClosed(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const stillShown = vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
    if (!this.readAheads.has(key) || stillShown || isOpen(key)) {
      return;
    }
    this.readAheads.delete(key);
    try {
      await this.client()?.sendNotification(ReadAheadClosedNotification.type, { uri: key });
    } catch (error) {
      this.log(`Telling the server that ${uri.fsPath} closed before it opened failed: ${String(error)}`);
    }
  }

  private async readAhead(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const client = this.client();
    if (!client || isOpen(key)) {
      return;
    }
    const size = await this.diskSize(uri);
    if (size === undefined || isOpen(key)) {
      return;
    }
    try {
      await client.sendNotification(ReadAheadNotification.type, { uri: key });
      this.readAheads.delete(key);
      this.readAheads.set(key, size);
      for (const oldest of [...this.readAheads.keys()].slice(0, Math.max(0, this.readAheads.size - 8))) {
        this.readAheads.delete(oldest);
      }
    } catch (error) {
      this.log(`Telling the server to read ${uri.fsPath} ahead failed: ${String(error)}`);
    }
  }

  /** Whether the server was told to read a file ahead before its document opened (one of the last few). */
  wasReadAhead(uri: vscode.Uri): boolean {
    return this.readAheads.has(uri.toString()) || this.openedAhead.has(uri.toString());
  }

  /** Whether the server reads a document from disk (for tests and the status of a document). */
  isReadFromDisk(uri: vscode.Uri): boolean {
    return this.fromDisk.has(uri.toString());
  }

  didOpen(document: vscode.TextDocument, next: (document: vscode.TextDocument) => Promise<void>): Promise<void> {
    // A file read ahead was looked at as its editor opened: its size then spares looking again.
    const key = document.uri.toString();
    const aheadSize = this.readAheads.get(key);
    if (aheadSize !== undefined) {
      this.readAheads.delete(key);
      this.openedAhead.add(key);
    }
    return this.queue(document.uri, async () => {
      if (!document.isDirty && (await this.readsFromDisk(document, aheadSize))) {
        return;
      }
      await next(document);
    });
  }

  didChange(event: vscode.TextDocumentChangeEvent, next: (event: vscode.TextDocumentChangeEvent) => Promise<void>): Promise<void> {
    const uri = event.document.uri;
    const version = event.document.version;
    return this.queue(uri, async () => {
      const key = uri.toString();
      if (!event.document.isDirty) {
        // The text is the file's again (reverted, undone to the save, or reloaded after the file
        // changed): the server can read it, rather than be sent the change.
        if (event.document.version === version && (await this.readsFromDisk(event.document))) {
          return;
        }
      }
      if (this.fromDisk.has(key)) {
        // The first edit: the server is sent the whole text once, and the changes after it as usual.
        this.fromDisk.delete(key);
        const client = this.client();
        if (client) {
          await client.sendNotification(DidOpenTextDocumentNotification.type, client.code2ProtocolConverter.asOpenTextDocumentParams(event.document));
        }
        return;
      }
      await next(event);
    });
  }

  didClose(document: vscode.TextDocument, next: (document: vscode.TextDocument) => Promise<void>): Promise<void> {
    return this.queue(document.uri, async () => {
      this.fromDisk.delete(document.uri.toString());
      this.openedAhead.delete(document.uri.toString());
      await next(document);
    });
  }

  /** Runs a document's work after the work queued before it. */
  private queue(uri: vscode.Uri, work: () => Promise<void>): Promise<void> {
    const key = uri.toString();
    const previous = this.queues.get(key) ?? Promise.resolve();
    const done = previous.then(work, work);
    const settled = done.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) {
        this.queues.delete(key);
      }
    });
    return done;
  }

  /**
   * The size of a file the server would read from disk (a large UTF-8 file on disk); undefined for
   * any other. `known` is its size a moment ago, when there is no need to look again.
   */
  private async diskSize(uri: vscode.Uri, known?: number): Promise<number | undefined> {
    if (uri.scheme !== 'file') {
      return undefined;
    }
    const threshold = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<number>('scan.readFromDiskAboveMB', 2);
    if (!(typeof threshold === 'number' && threshold > 0)) {
      return undefined;
    }
    const files = vscode.workspace.getConfiguration('files', uri);
    const encoding = files.get<string>('encoding', 'utf8');
    if ((encoding !== 'utf8' && encoding !== 'utf8bom') || files.get<boolean>('autoGuessEncoding', false)) {
      return undefined;
    }
    try {
      const size = known ?? (await fs.stat(uri.fsPath)).size;
      return size > threshold * MiB ? size : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Asks the server to read a saved document from disk, when it is large and UTF-8; true when it
   * does. `knownSize` is the file's size as its editor opened, when it was read ahead: the server
   * looks at the file itself, and reads it again if it changed since.
   */
  private async readsFromDisk(document: vscode.TextDocument, knownSize?: number): Promise<boolean> {
    const client = this.client();
    if (!client || (await this.diskSize(document.uri, knownSize)) === undefined) {
      return false;
    }
    try {
      const result = await client.sendRequest(OpenFromDiskRequest.type, {
        textDocument: { uri: document.uri.toString(), languageId: document.languageId, version: document.version },
      });
      if (result.accepted) {
        this.fromDisk.add(document.uri.toString());
        return true;
      }
      this.log(`The server does not read ${document.uri.fsPath} from disk (${result.reason ?? 'no reason given'}); its text is sent.`);
    } catch (error) {
      this.log(`Asking the server to read ${document.uri.fsPath} from disk failed: ${String(error)}`);
    }
    return false;
  }
}
