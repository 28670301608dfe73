/*
 * The findings of the active document (errorCodebook/documentFindings), fetched once per change
 * and shared by the status bar, the Error Codes view and "Show Document Codes". The active
 * document is the active editor's, or the active tab's when VS Code hands its file to no extension
 * (over 50 MB, opened anyway); right after a disk scan it is the scanned file, until another
 * document becomes active.
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

/** The file of the active tab, when it shows a text file: also one VS Code does not hand to extensions. */
function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText ? input.uri : undefined;
}

/**
 * The column already showing a file: the active editor's when it does, else another visible
 * editor's, else the tab of a file VS Code does not hand to extensions. Undefined when no group
 * shows it.
 */
export function columnShowing(uri: vscode.Uri): vscode.ViewColumn | undefined {
  const wanted = uri.toString();
  const shows = (editor: vscode.TextEditor | undefined) => editor?.document.uri.toString() === wanted;
  const editor = shows(vscode.window.activeTextEditor) ? vscode.window.activeTextEditor : vscode.window.visibleTextEditors.find(shows);
  if (editor?.viewColumn !== undefined) {
    return editor.viewColumn;
  }
  return vscode.window.tabGroups.all.find((group) => group.activeTab?.input instanceof vscode.TabInputText && group.activeTab.input.uri.toString() === wanted)?.viewColumn;
}

export class FindingsModel implements vscode.Disposable {
  private current: ActiveFindings | undefined;
  /** A file scanned from disk, shown until another document becomes active. */
  private pinned: vscode.Uri | undefined;
  private generation = 0;
  /** The document the newest fetch asked for. */
  private asked: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<ActiveFindings | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  readonly onDidChange = this.changed.event;

  constructor(private readonly server: ServerConnection) {
    const activeChanged = (uri: vscode.Uri | undefined) => {
      if (uri && this.pinned && uri.toString() !== this.pinned.toString()) {
        this.pinned = undefined;
      }
      // Tabs change for many reasons (one becomes dirty, is pinned, moves): while the same document
      // is shown, the server says when its findings change.
      if (this.timer === undefined && this.asked !== undefined && this.asked === this.shownUri()?.toString()) {
        return;
      }
      this.schedule();
    };
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => activeChanged(editor?.document.uri)),
      vscode.window.tabGroups.onDidChangeTabs(() => activeChanged(activeTabUri())),
      vscode.window.tabGroups.onDidChangeTabGroups(() => activeChanged(activeTabUri())),
      server.onDidChangeFindings(({ uri }) => {
        if (uri === this.shownUri()?.toString()) {
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

  /** Shows a file's findings (one just scanned from disk) until another document becomes active. */
  show(uri: vscode.Uri): Promise<ActiveFindings | undefined> {
    this.pinned = uri;
    return this.refresh();
  }

  /** Fetches again now, and resolves with what was fetched. */
  async refresh(): Promise<ActiveFindings | undefined> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = this.fetch();
    await this.pending;
    return this.current;
  }

  /**
   * Tells the listeners again what is shown, so they say it in a new display language. What the
   * server said (meanings, catalogs) comes again on its own: it publishes anew in the new language.
   */
  retell(): void {
    this.changed.fire(this.current);
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
    return this.pinned ?? vscode.window.activeTextEditor?.document.uri ?? activeTabUri();
  }

  /**
   * The document whose findings are shown: the active one; else, while focus is in a panel, a view
   * or another kind of editor, the one shown last as long as it is still visible.
   */
  private shownUri(): vscode.Uri | undefined {
    const active = this.activeUri();
    if (active || !this.current) {
      return active;
    }
    return columnShowing(this.current.uri) !== undefined ? this.current.uri : undefined;
  }

  private async fetch(): Promise<void> {
    const generation = ++this.generation;
    const uri = this.shownUri();
    this.asked = uri?.toString();
    if (!uri) {
      if (this.current) {
        this.current = undefined;
        this.changed.fire(undefined);
      }
      return;
    }
    if (this.server.isStopped) {
      // The status bar says so; asking would only fill the output with the same error.
      return;
    }
    let next: ActiveFindings | undefined;
    try {
      const result = await this.fetchAllPages(uri.toString(), generation);
      if (!result) {
        return;
      }
      // The server says why it does not scan a document (its settings leave it out, too large, binary, not open).
      const scanned = result.total > 0 || result.skippedReason === undefined;
      next = { uri, result, scanned };
    } catch (error) {
      this.server.outputChannel.appendLine(`Could not get the findings of ${uri.toString()}: ${String(error)}`);
      next = undefined;
      if (generation === this.generation) {
        // Asked again when it is shown again.
        this.asked = undefined;
      }
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
