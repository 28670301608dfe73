/*
 * The findings of the active document (errorCodebook/documentFindings), fetched once per change
 * and shared by the status bar, the Error Codes view and "Show Document Codes".
 */
import * as vscode from 'vscode';
import { DocumentFindingsRequest, DocumentFindingsResult } from '../../server/src/common/protocol';
import { ServerConnection } from './serverConnection';

export interface ActiveFindings {
  uri: vscode.Uri;
  result: DocumentFindingsResult;
  /** Whether the document is scanned at all (in the editor, or from disk). */
  scanned: boolean;
}

const REFRESH_DELAY_MS = 50;

export class FindingsModel implements vscode.Disposable {
  private current: ActiveFindings | undefined;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<ActiveFindings | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  readonly onDidChange = this.changed.event;

  constructor(private readonly server: ServerConnection) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      server.onDidChangeFindings(({ uri }) => {
        if (uri === this.activeUri()?.toString()) {
          this.schedule();
        }
      }),
      server.onDidStart(() => this.schedule()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.toString() === this.current?.uri.toString()) {
          this.schedule();
        }
      }),
    );
  }

  get findings(): ActiveFindings | undefined {
    return this.current;
  }

  /** Fetches again now, and resolves with what was fetched. */
  async refresh(): Promise<ActiveFindings | undefined> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = this.fetch();
    await this.pending;
    return this.current;
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pending = this.fetch();
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private activeUri(): vscode.Uri | undefined {
    return vscode.window.activeTextEditor?.document.uri;
  }

  private async fetch(): Promise<void> {
    const generation = ++this.generation;
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      // Focus moved to a panel or a view: keep the last editor's findings while it is still visible.
      const stillVisible = vscode.window.visibleTextEditors.some((visible) => visible.document.uri.toString() === this.current?.uri.toString());
      if (!stillVisible && this.current) {
        this.current = undefined;
        this.changed.fire(undefined);
      }
      return;
    }
    if (this.server.isStopped) {
      // The status bar says so; asking would only fill the output with the same error.
      return;
    }
    const document = editor.document;
    let next: ActiveFindings | undefined;
    try {
      const result = await this.server.sendRequest(DocumentFindingsRequest.type, { uri: document.uri.toString() });
      const scanned = result.total > 0 || (this.server.selects(document) && result.skippedReason === undefined);
      next = { uri: document.uri, result, scanned };
    } catch (error) {
      this.server.outputChannel.appendLine(`Could not get the findings of ${document.uri.toString()}: ${String(error)}`);
      next = undefined;
    }
    if (generation !== this.generation) {
      return;
    }
    this.current = next;
    this.changed.fire(next);
  }
}
