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
/** Groups asked for at a time: a log with very many distinct codes comes in pages. */
const PAGE_SIZE = 500;
/** The most groups the view lists. */
const MAX_GROUPS = 20_000;

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
      const result = await this.fetchAllPages(document.uri.toString(), generation);
      if (!result) {
        return;
      }
      // The server says why it does not scan a document (its settings leave it out, too large, binary, not open).
      const scanned = result.total > 0 || result.skippedReason === undefined;
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

  /** Every page of a document's findings; undefined when a newer fetch started meanwhile. */
  private async fetchAllPages(uri: string, generation: number): Promise<DocumentFindingsResult | undefined> {
    const first = await this.server.sendRequest(DocumentFindingsRequest.type, { uri, limit: PAGE_SIZE });
    const groups = [...first.groups];
    let nextOffset = first.nextOffset;
    while (nextOffset !== undefined && groups.length < MAX_GROUPS) {
      if (generation !== this.generation) {
        return undefined;
      }
      const page = await this.server.sendRequest(DocumentFindingsRequest.type, { uri, offset: nextOffset, limit: PAGE_SIZE });
      groups.push(...page.groups);
      nextOffset = page.nextOffset;
    }
    return { ...first, groups, nextOffset: undefined };
  }
}
